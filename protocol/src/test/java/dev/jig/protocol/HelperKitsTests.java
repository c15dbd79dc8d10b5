package dev.jig.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.protocol.codec.Json;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The author kits for Python ({@code protocol/python/jig_plugin.py}) and Node
 * ({@code protocol/node/jig-plugin.js}), each driving a small plugin in {@code src/test/kits/}
 * with real messages; every line they write is checked against the schemas.
 */
class HelperKitsTests {

    /** A kit: the interpreter it needs and the test plugin written with it. */
    enum Kit {
        PYTHON("python3", "kit_plugin.py"),
        NODE("node", "kit-plugin.js");

        final String interpreter;
        final Path plugin;

        Kit(String interpreter, String plugin) {
            this.interpreter = interpreter;
            this.plugin = Schemas.moduleDirectory().resolve("src/test/kits").resolve(plugin);
        }

        /** The interpreter on PATH; the test is skipped, naming it, when there is none. */
        Path interpreter() {
            Optional<Path> found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                    .map(dir -> Path.of(dir, interpreter))
                    .filter(Files::isExecutable)
                    .findFirst();
            assumeTrue(found.isPresent(), interpreter + " is not on PATH: the " + name().toLowerCase() + " kit is not tested");
            return found.get();
        }
    }

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
            + "\"params\":{\"protocolVersions\":[1],\"cli\":{\"name\":\"jig\",\"version\":\"0.1.0\"}}}";

    @TempDir
    Path directory;

    private PluginSession session;

    @AfterEach
    void stop() {
        if (session != null) {
            session.close();
        }
    }

    private PluginSession start(Kit kit) throws Exception {
        session = PluginSession.start(kit.interpreter(), List.of(kit.plugin.toString(), Protocol.ARGUMENT), directory);
        return session;
    }

    /** Sends {@code request}; its reply must be valid against {@code schema}. */
    private static JsonNode reply(PluginSession session, String request, String schema) throws Exception {
        return valid(session.exchange(request), schema);
    }

    private static JsonNode valid(String line, String schema) throws Exception {
        assertEquals(List.of(), Schemas.problems(line, "message.schema.json"), line);
        assertEquals(List.of(), Schemas.problems(line, schema), line);
        return Json.mapper().readTree(line);
    }

    private static String prerun(int id, String kitConfig) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"hook\",\"params\":{\"event\":\"prerun\",\"command\":[\"greet\"],"
                + "\"args\":[\"Ada\"],\"cwd\":\"/srv\",\"config\":{\"core\":{\"hook_timeout_ms\":5000},\"plugins\":{\"kit\":" + kitConfig + "}}}}";
    }

    @ParameterizedTest
    @EnumSource(Kit.class)
    void answersInitializeWithTheMetadataAndTheHandlersAsHooks(Kit kit) throws Exception {
        JsonNode result = reply(start(kit), INITIALIZE, "initialize-response.schema.json").get("result");
        assertEquals(1, result.get("protocolVersion").asInt());
        assertEquals(Json.mapper().readTree("{\"name\":\"kit\",\"version\":\"1.0.0\",\"description\":\"Exercises the helper\","
                + "\"hooks\":[\"prerun\",\"postrun\",\"install\"],\"completion\":true}"), result.get("plugin"));
    }

    @ParameterizedTest
    @EnumSource(Kit.class)
    void answersCompleteWithTheCompletersCandidatesAndAFailureWith32603(Kit kit) throws Exception {
        PluginSession plugin = start(kit);
        reply(plugin, INITIALIZE, "initialize-response.schema.json");
        String complete = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"complete\",\"params\":"
                + "{\"command\":[\"kit\"],\"args\":[\"--env\",\"x\"],\"current\":\"%s\"}}";
        JsonNode result = valid(plugin.exchange(complete.formatted("pr")), "message.schema.json").get("result");
        assertEquals(List.of(), Schemas.problems(result.toString(), "complete-result.schema.json"), result.toString());
        assertEquals(Json.mapper().readTree("{\"candidates\":[{\"value\":\"after---env-x\",\"description\":\"seen pr\"}]}"), result);
        JsonNode error = reply(plugin, complete.formatted("boom"), "error-response.schema.json").get("error");
        assertEquals(ErrorCodes.INTERNAL_ERROR, error.get("code").asInt());
        assertTrue(error.get("message").asText().matches("complete failed: \\w*Error: told to fail"), error.toString());
    }

    @ParameterizedTest
    @EnumSource(Kit.class)
    void answersAnOfferWithNoCommonVersionWithError32000(Kit kit) throws Exception {
        String future = INITIALIZE.replace("[1]", "[2,3]");
        JsonNode error = reply(start(kit), future, "error-response.schema.json").get("error");
        assertEquals(-32000, error.get("code").asInt());
        assertEquals(Json.mapper().readTree("{\"offered\":[2,3],\"supported\":[1]}"), error.get("data"));
    }

    @ParameterizedTest
    @EnumSource(Kit.class)
    void answersUnknownRequestsWithMethodNotFoundAndNothingElseAtAll(Kit kit) throws Exception {
        PluginSession plugin = start(kit);
        for (String unanswered : List.of("", "not json", "[1,2]", "{\"jsonrpc\":\"2.0\",\"method\":\"cancel\",\"params\":{}}",
                "{\"jsonrpc\":\"2.0\",\"id\":9,\"result\":{}}", "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"status\"}")) {
            plugin.send(unanswered);
        }
        JsonNode reply = reply(plugin, "{\"jsonrpc\":\"2.0\",\"id\":\"s-1\",\"method\":\"status\"}", "error-response.schema.json");
        assertEquals("s-1", reply.get("id").asText(), "the first line out answers the first request that deserves one");
        assertEquals(ErrorCodes.METHOD_NOT_FOUND, reply.get("error").get("code").asInt());
        JsonNode invalid = reply(plugin, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"initialize\",\"params\":[1]}", "error-response.schema.json");
        assertEquals(ErrorCodes.INVALID_REQUEST, invalid.get("error").get("code").asInt());
        JsonNode unnamed = reply(plugin, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":5}", "error-response.schema.json");
        assertEquals(ErrorCodes.INVALID_REQUEST, unnamed.get("error").get("code").asInt());
    }

    @ParameterizedTest
    @EnumSource(Kit.class)
    void dispatchesHooksWithTheirConfigAndKeepsStdoutForProtocolLines(Kit kit) throws Exception {
        PluginSession plugin = start(kit);
        reply(plugin, INITIALIZE, "initialize-response.schema.json");
        String request = prerun(2, "{\"lang\":\"fr\"}");
        assertEquals(List.of(), Schemas.problems(request, "hook-request.schema.json"));
        JsonNode log = valid(plugin.exchange(request), "log-notification.schema.json");
        assertEquals("prerun greet", log.get("params").get("message").asText());
        JsonNode result = valid(plugin.next(request), "hook-response.schema.json").get("result");
        assertEquals(Json.mapper().readTree("{\"action\":\"continue\",\"env\":{\"KIT_LANG\":\"fr\"}}"), result);
        String postrun = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"hook\",\"params\":{\"event\":\"postrun\",\"command\":[\"greet\"],\"args\":[],"
                + "\"cwd\":\"/srv\",\"ran\":true,\"exitCode\":0,\"durationMs\":3,\"config\":{\"core\":{},\"plugins\":{\"kit\":{}}}}}";
        assertEquals(Json.mapper().readTree("{}"), reply(plugin, postrun, "hook-response.schema.json").get("result"));
        assertTrue(plugin.stderr().contains("noise on stdout"), "print/console.log go to stderr while serving: " + plugin.stderr());
    }

    @ParameterizedTest
    @EnumSource(Kit.class)
    void dispatchesTheInstallEventAndCarriesItsAbort(Kit kit) throws Exception {
        PluginSession plugin = start(kit);
        reply(plugin, INITIALIZE, "initialize-response.schema.json");
        String install = "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"hook\",\"params\":{\"event\":\"install\",\"plugin\":\"kit\","
                + "\"version\":\"1.2.0\",\"directory\":\"/stage/kit\",\"cwd\":\"/srv\","
                + "\"config\":{\"core\":{\"hook_timeout_ms\":5000},\"plugins\":{\"kit\":%s}}}}";
        String proceed = String.format(install, 2, "{}");
        assertEquals(List.of(), Schemas.problems(proceed, "hook-request.schema.json"));
        JsonNode log = valid(plugin.exchange(proceed), "log-notification.schema.json");
        assertEquals("installing kit 1.2.0 from /stage/kit", log.get("params").get("message").asText());
        assertEquals(Json.mapper().readTree("{\"action\":\"continue\"}"),
                valid(plugin.next(proceed), "hook-response.schema.json").get("result"));
        assertEquals(Json.mapper().readTree("{\"action\":\"abort\",\"message\":\"kit needs /stage/kit writable\"}"),
                reply(plugin, String.format(install, 3, "{\"refuse\":true}"), "hook-response.schema.json").get("result"));
    }

    @ParameterizedTest
    @EnumSource(Kit.class)
    void answersAFailingHandlerWith32603AndTheSessionGoesOn(Kit kit) throws Exception {
        PluginSession plugin = start(kit);
        reply(plugin, INITIALIZE, "initialize-response.schema.json");
        valid(plugin.exchange(prerun(2, "{\"fail\":true}")), "log-notification.schema.json");
        JsonNode error = valid(plugin.next("the failing prerun"), "error-response.schema.json").get("error");
        assertEquals(ErrorCodes.INTERNAL_ERROR, error.get("code").asInt());
        assertTrue(error.get("message").asText().matches("prerun hook failed: \\w*Error: told to fail"), error.toString());
        valid(plugin.exchange(prerun(3, "{}")), "log-notification.schema.json");
        assertEquals("en", valid(plugin.next("the next prerun"), "hook-response.schema.json").at("/result/env/KIT_LANG").asText());
    }

    @ParameterizedTest
    @EnumSource(Kit.class)
    void exitsZeroAtTheEndOfInput(Kit kit) throws Exception {
        PluginSession plugin = start(kit);
        reply(plugin, INITIALIZE, "initialize-response.schema.json");
        plugin.closeInput();
        assertEquals(0, plugin.exitCode(PluginSession.EXIT));
        assertEquals(List.of(), plugin.remainingLines());
    }

    @ParameterizedTest
    @EnumSource(Kit.class)
    void runsTheCommandWithItsArgumentsAndTheConfigurationFile(Kit kit) throws Exception {
        Path config = Files.writeString(directory.resolve("config.json"), "{\"core\":{},\"plugins\":{\"kit\":{\"lang\":\"de\"}}}");
        ProcessBuilder builder = new ProcessBuilder(kit.interpreter().toString(), kit.plugin.toString(), "--lang", "fr")
                .directory(directory.toFile());
        builder.environment().put("JIG_CONFIG", config.toString());
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(PluginSession.REPLY.toSeconds(), TimeUnit.SECONDS), output);
        assertEquals(7, process.exitValue(), output);
        assertTrue(output.startsWith("run --lang fr {") && output.contains("de"), output);
    }
}
