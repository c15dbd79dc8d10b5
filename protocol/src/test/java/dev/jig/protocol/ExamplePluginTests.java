package dev.jig.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.protocol.codec.Inbound;
import dev.jig.protocol.codec.Json;
import dev.jig.protocol.codec.JsonLinesReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The complete plugins in PROTOCOL.md, run as processes and spoken to the way a host does: one
 * line in, one line out.
 */
class ExamplePluginTests {

    private static final Duration REPLY = PluginSession.REPLY;
    private static final Duration EXIT = PluginSession.EXIT;

    private static final ProtocolDocument DOCUMENT = ProtocolDocument.load();

    enum Example {
        PYTHON("python", "greet"),
        BASH("bash", "hello");

        final String language;
        final String name;

        Example(String language, String name) {
            this.language = language;
            this.name = name;
        }

        ProtocolDocument.Plugin plugin() {
            return DOCUMENT.plugin(language).orElseThrow(() -> new AssertionError("PROTOCOL.md has no <!-- plugin: " + language + " -->"));
        }
    }

    @TempDir
    Path directory;

    @Test
    void thePythonPluginIsAtMostThirtyLinesOfStandardLibrary() {
        ProtocolDocument.Plugin plugin = Example.PYTHON.plugin();
        assertEquals("python", plugin.fence());
        assertTrue(plugin.source().lines().count() <= 30, plugin.source().lines().count() + " lines");
        Matcher imports = Pattern.compile("^\\s*(?:import|from)\\s+(.+)$", Pattern.MULTILINE).matcher(plugin.source());
        while (imports.find()) {
            assertTrue(imports.group(1).matches("(json|sys)(\\s*,\\s*(json|sys))*"), "only json and sys: " + imports.group());
        }
    }

    @Test
    void theBashPluginNeedsNoJsonTool() {
        ProtocolDocument.Plugin plugin = Example.BASH.plugin();
        assertEquals("bash", plugin.fence());
        assertFalse(plugin.source().matches("(?s).*\\b(jq|python3?|node)\\b.*"), "bash only");
    }

    @ParameterizedTest
    @EnumSource(Example.class)
    void answersInitializeWithItsMetadataAndExitsAtEndOfInput(Example example) throws Exception {
        try (PluginSession session = PluginSession.start(install(example), List.of(Protocol.ARGUMENT))) {
            String reply = session.exchange(DOCUMENT.example("initialize-request").json());
            assertEquals(List.of(), Schemas.problems(reply, "initialize-response.schema.json"), reply);
            Message.Response response = (Message.Response) readMessage(reply);
            assertEquals(Id.of(1), response.id());
            assertEquals(1, response.result().path("protocolVersion").asInt());
            assertEquals(example.name, response.result().path("plugin").path("name").asText(), "the name is the file name without jig-");

            session.closeInput();
            assertEquals(0, session.exitCode(EXIT), "exit status after EOF");
            assertEquals(List.of(), session.remainingLines(), "nothing more on stdout");
            assertEquals("", session.stderr(), "nothing on stderr");
        }
    }

    @ParameterizedTest
    @EnumSource(Example.class)
    void noCommonVersionIsErrorMinus32000NamingBothSides(Example example) throws Exception {
        String offer99 = DOCUMENT.example("initialize-request").json().replace("\"protocolVersions\":[1]", "\"protocolVersions\":[99]");
        assertTrue(offer99.contains("[99]"));
        try (PluginSession session = PluginSession.start(install(example), List.of(Protocol.ARGUMENT))) {
            String reply = session.exchange(offer99);
            assertEquals(List.of(), Schemas.problems(reply, "error-response.schema.json"), reply);
            Message.ErrorResponse error = (Message.ErrorResponse) readMessage(reply);
            assertEquals(Id.of(1), error.id());
            assertEquals(ErrorCodes.UNSUPPORTED_VERSION, error.error().code());
            assertEquals(Json.mapper().readTree("[99]"), error.error().data().path("offered"));
            assertEquals(Json.mapper().readTree("[1]"), error.error().data().path("supported"));
            assertTrue(error.error().message().contains("99") && error.error().message().contains("1"), error.error().message());
        }
    }

    @ParameterizedTest
    @EnumSource(Example.class)
    void picksTheHighestVersionItSpeaksFromALargerOffer(Example example) throws Exception {
        String offer = DOCUMENT.example("initialize-request").json().replace("\"protocolVersions\":[1]", "\"protocolVersions\":[1,2,3]");
        try (PluginSession session = PluginSession.start(install(example), List.of(Protocol.ARGUMENT))) {
            JsonNode result = ((Message.Response) readMessage(session.exchange(offer))).result();
            assertEquals(1, result.path("protocolVersion").asInt());
        }
    }

    @ParameterizedTest
    @EnumSource(Example.class)
    void unknownRequestsGetMethodNotFound(Example example) throws Exception {
        try (PluginSession session = PluginSession.start(install(example), List.of(Protocol.ARGUMENT))) {
            session.exchange(DOCUMENT.example("initialize-request").json());
            String reply = session.exchange(DOCUMENT.example("unknown-request").json());
            assertEquals(List.of(), Schemas.problems(reply, "error-response.schema.json"), reply);
            Message.ErrorResponse error = (Message.ErrorResponse) readMessage(reply);
            assertEquals(Id.of(2), error.id());
            assertEquals(ErrorCodes.METHOD_NOT_FOUND, error.error().code());

            String stringId = session.exchange("{\"jsonrpc\":\"2.0\",\"id\":\"h-1\",\"method\":\"hook\",\"params\":{\"event\":\"prerun\"}}");
            Message.ErrorResponse hook = (Message.ErrorResponse) readMessage(stringId);
            assertEquals(Id.of("h-1"), hook.id());
            assertEquals(ErrorCodes.METHOD_NOT_FOUND, hook.error().code());
        }
    }

    @ParameterizedTest
    @EnumSource(Example.class)
    void notificationsAndNonMessagesGetNoReply(Example example) throws Exception {
        try (PluginSession session = PluginSession.start(install(example), List.of(Protocol.ARGUMENT))) {
            session.send(DOCUMENT.example("framing-notification").json());
            session.send("");
            session.send("not JSON at all");
            session.send("{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{}}");
            String reply = session.exchange(DOCUMENT.example("initialize-request").json().replace("\"id\":1", "\"id\":\"after\""));
            assertEquals(Id.of("after"), ((Message.Response) readMessage(reply)).id(), "the first reply is to the request");
            session.closeInput();
            assertEquals(0, session.exitCode(EXIT));
            assertEquals(List.of(), session.remainingLines());
        }
    }

    @ParameterizedTest
    @EnumSource(Example.class)
    void exitsAtOnceWhenInputEndsBeforeAnyMessage(Example example) throws Exception {
        try (PluginSession session = PluginSession.start(install(example), List.of(Protocol.ARGUMENT))) {
            session.closeInput();
            assertEquals(0, session.exitCode(EXIT));
            assertEquals(List.of(), session.remainingLines());
        }
    }

    @ParameterizedTest
    @EnumSource(Example.class)
    void withoutTheArgumentItRunsItsNormalCommand(Example example) throws Exception {
        Path plugin = install(example);
        try (PluginSession session = PluginSession.start(plugin, List.of())) {
            session.closeInput();
            assertEquals(0, session.exitCode(REPLY));
            assertEquals(List.of("Hello, world!"), session.remainingLines());
        }
        try (PluginSession session = PluginSession.start(plugin, List.of("Ada"))) {
            session.closeInput();
            assertEquals(0, session.exitCode(REPLY));
            assertEquals(List.of("Hello, Ada!"), session.remainingLines());
        }
    }

    private Path install(Example example) throws IOException {
        Path file = directory.resolve("jig-" + example.name);
        Files.writeString(file, example.plugin().source(), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static Message readMessage(String line) throws IOException {
        Inbound inbound = new JsonLinesReader(new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8))).read();
        return assertInstanceOf(Inbound.Received.class, inbound, line).message();
    }
}
