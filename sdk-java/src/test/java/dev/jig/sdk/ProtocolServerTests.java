package dev.jig.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.protocol.ErrorCodes;
import dev.jig.protocol.Id;
import dev.jig.protocol.Message;
import dev.jig.protocol.Payloads;
import dev.jig.protocol.metadata.PluginMetadata;
import dev.jig.protocol.method.CompleteParams;
import dev.jig.protocol.method.CompleteResult;
import dev.jig.protocol.method.InitializeResult;
import dev.jig.protocol.method.LogParams;
import dev.jig.sdk.testkit.PluginTestKit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtocolServerTests {

    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersions":[1],"cli":{"name":"jig","version":"0.1.0"}}}""";

    private static FixturePlugin plugin() {
        return FixturePlugin.running(invocation -> 0);
    }

    @Test
    void handshakeReturnsTheVersionAndTheMetadata() {
        FixturePlugin plugin = plugin();
        try (PluginTestKit kit = PluginTestKit.start(plugin)) {
            InitializeResult result = kit.initialize();
            assertEquals(1, result.protocolVersion());
            assertEquals(plugin.metadata(), result.plugin());
            assertEquals(0, kit.closeInput());
        }
    }

    @Test
    void handshakeOnTheWireAsTheDesignNoteShowsIt() {
        try (PluginTestKit kit = PluginTestKit.start(plugin())) {
            kit.send(INITIALIZE);
            kit.receive(); // the log notification sent by the fixture's initialized()
            Message reply = kit.receive();
            Message.Response response = assertInstanceOf(Message.Response.class, reply);
            assertEquals(Id.of(1), response.id());
            assertEquals(1, response.result().get("protocolVersion").asInt());
            assertEquals("fixture", response.result().at("/plugin/name").asText());
            assertEquals("1.2.3", response.result().at("/plugin/version").asText());
            assertEquals("-l", response.result().at("/plugin/flags/0/short").asText());
        }
    }

    @Test
    void initializedSeesTheHostAndCanLog() {
        FixturePlugin plugin = plugin();
        try (PluginTestKit kit = PluginTestKit.start(plugin)) {
            kit.initialize();
            assertEquals(1, plugin.handshake().protocolVersion());
            assertEquals("jig", plugin.handshake().cli().name());
            Message.Notification log = kit.notifications().get(0);
            assertEquals("log", log.method());
            assertEquals(new LogParams("info", "initialized by jig"), Payloads.read(log.params(), LogParams.class));
        }
    }

    @ParameterizedTest(name = "host offers {0}, plugin speaks {1}: picks {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1     |       | 1
            1,2,3 |       | 1
            3,1   | 1     | 1
            1     | 1,2   | 1
            """)
    void negotiationPicksTheHighestCommonVersion(String offered, String speaks, int picked) {
        try (PluginTestKit kit = PluginTestKit.start(FixturePlugin.speaking(ints(speaks), invocation -> 0))) {
            Message.Response reply = assertInstanceOf(Message.Response.class, kit.initialize(ints(offered)));
            assertEquals(picked, reply.result().get("protocolVersion").asInt());
        }
    }

    @ParameterizedTest(name = "host offers [{0}], plugin speaks [{1}]: none in common")
    @CsvSource(delimiter = '|', textBlock = """
            2     |       | 1
            2,3   | 1     | 1
            1     | 2     | ''
            ''    |       | 1
            """)
    void noCommonVersionIsErrorMinus32000WithBothLists(String offered, String speaks, String supported) {
        try (PluginTestKit kit = PluginTestKit.start(FixturePlugin.speaking(ints(speaks), invocation -> 0))) {
            Message.ErrorResponse reply = assertInstanceOf(Message.ErrorResponse.class, kit.initialize(ints(offered)));
            assertEquals(ErrorCodes.UNSUPPORTED_VERSION, reply.error().code());
            JsonNode data = reply.error().data();
            assertEquals(Payloads.tree(ints(offered)), data.get("offered"));
            assertEquals(Payloads.tree(ints(supported)), data.get("supported"));
            assertTrue(kit.notifications().isEmpty(), "initialized() must not run without a version");
            assertEquals(0, kit.closeInput());
        }
    }

    @Test
    void unknownMethodIsMinus32601AndTheSessionGoesOn() {
        try (PluginTestKit kit = PluginTestKit.start(plugin())) {
            Message.ErrorResponse reply = assertInstanceOf(Message.ErrorResponse.class, kit.request("nope", null));
            assertEquals(ErrorCodes.METHOD_NOT_FOUND, reply.error().code());
            assertEquals("fixture", kit.metadata().name());
        }
    }

    /** The fixture, opted in to completion: it offers environments after --env and fails on "boom". */
    private static FixturePlugin completing(boolean optedIn) {
        PluginMetadata base = FixturePlugin.metadata(null);
        PluginMetadata metadata = new PluginMetadata(base.name(), base.version(), base.description(), null, null, base.usage(),
                base.flags(), null, null, base.requires(), null, null, optedIn);
        return new FixturePlugin(metadata, invocation -> 0) {
            @Override
            public CompleteResult complete(CompleteParams params) {
                if (params.current().equals("boom")) {
                    throw new IllegalStateException("told to fail");
                }
                return new CompleteResult(List.of(new CompleteResult.Candidate("prod", "after " + params.args())), false);
            }
        };
    }

    private static JsonNode completeParams(String current) {
        return Payloads.tree(new CompleteParams(List.of("fixture"), List.of("--env"), current));
    }

    @Test
    void completeIsAnsweredByThePluginWhenItsMetadataOptsIn() {
        try (PluginTestKit kit = PluginTestKit.start(completing(true))) {
            kit.initialize();
            Message.Response reply = assertInstanceOf(Message.Response.class, kit.request("complete", completeParams("p")));
            assertEquals(new CompleteResult(List.of(new CompleteResult.Candidate("prod", "after [--env]")), false),
                    Payloads.read(reply.result(), CompleteResult.class));
            Message.ErrorResponse failed = assertInstanceOf(Message.ErrorResponse.class, kit.request("complete", completeParams("boom")));
            assertEquals(ErrorCodes.INTERNAL_ERROR, failed.error().code());
            assertTrue(failed.error().message().startsWith("complete failed: "), failed.error().message());
            Message.ErrorResponse noParams = assertInstanceOf(Message.ErrorResponse.class, kit.request("complete", null));
            assertEquals(ErrorCodes.INVALID_PARAMS, noParams.error().code());
        }
    }

    @Test
    void completeIsMinus32601WhenTheMetadataDoesNotOptIn() {
        try (PluginTestKit kit = PluginTestKit.start(completing(false))) {
            kit.initialize();
            Message.ErrorResponse reply = assertInstanceOf(Message.ErrorResponse.class, kit.request("complete", completeParams("")));
            assertEquals(ErrorCodes.METHOD_NOT_FOUND, reply.error().code());
        }
    }

    @Test
    void stringIdsAreEchoed() {
        try (PluginTestKit kit = PluginTestKit.start(plugin())) {
            kit.send("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"shutdown\"}");
            Message.ErrorResponse reply = assertInstanceOf(Message.ErrorResponse.class, kit.receive());
            assertEquals(Id.of("abc"), reply.id());
        }
    }

    @Test
    void garbageLineGetsNoReplyAndTheNextLineIsRead() {
        try (PluginTestKit kit = PluginTestKit.start(plugin())) {
            kit.send("this is not json");
            kit.sendBytes(new byte[] {'{', (byte) 0xff, '}', '\n'});
            kit.send("");
            assertEquals("fixture", kit.metadata().name());
            assertTrue(kit.stderr().contains("fixture: ignored a line that is not a message"), kit.stderr());
        }
    }

    @Test
    void rejectedRequestWithAnIdGetsTheError() {
        try (PluginTestKit kit = PluginTestKit.start(plugin())) {
            kit.send("{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"initialize\"}");
            Message.ErrorResponse reply = assertInstanceOf(Message.ErrorResponse.class, kit.receive());
            assertEquals(Id.of(7), reply.id());
            assertEquals(ErrorCodes.INVALID_REQUEST, reply.error().code());
        }
    }

    @Test
    void notificationsAndStrayResponsesAreIgnored() {
        try (PluginTestKit kit = PluginTestKit.start(plugin())) {
            kit.send("{\"jsonrpc\":\"2.0\",\"method\":\"initialize\",\"params\":{\"protocolVersions\":[1]}}");
            kit.send("{\"jsonrpc\":\"2.0\",\"method\":\"whatever\"}");
            kit.send("{\"jsonrpc\":\"2.0\",\"id\":99,\"result\":{}}");
            Message.ErrorResponse reply = assertInstanceOf(Message.ErrorResponse.class, kit.request("nope", null));
            assertEquals(Id.of(1), reply.id(), "the first reply is the one to the first request");
        }
    }

    @Test
    void initializeWithoutParamsIsInvalidParams() {
        try (PluginTestKit kit = PluginTestKit.start(plugin())) {
            Message.ErrorResponse reply = assertInstanceOf(Message.ErrorResponse.class, kit.request("initialize", null));
            assertEquals(ErrorCodes.INVALID_PARAMS, reply.error().code());
        }
    }

    @Test
    void failingMetadataIsAnInternalErrorNotACrash() {
        JigPlugin broken = new JigPlugin() {
            @Override
            public PluginMetadata metadata() {
                throw new IllegalStateException("no metadata today");
            }

            @Override
            public int run(Invocation invocation) {
                return 0;
            }
        };
        try (PluginTestKit kit = PluginTestKit.start(broken)) {
            Message.ErrorResponse reply = assertInstanceOf(Message.ErrorResponse.class, kit.initialize(List.of(1)));
            assertEquals(ErrorCodes.INTERNAL_ERROR, reply.error().code());
            assertTrue(reply.error().message().contains("no metadata today"), reply.error().message());
            assertEquals(0, kit.closeInput());
        }
    }

    @Test
    void endOfInputEndsTheSessionWithStatusZero() {
        try (PluginTestKit kit = PluginTestKit.start(plugin())) {
            kit.initialize();
            assertEquals(0, kit.closeInput());
        }
    }

    @Test
    void endOfInputBeforeAnythingIsStillStatusZero() {
        try (PluginTestKit kit = PluginTestKit.start(plugin())) {
            assertEquals(0, kit.closeInput());
            assertEquals("", kit.stderr());
        }
    }

    private static List<Integer> ints(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(csv.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }
}
