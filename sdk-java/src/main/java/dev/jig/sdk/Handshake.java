package dev.jig.sdk;

import dev.jig.protocol.method.CliInfo;
import java.util.Objects;

/**
 * The outcome of {@code initialize}, as {@link JigPlugin#initialized} sees it.
 *
 * @param protocolVersion the protocol version both sides agreed on
 * @param cli             the host CLI as it introduced itself; its fields are null when the
 *                        host left them out
 * @param context         what the host put in the environment; never null
 * @param log             sends {@code log} notifications to the host; never null
 * @param config          the plugin's configuration, when the host started the plugin for hooks;
 *                        empty in a metadata probe; never null
 */
public record Handshake(int protocolVersion, CliInfo cli, HostContext context, Log log, PluginConfig config) {

    /** Checks that nothing is null. */
    public Handshake {
        Objects.requireNonNull(cli, "cli");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(config, "config");
    }

    /**
     * A handshake without configuration: a metadata probe.
     *
     * @param protocolVersion the agreed protocol version
     * @param cli             the host CLI
     * @param context         the host's environment
     * @param log             the protocol log
     */
    public Handshake(int protocolVersion, CliInfo cli, HostContext context, Log log) {
        this(protocolVersion, cli, context, log, PluginConfig.empty());
    }
}
