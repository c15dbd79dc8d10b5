package dev.jig.host.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.protocol.codec.Json;
import dev.jig.protocol.method.HookEvents;
import dev.jig.protocol.method.HookParams;
import dev.jig.protocol.metadata.PluginMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Realistic {@code hook} params for each event (PROTOCOL.md §4.4), as the host would send them
 * when the user runs the plugin's own command, and the checks on the results beyond the schema.
 */
final class HookCalls {

    /** The hook timeout the host uses by default (PROTOCOL.md §4.4.5). */
    static final int TIMEOUT_MS = 5000;

    private HookCalls() {
    }

    /** The configuration the plugin sees: the host's core settings and its own defaults. */
    static JsonNode config(PluginMetadata metadata) {
        ObjectNode config = Json.mapper().createObjectNode();
        config.putObject("core").put("hook_timeout_ms", TIMEOUT_MS);
        JsonNode defaults = metadata.config() == null ? null : metadata.config().defaults();
        config.putObject("plugins").set(metadata.name(), defaults != null && defaults.isObject()
                ? defaults.deepCopy() : Json.mapper().createObjectNode());
        return config;
    }

    /**
     * The events of a command run it lists, in the order they fire in one invocation. The
     * plugin-management events are left out: a plugin may act on them (prepare or clean up its
     * files), which a check must not set off.
     */
    static List<String> events(PluginMetadata metadata) {
        List<String> events = new ArrayList<>(HookEvents.RUN);
        events.retainAll(metadata.hooks());
        return events;
    }

    /** The params of {@code event} for a run of the plugin's own command. */
    static HookParams params(String event, PluginMetadata metadata, String cwd, JsonNode config) {
        List<String> command = List.of(metadata.name().replace('_', '-'));
        List<String> args = List.of("--verbose", "file.txt");
        switch (event) {
            case HookEvents.CONFIG:
                return HookParams.config(cwd, config);
            case HookEvents.PRERUN:
                return HookParams.prerun(command, args, metadata.name(), cwd, config);
            case HookEvents.POSTRUN:
                return HookParams.postrun(command, args, metadata.name(), cwd, true, 0, 12, config);
            default:
                return HookParams.commandNotFound(List.of("no-such-command", "--flag"), cwd, config);
        }
    }

    /**
     * What is wrong with a result for {@code event} that the schema cannot say, since it
     * depends on the event; empty when nothing is.
     */
    static Optional<String> eventProblem(String event, JsonNode result) {
        if (!event.equals(HookEvents.PRERUN)) {
            return Optional.empty();
        }
        if (!result.has("action")) {
            return Optional.of("a prerun result needs \"action\": \"continue\" or \"abort\"");
        }
        if ("abort".equals(result.path("action").asText()) && result.path("message").asText("").isBlank()) {
            return Optional.of("a prerun abort needs a \"message\" for the user");
        }
        return Optional.empty();
    }
}
