package dev.jig.host.hook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.host.metadata.Text;
import dev.jig.protocol.Payloads;
import dev.jig.protocol.method.HookEvents;
import dev.jig.protocol.method.HookResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks that a hook's result means something for its event; anything else is a failed hook. */
final class Replies {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Replies() {
    }

    /**
     * What a {@code prerun} result decides.
     *
     * @param envPrefix the host's own prefix; a hook may not set variables that carry it
     */
    static Verdict prerun(JsonNode reply, String envPrefix) throws HookFailure {
        HookResult result = result(reply, HookEvents.PRERUN);
        Optional<Verdict.Abort> abort = abort(result, HookEvents.PRERUN);
        if (abort.isPresent()) {
            return abort.get();
        }
        Map<String, String> env = new LinkedHashMap<>();
        if (result.env() != null) {
            for (Map.Entry<String, String> entry : result.env().entrySet()) {
                String name = entry.getKey();
                if (!ENV_NAME.matcher(name).matches() || name.startsWith(envPrefix)) {
                    throw new HookFailure("asked to set environment variable '" + Text.oneLine(name) + "', which "
                            + (name.startsWith(envPrefix) ? "belongs to the host" : "is not a valid name"), false);
                }
                if (entry.getValue().indexOf('\0') >= 0) {
                    throw new HookFailure("asked to set environment variable '" + name
                            + "' to a value that cannot be passed on", false);
                }
                env.put(name, entry.getValue());
            }
        }
        return new Verdict.Proceed(env);
    }

    /**
     * What the result of a plugin-management event ({@code install}, {@code upgrade},
     * {@code uninstall}) decides: {@code continue} or {@code abort}, as for {@code prerun}. Its
     * {@code env} and {@code patch} are ignored: nothing runs after it to receive them.
     */
    static Verdict lifecycle(JsonNode reply, String event) throws HookFailure {
        Optional<Verdict.Abort> abort = abort(result(reply, event), event);
        return abort.isPresent() ? abort.get() : new Verdict.Proceed(Map.of());
    }

    private static HookResult result(JsonNode reply, String event) throws HookFailure {
        try {
            return Payloads.read(reply, HookResult.class);
        } catch (IllegalArgumentException e) {
            throw new HookFailure("answered " + event + " with a malformed result: " + Text.oneLine(e.getMessage()), false);
        }
    }

    /** The abort a result asks for, checked; empty for {@code continue}; a failure for anything else. */
    private static Optional<Verdict.Abort> abort(HookResult result, String event) throws HookFailure {
        String action = result.action();
        if (HookResult.ABORT.equals(action)) {
            String message = Text.oneLine(result.message());
            if (message == null || message.isBlank()) {
                throw new HookFailure("aborted without a message", false);
            }
            int exitCode = result.exitCode() == null ? 1 : result.exitCode();
            if (exitCode < 1 || exitCode > 255) {
                throw new HookFailure("aborted with exit code " + exitCode + "; it must be 1 to 255", false);
            }
            return Optional.of(new Verdict.Abort(message, exitCode));
        }
        if (!HookResult.CONTINUE.equals(action)) {
            throw new HookFailure("answered " + event + " with action '" + Text.oneLine(String.valueOf(action))
                    + "'; expected 'continue' or 'abort'", false);
        }
        return Optional.empty();
    }

    /**
     * The suggestions of a {@code command_not_found} result, each cleaned to one line; anything
     * that is not a string is left out, since nothing rides on them.
     */
    static List<String> suggestions(JsonNode reply) {
        List<String> suggestions = new ArrayList<>();
        reply.path("suggestions").forEach(item -> {
            if (item.isTextual() && !item.asText().isBlank()) {
                suggestions.add(Text.oneLine(item.asText()));
            }
        });
        return suggestions;
    }

    /** The merge patch of a {@code config} result; empty when it has none. */
    static Optional<JsonNode> patch(JsonNode reply) {
        JsonNode patch = reply.get("patch");
        return patch == null || patch.isNull() ? Optional.empty() : Optional.of(patch);
    }
}
