package dev.jig.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.protocol.codec.Inbound;
import dev.jig.protocol.codec.Json;
import dev.jig.protocol.codec.JsonLinesReader;
import dev.jig.protocol.method.HookParams;
import dev.jig.protocol.method.HookResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python sample plugin's hooks ({@code sample-plugins/python/jig-greet}), spoken to the way a
 * host does, with every reply checked against the schemas.
 */
class SampleGreetHooksTests {

    private static final Path PLUGIN = Schemas.moduleDirectory().resolveSibling("sample-plugins").resolve("python").resolve("jig-greet");
    private static final String CWD = "/srv/site";

    @TempDir
    Path directory;

    private PluginSession session;

    @BeforeEach
    void start() throws Exception {
        assertTrue(Files.isExecutable(PLUGIN), PLUGIN + " is executable");
        session = PluginSession.start(PLUGIN, List.of(Protocol.ARGUMENT), directory);
    }

    @AfterEach
    void stop() {
        session.close();
    }

    private static JsonNode config(String greet) throws IOException {
        return Json.mapper().readTree("{\"core\":{\"hook_timeout_ms\":5000},\"plugins\":{\"greet\":" + greet + "}}");
    }

    private static String request(int id, HookParams params) throws IOException {
        return Json.mapper().writeValueAsString(Map.of("jsonrpc", "2.0", "id", id, "method", "hook", "params", Payloads.tree(params)));
    }

    private static Message read(String line) throws IOException {
        Inbound inbound = new JsonLinesReader(new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8))).read();
        return assertInstanceOf(Inbound.Received.class, inbound, line).message();
    }

    /** Sends a hook request and returns the result of its schema-valid reply. */
    private HookResult hook(int id, HookParams params) throws Exception {
        String line = request(id, params);
        assertEquals(List.of(), Schemas.problems(line, "hook-request.schema.json"), line);
        String reply = session.exchange(line);
        assertEquals(List.of(), Schemas.problems(reply, "hook-response.schema.json"), reply);
        Message.Response response = assertInstanceOf(Message.Response.class, read(reply));
        assertEquals(Id.of(id), response.id());
        return Payloads.read(response.result(), HookResult.class);
    }

    private void initialize(JsonNode config) throws Exception {
        String line = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersions\":[1],"
                + "\"cli\":{\"name\":\"jig\",\"version\":\"0.1.0\"},\"config\":" + config + "}}";
        assertEquals(List.of(), Schemas.problems(line, "initialize-request.schema.json"));
        String reply = session.exchange(line);
        assertEquals(List.of(), Schemas.problems(reply, "initialize-response.schema.json"), reply);
        JsonNode plugin = ((Message.Response) read(reply)).result().path("plugin");
        assertEquals(Json.mapper().readTree("[\"prerun\",\"postrun\"]"), plugin.path("hooks"));
    }

    @Test
    void prerunAddsTheCommandWordsToTheEnvironment() throws Exception {
        JsonNode config = config("{\"forbid\":[\"deploy\"]}");
        initialize(config);
        assertEquals(HookResult.proceed(Map.of("GREET_LAST_COMMAND", "greet")),
                hook(2, HookParams.prerun(List.of("greet"), List.of("Ada"), "greet", CWD, config)));
        assertEquals(HookResult.proceed(Map.of("GREET_LAST_COMMAND", "plugins")),
                hook(3, HookParams.prerun(List.of("plugins"), List.of("list"), null, CWD, config)));
    }

    @Test
    void prerunAbortsACommandTheConfigurationForbids() throws Exception {
        JsonNode config = config("{\"forbid\":[\"deploy\",\"hello\"]}");
        initialize(config);
        HookResult result = hook(2, HookParams.prerun(List.of("deploy"), List.of("--prod"), "deploy", CWD, config));
        assertEquals(HookResult.abort("greet: 'jig deploy' is not allowed here (plugins.greet.forbid)", 3), result);
    }

    @Test
    void postrunAnswersAnEmptyObjectAlsoAfterAnAbort() throws Exception {
        JsonNode config = config("{}");
        initialize(config);
        assertEquals(HookResult.empty(), hook(2, HookParams.postrun(List.of("greet"), List.of(), "greet", CWD, true, 0, 12, config)));
        assertEquals(HookResult.empty(), hook(3, HookParams.postrun(List.of("deploy"), List.of(), "deploy", CWD, false, 3, 0, config)));
    }

    @Test
    void eventsItDoesNotListAreMethodNotFound() throws Exception {
        JsonNode config = config("{}");
        initialize(config);
        for (HookParams params : List.of(HookParams.config(CWD, config), HookParams.commandNotFound(List.of("deplyo"), CWD, config))) {
            String reply = session.exchange(request(7, params));
            assertEquals(List.of(), Schemas.problems(reply, "error-response.schema.json"), reply);
            Message.ErrorResponse error = assertInstanceOf(Message.ErrorResponse.class, read(reply));
            assertEquals(ErrorCodes.METHOD_NOT_FOUND, error.error().code());
        }
    }

    @Test
    void aBadConfigurationIsAnInternalErrorAndTheSessionGoesOn() throws Exception {
        JsonNode bad = config("{\"forbid\":\"deploy\"}");
        initialize(bad);
        String reply = session.exchange(request(2, HookParams.prerun(List.of("greet"), List.of(), "greet", CWD, bad)));
        Message.ErrorResponse error = assertInstanceOf(Message.ErrorResponse.class, read(reply));
        assertEquals(ErrorCodes.INTERNAL_ERROR, error.error().code());
        assertTrue(error.error().message().startsWith("prerun hook failed: ValueError: plugins.greet.forbid"), error.error().message());
        JsonNode good = config("{}");
        assertEquals(HookResult.CONTINUE, hook(3, HookParams.prerun(List.of("greet"), List.of(), "greet", CWD, good)).action());
    }

    @Test
    void exitsAtTheEndOfInputAfterHooks() throws Exception {
        JsonNode config = config("{}");
        initialize(config);
        hook(2, HookParams.prerun(List.of("greet"), List.of(), "greet", CWD, config));
        session.closeInput();
        assertEquals(0, session.exitCode(PluginSession.EXIT));
        assertEquals(List.of(), session.remainingLines());
        assertEquals("", session.stderr());
    }
}
