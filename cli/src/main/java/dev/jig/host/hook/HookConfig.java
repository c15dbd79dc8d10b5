package dev.jig.host.hook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What hooks need from the configuration of one invocation. The host's layered configuration
 * implements it; hooks only read it and hand it on.
 */
public interface HookConfig {

    /**
     * How long this hook plugin has to start and answer {@code initialize}, and to answer each
     * hook: its {@code plugins.<name>.call_timeout_ms}, else {@code core.hook_timeout_ms}.
     */
    Duration timeout(Subscriber plugin);

    /** Whether a failure of this plugin's hooks aborts the command instead of being skipped. */
    boolean required(Subscriber plugin);

    /** The names of every plugin the configuration marks required, installed or not. */
    List<String> requiredPlugins();

    /** What the plugin may read of the configuration: {@code core} and its own namespace. */
    JsonNode view(Subscriber plugin);

    /**
     * Applies the merge patch a plugin's {@code config} hook returned.
     *
     * @return why the patch was rejected as a whole, or empty when it was applied
     */
    Optional<String> accept(Subscriber plugin, JsonNode patch);
}
