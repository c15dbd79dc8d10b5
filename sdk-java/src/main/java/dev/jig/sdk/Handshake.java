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
 */
public record Handshake(int protocolVersion, CliInfo cli, HostContext context, Log log) {

    /** Checks that nothing is null. */
    public Handshake {
        Objects.requireNonNull(cli, "cli");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(log, "log");
    }
}
