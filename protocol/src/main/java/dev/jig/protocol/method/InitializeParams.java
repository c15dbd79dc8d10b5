package dev.jig.protocol.method;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The host's opening request.
 *
 * @param protocolVersions the versions the host speaks; the plugin picks one
 * @param cli              the host CLI
 * @param config           the plugin's configuration ({@code core} and its own
 *                         {@code plugins.<name>}) when the host starts it for hooks; null when it
 *                         only asks for metadata
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InitializeParams(List<Integer> protocolVersions, CliInfo cli, JsonNode config) {
    public InitializeParams {
        protocolVersions = protocolVersions == null ? List.of() : List.copyOf(protocolVersions);
    }

    /** The params of a metadata probe: no configuration. */
    public InitializeParams(List<Integer> protocolVersions, CliInfo cli) {
        this(protocolVersions, cli, null);
    }
}
