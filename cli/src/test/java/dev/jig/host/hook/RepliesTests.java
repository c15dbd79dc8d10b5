package dev.jig.host.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.protocol.Payloads;
import dev.jig.protocol.codec.Json;
import dev.jig.protocol.method.HookResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepliesTests {

    private static JsonNode result(String action, Map<String, String> env, String message, Integer exitCode) {
        return Payloads.tree(new HookResult(action, env, message, exitCode, null, null));
    }

    @Test
    void continueCarriesTheEnvironmentAdditions() throws HookFailure {
        Verdict verdict = Replies.prerun(result("continue", Map.of("STAGE", "prod", "_X1", "")), "JIG_");
        assertEquals(new Verdict.Proceed(Map.of("STAGE", "prod", "_X1", "")), verdict);
        assertEquals(new Verdict.Proceed(Map.of()), Replies.prerun(result("continue", null, null, null), "JIG_"));
    }

    private static JsonNode result(String action, Map<String, String> env) {
        return result(action, env, null, null);
    }

    @Test
    void abortCarriesItsMessageAndExitCodeWhichDefaultsToOne() throws HookFailure {
        assertEquals(new Verdict.Abort("not on Sundays", 3), Replies.prerun(result("abort", null, "not on Sundays", 3), "JIG_"));
        assertEquals(new Verdict.Abort("no", 1), Replies.prerun(result("abort", null, "no", null), "JIG_"));
        assertEquals(new Verdict.Abort("two lines", 1), Replies.prerun(result("abort", null, "two\nlines", null), "JIG_"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 256, 1000})
    void anExitCodeOutsideOneTo255FailsTheHook(int exitCode) {
        HookFailure failure = assertThrows(HookFailure.class,
                () -> Replies.prerun(result("abort", null, "stop", exitCode), "JIG_"));
        assertTrue(failure.getMessage().contains("1 to 255"), failure.getMessage());
        assertFalse(failure.fatal(), "a malformed answer leaves the session usable");
    }

    @Test
    void anAbortWithoutAMessageFailsTheHook() {
        assertThrows(HookFailure.class, () -> Replies.prerun(result("abort", null, null, 2), "JIG_"));
        assertThrows(HookFailure.class, () -> Replies.prerun(result("abort", null, "  ", 2), "JIG_"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "stop", "CONTINUE", "null"})
    void anUnknownActionFailsTheHook(String action) {
        HookFailure failure = assertThrows(HookFailure.class, () -> Replies.prerun(result(action, null), "JIG_"));
        assertTrue(failure.getMessage().contains("expected 'continue' or 'abort'"), failure.getMessage());
        assertThrows(HookFailure.class, () -> Replies.prerun(result(null, null), "JIG_"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1ABC", "A-B", "A B", "", "A=B", "JIG_BIN", "JIG_PLUGIN_PATH"})
    void environmentNamesMustBeValidAndNotTheHosts(String name) {
        HookFailure failure = assertThrows(HookFailure.class,
                () -> Replies.prerun(result("continue", Map.of(name, "x")), "JIG_"));
        assertTrue(failure.getMessage().contains("environment variable"), failure.getMessage());
    }

    @Test
    void anotherCliMayUseThePrefixThisOneDoesNot() throws HookFailure {
        assertEquals(new Verdict.Proceed(Map.of("JIG_X", "1")), Replies.prerun(result("continue", Map.of("JIG_X", "1")), "ACME_"));
    }

    @Test
    void aValueWithANulByteCannotBePassedOn() {
        assertThrows(HookFailure.class, () -> Replies.prerun(result("continue", Map.of("A", "x\0y")), "JIG_"));
    }

    @Test
    void suggestionsAreCleanedToNonEmptyLines() throws Exception {
        JsonNode result = Payloads.tree(HookResult.suggest(List.of("deploy", "", "jig plugins\ninstall deploy", "\u001b[31mred")));
        assertEquals(List.of("deploy", "jig plugins install deploy", "?[31mred"), Replies.suggestions(result));
        assertEquals(List.of(), Replies.suggestions(Payloads.tree(HookResult.empty())));
        JsonNode odd = Json.mapper().readTree("{\"suggestions\": [null, 3, \"ok\", {}], \"exitCode\": \"x\"}");
        assertEquals(List.of("ok"), Replies.suggestions(odd), "what is not a string is left out, fields of other events ignored");
    }

    @Test
    void aPatchIsReadOnlyWhenThere() throws Exception {
        assertTrue(Replies.patch(Json.mapper().readTree("{}")).isEmpty());
        assertTrue(Replies.patch(Json.mapper().readTree("{\"patch\": null}")).isEmpty());
        assertEquals("{\"plugins\":{\"x\":{\"a\":1}}}",
                Replies.patch(Json.mapper().readTree("{\"patch\": {\"plugins\": {\"x\": {\"a\": 1}}}}")).orElseThrow().toString());
    }

    @Test
    void aMalformedPrerunResultFailsTheHookButNotTheSession() throws Exception {
        HookFailure failure = assertThrows(HookFailure.class,
                () -> Replies.prerun(Json.mapper().readTree("{\"action\": \"continue\", \"env\": [1]}"), "JIG_"));
        assertTrue(failure.getMessage().startsWith("answered prerun with a malformed result"), failure.getMessage());
        assertFalse(failure.fatal());
    }

    @Test
    void aLifecycleResultIsContinueOrAbortAndItsEnvAndPatchAreIgnored() throws Exception {
        assertEquals(new Verdict.Proceed(Map.of()), Replies.lifecycle(Json.mapper().readTree(
                "{\"action\":\"continue\",\"env\":{\"JIG_X\":\"1\"},\"patch\":{\"core\":{}}}"), "install"));
        assertEquals(new Verdict.Abort("keep it: 3 projects use it", 4),
                Replies.lifecycle(result("abort", null, "keep it: 3 projects use it", 4), "uninstall"));
        assertEquals(new Verdict.Abort("no", 1), Replies.lifecycle(result("abort", null, "no", null), "upgrade"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"action\":\"proceed\"}", "{\"action\":\"abort\"}", "{\"action\":\"abort\",\"message\":\"x\",\"exitCode\":0}",
            "{\"action\":7}"})
    void aLifecycleResultWithoutAValidActionFailsTheHook(String reply) {
        HookFailure failure = assertThrows(HookFailure.class, () -> Replies.lifecycle(Json.mapper().readTree(reply), "install"));
        assertFalse(failure.fatal(), failure.getMessage());
    }
}
