package dev.jig.sdk;

import dev.jig.protocol.method.HookParams;
import java.util.Objects;

/**
 * One {@code hook} request, as a plugin's handler sees it.
 *
 * @param params what the host sent: the event and its fields (command, args, cwd, ...); never null
 * @param config the plugin's configuration: the request's own, else the one from
 *               {@code initialize}; never null
 * @param host   what the host put in the environment; never null
 * @param log    sends {@code log} notifications to the host; never null
 */
public record HookContext(HookParams params, PluginConfig config, HostContext host, Log log) {

    /** Checks that nothing is null. */
    public HookContext {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(log, "log");
    }

    /**
     * The event, e.g. {@code prerun}.
     *
     * @return one of {@link dev.jig.protocol.method.HookEvents}, never null
     */
    public String event() {
        return params.event();
    }
}
