package dev.jig.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.protocol.codec.Json;
import dev.jig.protocol.method.CliInfo;
import dev.jig.protocol.method.HookEvents;
import dev.jig.protocol.method.HookParams;
import dev.jig.protocol.method.HookResult;
import dev.jig.protocol.method.InitializeParams;
import dev.jig.protocol.method.Methods;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The hook records, built with their factories, serialize to what the schemas accept. */
class HookPayloadsTests {

    private static final JsonNode CONFIG = json("{\"core\":{\"hook_timeout_ms\":5000},\"plugins\":{\"greet\":{\"lang\":\"fr\"}}}");

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String text(Object value) throws Exception {
        return Json.mapper().writeValueAsString(Payloads.tree(value));
    }

    static Stream<Arguments> params() {
        return Stream.of(
                Arguments.of("config", HookParams.config("/srv/site", CONFIG)),
                Arguments.of("prerun", HookParams.prerun(List.of("greet"), List.of("--lang", "fr", "Ada"), "greet", "/srv/site", CONFIG)),
                Arguments.of("prerun of a built-in", HookParams.prerun(List.of("plugins"), List.of("list"), null, "/srv/site", CONFIG)),
                Arguments.of("postrun", HookParams.postrun(List.of("greet"), List.of("Ada"), "greet", "/srv/site", true, 0, 12, CONFIG)),
                Arguments.of("postrun after an abort", HookParams.postrun(List.of("greet"), List.of(), "greet", "/srv/site", false, 3, 0, CONFIG)),
                Arguments.of("command_not_found", HookParams.commandNotFound(List.of("deplyo", "--prod"), "/srv/site", CONFIG)),
                Arguments.of("install", HookParams.install("greet", "1.2.0", "/home/ada/.config/jig/plugins/.staging/greet",
                        "/srv/site", CONFIG)),
                Arguments.of("upgrade", HookParams.upgrade("greet", "2.0.0-rc.1", "1.2.0", "/stage/greet", "/srv/site", CONFIG)),
                Arguments.of("uninstall", HookParams.uninstall("greet", "1.2.0", "/home/ada/.config/jig/plugins/greet",
                        "/srv/site", CONFIG)));
    }

    @Test
    void lifecycleParamsCarryOnlyTheirFields() {
        JsonNode install = Payloads.tree(HookParams.install("greet", "1.2.0", "/stage/greet", "/srv", CONFIG));
        assertEquals(json("{\"event\":\"install\",\"plugin\":\"greet\",\"cwd\":\"/srv\",\"config\":" + CONFIG
                + ",\"version\":\"1.2.0\",\"directory\":\"/stage/greet\"}"), install);
        assertEquals("1.2.0", Payloads.read(Payloads.tree(HookParams.upgrade("greet", "2.0.0", "1.2.0", "/s", "/srv", CONFIG)),
                HookParams.class).previous());
    }

    static Stream<Arguments> invalidLifecycleParams() {
        return Stream.of(
                Arguments.of("upgrade without previous", HookParams.upgrade("greet", "2.0.0", null, "/stage/greet", "/srv", CONFIG)),
                Arguments.of("install without directory", HookParams.install("greet", "1.0.0", null, "/srv", CONFIG)),
                Arguments.of("uninstall without version", HookParams.uninstall("greet", null, "/p/greet", "/srv", CONFIG)),
                Arguments.of("install with a version that is not semver", HookParams.install("greet", "v1", "/s", "/srv", CONFIG)),
                Arguments.of("install without plugin", HookParams.install(null, "1.0.0", "/s", "/srv", CONFIG)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidLifecycleParams")
    void incompleteLifecycleParamsFailTheSchema(String name, HookParams params) throws Exception {
        assertFalse(Schemas.problems(text(params), "hook-params.schema.json").isEmpty(), name + ": " + text(params));
    }

    @Test
    void theEventListsPartitionEveryEvent() {
        List<String> both = new java.util.ArrayList<>(HookEvents.RUN);
        both.addAll(HookEvents.LIFECYCLE);
        assertEquals(HookEvents.ALL, both);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("params")
    void paramsSatisfyTheSchemaAndReadBack(String name, HookParams params) throws Exception {
        assertEquals(List.of(), Schemas.problems(text(params), "hook-params.schema.json"), name);
        assertEquals(params, Payloads.read(Payloads.tree(params), HookParams.class));
        Message.Request request = new Message.Request(Id.of(2), Methods.HOOK, Payloads.tree(params));
        assertEquals(List.of(), Schemas.problems(text(wire(request)), "hook-request.schema.json"), name);
    }

    @Test
    void aBuiltInHasNoPluginField() {
        JsonNode tree = Payloads.tree(HookParams.prerun(List.of("plugins"), List.of("list"), null, "/srv", CONFIG));
        assertFalse(tree.has("plugin"), tree.toString());
        assertFalse(tree.has("ran") || tree.has("exitCode") || tree.has("durationMs") || tree.has("words"), tree.toString());
    }

    @Test
    void paramsWithoutConfigFailTheSchema() {
        assertFalse(Schemas.problems(Payloads.tree(HookParams.config("/srv", null)).toString(), "hook-params.schema.json").isEmpty());
        assertEquals(CONFIG, HookParams.config("/srv", null).withConfig(CONFIG).config());
    }

    static Stream<Arguments> results() {
        return Stream.of(
                Arguments.of("continue", HookResult.proceed(Map.of())),
                Arguments.of("continue with env", HookResult.proceed(Map.of("GREET_LAST_COMMAND", "greet", "_X", ""))),
                Arguments.of("abort", HookResult.abort("greet: not on Sundays", 3)),
                Arguments.of("suggest", HookResult.suggest(List.of("deploy", "jig plugins install deploy"))),
                Arguments.of("patch", HookResult.patch(json("{\"plugins\":{\"greet\":{\"lang\":\"fr\"}}}"))),
                Arguments.of("empty", HookResult.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("results")
    void resultsSatisfyTheSchemaAndReadBack(String name, HookResult result) throws Exception {
        assertEquals(List.of(), Schemas.problems(text(result), "hook-result.schema.json"), name);
        assertEquals(result, Payloads.read(Payloads.tree(result), HookResult.class));
        Message.Response response = new Message.Response(Id.of(2), Payloads.tree(result));
        assertEquals(List.of(), Schemas.problems(text(wire(response)), "hook-response.schema.json"), name);
    }

    @Test
    void continueWithoutEnvHasNoEnvField() {
        assertEquals(json("{\"action\":\"continue\"}"), Payloads.tree(HookResult.proceed(Map.of())));
        assertEquals(json("{}"), Payloads.tree(HookResult.empty()));
        assertNull(HookResult.proceed(Map.of()).env());
    }

    static Stream<Arguments> invalidResults() {
        return Stream.of(
                Arguments.of("abort without a message", new HookResult(HookResult.ABORT, null, null, 3, null, null)),
                Arguments.of("abort with exit code 0", HookResult.abort("no", 0)),
                Arguments.of("abort with exit code 256", HookResult.abort("no", 256)),
                Arguments.of("abort with two lines", HookResult.abort("no\nreally", 2)),
                Arguments.of("an unknown action", new HookResult("skip", null, null, null, null, null)),
                Arguments.of("an env name with a dash", HookResult.proceed(Map.of("MY-VAR", "x"))),
                Arguments.of("an env name starting with a digit", HookResult.proceed(Map.of("1X", "x"))),
                Arguments.of("an env name in the CLI's namespace", HookResult.proceed(Map.of("JIG_PLUGIN_NAME", "x"))),
                Arguments.of("a patch outside plugins", HookResult.patch(json("{\"core\":{\"hook_timeout_ms\":1}}"))),
                Arguments.of("a patch of two plugins", HookResult.patch(json("{\"plugins\":{\"a\":{},\"b\":{}}}"))),
                Arguments.of("a patch that is not an object", HookResult.patch(json("[1]"))),
                Arguments.of("a two-line suggestion", HookResult.suggest(List.of("a\nb"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidResults")
    void invalidResultsAreRejected(String name, HookResult result) throws Exception {
        assertFalse(Schemas.problems(text(result), "hook-result.schema.json").isEmpty(), name + ": " + text(result));
    }

    @Test
    void initializeParamsCarryTheConfigOnlyWhenGiven() throws Exception {
        CliInfo cli = new CliInfo("jig", "0.1.0");
        InitializeParams probe = new InitializeParams(List.of(1), cli);
        InitializeParams hooks = new InitializeParams(List.of(1), cli, CONFIG);
        assertFalse(Payloads.tree(probe).has("config"));
        assertEquals(CONFIG, Payloads.tree(hooks).get("config"));
        assertEquals(List.of(), Schemas.problems(text(probe), "initialize-params.schema.json"));
        assertEquals(List.of(), Schemas.problems(text(hooks), "initialize-params.schema.json"));
        assertEquals(hooks, Payloads.read(Payloads.tree(hooks), InitializeParams.class));
    }

    @Test
    void everyEventIsInTheMetadataSchema() {
        for (String event : HookEvents.ALL) {
            String metadata = "{\"name\":\"x\",\"version\":\"1.0.0\",\"hooks\":[\"" + event + "\"]}";
            assertEquals(List.of(), Schemas.problems(metadata, "plugin-metadata.schema.json"), event);
        }
    }

    /** The message as the codec writes it. */
    private static JsonNode wire(Message message) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new dev.jig.protocol.codec.JsonLinesWriter(out).write(message);
        return Json.mapper().readTree(out.toByteArray());
    }
}
