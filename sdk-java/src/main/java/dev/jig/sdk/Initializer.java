package dev.jig.sdk;

import dev.jig.protocol.ErrorCodes;
import dev.jig.protocol.Message;
import dev.jig.protocol.Negotiation;
import dev.jig.protocol.Payloads;
import dev.jig.protocol.Protocol;
import dev.jig.protocol.RpcError;
import dev.jig.protocol.method.CliInfo;
import dev.jig.protocol.method.InitializeParams;
import dev.jig.protocol.method.InitializeResult;
import dev.jig.protocol.method.VersionMismatch;
import dev.jig.protocol.metadata.PluginMetadata;
import java.util.List;
import java.util.OptionalInt;

/** Answers {@code initialize}: picks the protocol version and returns the plugin's metadata. */
final class Initializer {

    private final JigPlugin plugin;
    private final HostContext context;
    private final Log log;
    private PluginConfig config = PluginConfig.empty();
    private String cliName;

    Initializer(JigPlugin plugin, HostContext context, Log log) {
        this.plugin = plugin;
        this.context = context;
        this.log = log;
    }

    Message answer(Message.Request request) {
        if (request.params() == null) {
            return error(request, RpcError.of(ErrorCodes.INVALID_PARAMS, "initialize needs params"));
        }
        InitializeParams params;
        try {
            params = Payloads.read(request.params(), InitializeParams.class);
        } catch (IllegalArgumentException e) {
            return error(request, RpcError.of(ErrorCodes.INVALID_PARAMS, "invalid initialize params: " + e.getMessage()));
        }
        PluginMetadata metadata = plugin.metadata();
        List<Integer> supported = supported(metadata);
        OptionalInt version = Negotiation.pick(params.protocolVersions(), supported);
        if (version.isEmpty()) {
            return error(request, new RpcError(ErrorCodes.UNSUPPORTED_VERSION,
                    "no common protocol version: the host offers " + params.protocolVersions()
                            + ", the plugin speaks " + supported,
                    Payloads.tree(new VersionMismatch(params.protocolVersions(), supported))));
        }
        PluginConfig offered;
        try {
            offered = params.config() == null ? PluginConfig.empty() : PluginConfig.of(params.config(), metadata.name());
        } catch (IllegalArgumentException e) {
            return error(request, RpcError.of(ErrorCodes.INVALID_PARAMS, "invalid initialize params: " + e.getMessage()));
        }
        config = offered;
        CliInfo cli = params.cli() == null ? new CliInfo(null, null) : params.cli();
        cliName = cli.name();
        plugin.initialized(new Handshake(version.getAsInt(), cli, context, log, config));
        return new Message.Response(request.id(), Payloads.tree(new InitializeResult(version.getAsInt(), metadata)));
    }

    /**
     * The environment prefix of the host that sent {@code initialize} ({@code JIG_} for
     * {@code jig}, {@code MY_CLI_} for {@code my-cli}); null before it, or when it gave no name.
     */
    String envPrefix() {
        return cliName == null ? null : cliName.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_";
    }

    /** The configuration from the last successful {@code initialize}; empty before it. */
    PluginConfig config() {
        return config;
    }

    /** The versions the SDK implements, narrowed to those the plugin declares, if it declares any. */
    static List<Integer> supported(PluginMetadata metadata) {
        List<Integer> declared = metadata.requires().protocol();
        if (declared.isEmpty()) {
            return Protocol.VERSIONS;
        }
        return Protocol.VERSIONS.stream().filter(declared::contains).toList();
    }

    private static Message error(Message.Request request, RpcError error) {
        return new Message.ErrorResponse(request.id(), error);
    }
}
