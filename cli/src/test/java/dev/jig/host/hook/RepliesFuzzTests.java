package dev.jig.host.hook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.protocol.method.HookResult;
import dev.jig.protocol.testing.Fuzz;
import dev.jig.protocol.testing.Generators;
import dev.jig.protocol.testing.RecordFields;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a hook plugin answers is untrusted: any tree must become a decision the host can act on,
 * or a {@link HookFailure} that names what is wrong. Random trees draw their keys mostly from
 * the result's own field names and their {@code action} mostly from the real ones, so that they
 * reach the deeper checks.
 */
class RepliesFuzzTests {

    private static final List<String> NAMES = RecordFields.names(List.of(HookResult.class));
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @Test
    void anyPrerunResultIsAVerdictTheHostCanApplyOrAHookFailure() {
        Fuzz.check((generate, seed) -> {
            JsonNode reply = reply(generate);
            Verdict verdict;
            try {
                verdict = Replies.prerun(reply, "JIG_");
            } catch (HookFailure failure) {
                assertOneLine(failure.getMessage());
                return;
            }
            if (verdict instanceof Verdict.Abort abort) {
                assertOneLine(abort.message());
                assertFalse(abort.message().isBlank());
                assertTrue(abort.exitCode() >= 1 && abort.exitCode() <= 255, reply::toString);
            } else {
                ((Verdict.Proceed) verdict).env().forEach((name, value) -> {
                    assertTrue(ENV_NAME.matcher(name).matches() && !name.startsWith("JIG_"), name);
                    assertTrue(value.indexOf('\0') < 0, "a value the OS can take");
                });
            }
        });
    }

    @Test
    void anySuggestionsAreOneLineEachAndAnyPatchIsReadOrAbsent() {
        Fuzz.check((generate, seed) -> {
            JsonNode reply = generate.value(4, NAMES);
            Replies.suggestions(reply).forEach(suggestion -> {
                assertOneLine(suggestion);
                assertFalse(suggestion.isBlank());
            });
            Replies.patch(reply).ifPresent(patch -> assertFalse(patch.isNull()));
        });
    }

    private static JsonNode reply(Generators generate) {
        ObjectNode reply = generate.object(3, NAMES);
        switch (generate.between(0, 3)) {
            case 0 -> reply.put("action", HookResult.CONTINUE);
            case 1 -> reply.put("action", HookResult.ABORT);
            default -> { } // whatever the generator drew, or nothing
        }
        if (generate.between(0, 1) == 0) {
            ObjectNode env = reply.putObject("env");
            for (int i = generate.between(0, 3); i > 0; i--) {
                env.put(generate.between(0, 1) == 0 ? "VAR_" + i : generate.text(8), generate.text(12));
            }
        }
        return reply;
    }

    private static void assertOneLine(String text) {
        assertTrue(text != null && text.chars().noneMatch(c -> c == '\n' || c == '\r'), "one line: " + text);
    }
}
