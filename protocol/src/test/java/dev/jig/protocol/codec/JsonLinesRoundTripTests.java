package dev.jig.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.protocol.ErrorCodes;
import dev.jig.protocol.Id;
import dev.jig.protocol.Message;
import dev.jig.protocol.Payloads;
import dev.jig.protocol.RpcError;
import dev.jig.protocol.Schemas;
import dev.jig.protocol.metadata.CommandSpec;
import dev.jig.protocol.metadata.ConfigSpec;
import dev.jig.protocol.metadata.FlagSpec;
import dev.jig.protocol.metadata.Permissions;
import dev.jig.protocol.metadata.PluginMetadata;
import dev.jig.protocol.metadata.Requirements;
import dev.jig.protocol.method.CliInfo;
import dev.jig.protocol.method.InitializeParams;
import dev.jig.protocol.method.InitializeResult;
import dev.jig.protocol.method.LogParams;
import dev.jig.protocol.method.Methods;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every message kind and payload record survives the writer and the reader, and its JSON satisfies its schema. */
class JsonLinesRoundTripTests {

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static final FlagSpec LANG = new FlagSpec("--lang", "-l", "LANG", "language");
    static final FlagSpec SHOUT = new FlagSpec("--shout", null, null, "greet in capitals");
    static final CommandSpec PHRASE = new CommandSpec("phrase", "manage greetings", "SUBCOMMAND", List.of(SHOUT),
            List.of(new CommandSpec("add", "add one", "LANG TEXT", null, null),
                    new CommandSpec("remove", null, null, List.of(new FlagSpec("--force", "-f", null, null)), null)));
    static final Requirements REQUIREMENTS = new Requirements(">=0.1.0 <1.0.0", List.of(1), Map.of("auth", "^1.0.0"),
            List.of("git", "python3"));
    static final ConfigSpec CONFIG = new ConfigSpec(json("{\"lang\":\"en\",\"shout\":false}"),
            json("{\"type\":\"object\",\"properties\":{\"lang\":{\"enum\":[\"en\",\"fr\"]}}}"));
    static final PluginMetadata FULL = new PluginMetadata("greet", "1.2.0-beta.1+build.5", "Greet people", "Example Corp",
            "https://example.com/greet", "[--lang LANG] NAME...", List.of(LANG, SHOUT),
            List.of(new CommandSpec("languages", "list them", null, null, null), PHRASE), List.of("prerun", "postrun"),
            REQUIREMENTS, CONFIG, new Permissions(true, "write", List.of("~/.greetrc"), List.of("/var/cache/greet"),
            List.of("GREET_TOKEN")));
    static final PluginMetadata MINIMAL = new PluginMetadata("x", "0.0.1", null, null, null, null, null, null, null, null, null);
    static final InitializeParams PARAMS = new InitializeParams(List.of(1, 2), new CliInfo("jig", "0.1.0"));

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("request, number id", new Message.Request(Id.of(1), Methods.INITIALIZE, Payloads.tree(PARAMS)),
                        "initialize-request.schema.json"),
                Arguments.of("request, string id", new Message.Request(Id.of("req-1"), Methods.INITIALIZE, Payloads.tree(PARAMS)),
                        "initialize-request.schema.json"),
                Arguments.of("request, largest id", new Message.Request(Id.of(Long.MAX_VALUE), "status", null),
                        "message.schema.json"),
                Arguments.of("request, negative id", new Message.Request(Id.of(-7), "status", null), "message.schema.json"),
                Arguments.of("request, empty string id", new Message.Request(Id.of(""), "status", null), "message.schema.json"),
                Arguments.of("request without params", new Message.Request(Id.of(2), "status", null), "message.schema.json"),
                Arguments.of("notification", new Message.Notification(Methods.LOG, Payloads.tree(new LogParams("warn", "careful"))),
                        "log-notification.schema.json"),
                Arguments.of("notification without params", new Message.Notification("ping", null), "message.schema.json"),
                Arguments.of("response", new Message.Response(Id.of(1),
                        Payloads.tree(new InitializeResult(1, FULL))), "initialize-response.schema.json"),
                Arguments.of("response, minimal metadata", new Message.Response(Id.of("a"),
                        Payloads.tree(new InitializeResult(1, MINIMAL))), "initialize-response.schema.json"),
                Arguments.of("response, null result", new Message.Response(Id.of(3), json("null")), "message.schema.json"),
                Arguments.of("response, array result", new Message.Response(Id.of(3), json("[1,\"two\"]")), "message.schema.json"),
                Arguments.of("error response", new Message.ErrorResponse(Id.of(4),
                        RpcError.of(ErrorCodes.METHOD_NOT_FOUND, "method not found: status")), "error-response.schema.json"),
                Arguments.of("error response with data", new Message.ErrorResponse(Id.of(1),
                        new RpcError(ErrorCodes.UNSUPPORTED_VERSION, "no common version",
                                json("{\"offered\":[2],\"supported\":[1]}"))), "error-response.schema.json"),
                Arguments.of("error response, null id", new Message.ErrorResponse(null,
                        RpcError.of(ErrorCodes.PARSE_ERROR, "invalid JSON")), "error-response.schema.json"),
                Arguments.of("non-ASCII text", new Message.Notification(Methods.LOG,
                        Payloads.tree(new LogParams("info", "héllo 日本語 🎉 \u2028 tab\there"))), "log-notification.schema.json"),
                Arguments.of("newlines inside strings", new Message.Notification(Methods.LOG,
                        Payloads.tree(new LogParams("error", "line one\nline two\r\nline three"))), "log-notification.schema.json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void messageRoundTripsAndSatisfiesItsSchema(String name, Message message, String schema) throws IOException {
        String line = write(message);
        assertEquals(List.of(), Schemas.problems(line, "message.schema.json"), line);
        assertEquals(List.of(), Schemas.problems(line, schema), line);
        assertEquals(message, readOne(line));
    }

    static Stream<Arguments> payloads() {
        return Stream.of(
                Arguments.of(PARAMS, "initialize-params.schema.json"),
                Arguments.of(new InitializeParams(null, new CliInfo("acme", "2.1.0")), null),
                Arguments.of(new InitializeResult(1, FULL), "initialize-result.schema.json"),
                Arguments.of(new InitializeResult(1, MINIMAL), "initialize-result.schema.json"),
                Arguments.of(new LogParams("debug", "x"), "log-params.schema.json"),
                Arguments.of(FULL, "plugin-metadata.schema.json"),
                Arguments.of(MINIMAL, "plugin-metadata.schema.json"),
                Arguments.of(PHRASE, "plugin-metadata.schema.json#/$defs/command"),
                Arguments.of(new CommandSpec("bare", null, null, null, null), "plugin-metadata.schema.json#/$defs/command"),
                Arguments.of(LANG, "plugin-metadata.schema.json#/$defs/flag"),
                Arguments.of(SHOUT, "plugin-metadata.schema.json#/$defs/flag"),
                Arguments.of(REQUIREMENTS, "plugin-metadata.schema.json#/$defs/requirements"),
                Arguments.of(Requirements.NONE, "plugin-metadata.schema.json#/$defs/requirements"),
                Arguments.of(CONFIG, "plugin-metadata.schema.json#/$defs/config"),
                Arguments.of(new ConfigSpec(null, json("true")), "plugin-metadata.schema.json#/$defs/config"),
                Arguments.of(new Permissions(null, "read", null, null, null), "plugin-metadata.schema.json#/$defs/permissions"),
                Arguments.of(new CliInfo("jig", "0.1.0"), "initialize-params.schema.json#/properties/cli"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void payloadRoundTripsAndSatisfiesItsSchema(Record payload, String schema) throws IOException {
        JsonNode tree = Payloads.tree(payload);
        if (schema != null) {
            assertEquals(List.of(), Schemas.problems(Json.mapper().writeValueAsString(tree), schema), tree.toString());
        }
        Message.Request request = (Message.Request) readOne(write(new Message.Request(Id.of(1), "carry", tree)));
        assertEquals(payload, Payloads.read(request.params(), payload.getClass()));
    }

    @Test
    void emptyOptionalFieldsAreLeftOut() throws IOException {
        assertEquals("{\"name\":\"x\",\"version\":\"0.0.1\"}", Json.mapper().writeValueAsString(Payloads.tree(MINIMAL)));
        assertEquals("{\"name\":\"--shout\",\"summary\":\"greet in capitals\"}",
                Json.mapper().writeValueAsString(Payloads.tree(SHOUT)));
        assertEquals("{\"name\":\"bare\"}",
                Json.mapper().writeValueAsString(Payloads.tree(new CommandSpec("bare", null, null, List.of(), List.of()))));
    }

    @Test
    void flagShortNameIsCalledShortOnTheWire() {
        assertEquals("-l", Payloads.tree(LANG).path("short").asText());
        assertEquals(LANG, Payloads.read(json("{\"name\":\"--lang\",\"short\":\"-l\",\"value\":\"LANG\",\"summary\":\"language\"}"),
                FlagSpec.class));
    }

    @Test
    void unknownFieldsAreIgnoredWhenReadingPayloads() {
        PluginMetadata read = Payloads.read(json("{\"name\":\"x\",\"version\":\"0.0.1\",\"future\":{\"a\":[1]},"
                + "\"requires\":{\"later\":true},\"flags\":[{\"name\":\"--a\",\"unknown\":1}]}"), PluginMetadata.class);
        assertEquals(new PluginMetadata("x", "0.0.1", null, null, null, null, List.of(new FlagSpec("--a", null, null, null)),
                null, null, null, null), read);
    }

    @Test
    void absentListsReadAsEmpty() {
        PluginMetadata read = Payloads.read(json("{\"name\":\"x\",\"version\":\"0.0.1\"}"), PluginMetadata.class);
        assertEquals(List.of(), read.flags());
        assertEquals(List.of(), read.commands());
        assertEquals(List.of(), read.hooks());
        assertEquals(Requirements.NONE, read.requires());
    }

    @Test
    void severalMessagesOnOneStream() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLinesWriter writer = new JsonLinesWriter(out);
        List<Message> sent = messages().map(arguments -> (Message) arguments.get()[1]).toList();
        for (Message message : sent) {
            writer.write(message);
        }
        JsonLinesReader reader = new JsonLinesReader(new ByteArrayInputStream(out.toByteArray()));
        for (Message message : sent) {
            assertEquals(message, assertInstanceOf(Inbound.Received.class, reader.read()).message());
        }
        assertInstanceOf(Inbound.EndOfStream.class, reader.read());
    }

    static String write(Message message) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonLinesWriter(out).write(message);
        String line = out.toString(StandardCharsets.UTF_8);
        assertEquals('\n', line.charAt(line.length() - 1));
        return line.substring(0, line.length() - 1);
    }

    static Message readOne(String line) throws IOException {
        JsonLinesReader reader = new JsonLinesReader(new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8)));
        Message message = assertInstanceOf(Inbound.Received.class, reader.read(), line).message();
        assertInstanceOf(Inbound.EndOfStream.class, reader.read());
        return message;
    }
}
