package dev.jig.protocol.method;

import java.util.List;

/**
 * The host's opening request.
 *
 * @param protocolVersions the versions the host speaks; the plugin picks one
 * @param cli              the host CLI
 */
public record InitializeParams(List<Integer> protocolVersions, CliInfo cli) {
    public InitializeParams {
        protocolVersions = protocolVersions == null ? List.of() : List.copyOf(protocolVersions);
    }
}
