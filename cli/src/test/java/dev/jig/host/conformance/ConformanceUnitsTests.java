package dev.jig.host.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.protocol.Id;
import dev.jig.protocol.Message;
import dev.jig.protocol.RpcError;
import dev.jig.protocol.codec.Json;
import dev.jig.protocol.metadata.ConfigSpec;
import dev.jig.protocol.metadata.PluginMetadata;
import dev.jig.protocol.metadata.Requirements;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The parts of the checker that need no process. */
class ConformanceUnitsTests {

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    private static PluginMetadata metadata(List<String> hooks, ConfigSpec config) {
        return new PluginMetadata("greet", "1.0.0", null, null, null, null, null, null, hooks, Requirements.NONE, config);
    }

    @Test
    void metadataIsCheckedAgainstTheShippedSchema() throws Exception {
        assertEquals(List.of(), ProtocolSchemas.problems(json("{\"name\":\"greet\",\"version\":\"1.2.0\"}"),
                "plugin-metadata.schema.json"));
        List<String> problems = ProtocolSchemas.problems(json("{\"name\":\"greet\",\"version\":7}"),
                "plugin-metadata.schema.json");
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("/version: "), problems::toString);
    }

    @Test
    void hookResultsAreCheckedAgainstTheSchemaThroughItsRefs() throws Exception {
        assertEquals(List.of(), ProtocolSchemas.problems(json("{\"action\":\"continue\",\"env\":{\"A\":\"1\"}}"),
                "hook-result.schema.json"));
        assertFalse(ProtocolSchemas.problems(json("{\"action\":\"continue\",\"env\":{\"JIG_X\":\"1\"}}"),
                "hook-result.schema.json").isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "prerun|{}|a prerun result needs \"action\": \"continue\" or \"abort\"",
            "prerun|{\"action\":\"abort\"}|a prerun abort needs a \"message\" for the user",
            "prerun|{\"action\":\"abort\",\"message\":\"no\"}|",
            "postrun|{}|",
            "config|{}|"})
    void eventRulesTheSchemaCannotState(String event, String result, String problem) throws Exception {
        assertEquals(Optional.ofNullable(problem), HookCalls.eventProblem(event, json(result)));
    }

    @Test
    void hooksAreSentInTheOrderTheyFireAndUnknownOrLifecycleOnesNotAtAll() {
        PluginMetadata metadata = metadata(List.of("uninstall", "postrun", "deploy", "prerun", "install", "config"), null);
        assertEquals(List.of("config", "prerun", "postrun"), HookCalls.events(metadata));
    }

    @Test
    void theConfigurationCarriesThePluginsDefaults() throws Exception {
        PluginMetadata metadata = metadata(List.of(), new ConfigSpec(json("{\"lang\":\"fr\"}"), null));
        assertEquals(json("{\"core\":{\"hook_timeout_ms\":5000},\"plugins\":{\"greet\":{\"lang\":\"fr\"}}}"),
                HookCalls.config(metadata));
        assertEquals(json("{\"core\":{\"hook_timeout_ms\":5000},\"plugins\":{\"greet\":{}}}"),
                HookCalls.config(metadata(List.of(), null)));
    }

    @Test
    void hookParamsAreValidRequestsForEveryEvent() throws Exception {
        PluginMetadata metadata = metadata(List.of(), null);
        JsonNode config = HookCalls.config(metadata);
        for (String event : List.of("config", "prerun", "postrun", "command_not_found")) {
            JsonNode params = dev.jig.protocol.Payloads.tree(HookCalls.params(event, metadata, "/srv/site", config));
            assertEquals(List.of(), ProtocolSchemas.problems(params, "hook-params.schema.json"), event);
            assertEquals(event, params.get("event").asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"jsonrpc\":\"2.0\",\"method\":\"log\"}", "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": {}}"})
    void aJsonRpcLineIsProtocol(String line) {
        assertTrue(RunModeCheck.isProtocol(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "{\"count\": 3}", "[1, 2]", "{\"jsonrpc\": \"1.0\"}", ""})
    void otherOutputIsNot(String line) {
        assertFalse(RunModeCheck.isProtocol(line));
    }

    @Test
    void aReplyIsJudgedByItsIdFirst() {
        Duration second = Duration.ofSeconds(1);
        Message.ErrorResponse other = new Message.ErrorResponse(Id.of(3), new RpcError(-32601, "no", null));
        assertEquals(Optional.of("answered status with id 3; the reply must carry the request's id 2"),
                ConformanceChecker.replyProblem(new Conversation.Reply(other, false, false, second), Id.of(2), "status",
                        second, List.of()));
        assertEquals(Optional.empty(), ConformanceChecker.replyProblem(new Conversation.Reply(other, false, false, second),
                Id.of(3), "status", second, List.of()));
        assertEquals(Optional.of("did not answer status within 1000 ms (it printed 'Loading...')"),
                ConformanceChecker.replyProblem(new Conversation.Reply(null, false, false, second), Id.of(2), "status",
                        second, List.of("Loading...")));
        assertEquals(Optional.of("closed its output (or exited) without answering status"),
                ConformanceChecker.replyProblem(new Conversation.Reply(null, true, false, second), Id.of(2), "status",
                        second, List.of()));
    }

    @Test
    void quotesAreOneShortLine() {
        assertEquals("'a b?[0m'", Quote.of("a\nb\u001b[0m"));
        assertEquals("'" + "x".repeat(120) + "...'", Quote.of("x".repeat(500)));
    }
}
