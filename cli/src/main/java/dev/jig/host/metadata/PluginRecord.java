package dev.jig.host.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.protocol.codec.Json;
import dev.jig.protocol.metadata.ConfigSpec;
import dev.jig.protocol.metadata.PluginMetadata;
import dev.jig.protocol.metadata.Requirements;
import java.util.List;
import java.util.Optional;

/**
 * What the host knows about one version of a plugin file: the result of a probe or a manifest
 * read, kept in the cache until the file changes.
 *
 * <p>Fields that {@code help}, listing and dispatch need are plain values, so that those paths
 * read a few lines of text; the full metadata stays JSON for {@code plugins info}.
 *
 * @param kind         how it was learned
 * @param problems     what is wrong with the plugin itself (name, version, protocol); empty if nothing
 * @param detail       for a plain plugin, why the probe did not count as a handshake; else null
 * @param version      the plugin's version, or null
 * @param summary      one line for help, or null
 * @param run          a manifest plugin's command vector; empty for executables
 * @param requires     its requirements, checked whenever it is used
 * @param subcommands  the names of its top-level subcommands
 * @param hooks        the events it subscribes to
 * @param metadataJson the whole metadata as JSON, or null
 */
public record PluginRecord(
        Kind kind,
        List<String> problems,
        String detail,
        String version,
        String summary,
        List<String> run,
        Requirements requires,
        List<String> subcommands,
        List<String> hooks,
        String metadataJson) {

    public PluginRecord {
        // Everything here may be shown on a terminal, and much of it came from the plugin.
        problems = problems.isEmpty() ? List.of() : problems.stream().map(Text::oneLine).toList();
        detail = Text.oneLine(detail);
        version = Text.oneLine(version);
        summary = Text.oneLine(summary);
        run = List.copyOf(run);
        requires = requires == null ? Requirements.NONE : requires;
        subcommands = subcommands.stream().map(Text::oneLine).toList();
        hooks = hooks.stream().map(Text::oneLine).toList();
    }

    /** A plain executable, with why it is not a protocol plugin. */
    public static PluginRecord plain(String detail) {
        return new PluginRecord(Kind.PLAIN, List.of(), detail, null, null, List.of(), null, List.of(), List.of(), null);
    }

    /** A plugin that is broken in itself: it tried to speak the protocol, or has a manifest, but failed. */
    public static PluginRecord broken(Kind kind, String problem) {
        return new PluginRecord(kind, List.of(problem), null, null, null, List.of(), null, List.of(), List.of(), null);
    }

    /**
     * The {@code config} part of metadata JSON, read as a tree: unlike {@link #metadata()}, no
     * record is bound, so a plugin run pays for no reflection.
     *
     * @param metadataJson a record's {@link #metadataJson()}, or null
     * @return empty without JSON, without a {@code config} object, or with damaged JSON
     */
    public static Optional<ConfigSpec> configSpec(String metadataJson) {
        // Most plugins declare no configuration: they are told apart without a JSON parser.
        if (metadataJson == null || !metadataJson.contains("\"config\"")) {
            return Optional.empty();
        }
        try {
            JsonNode config = Json.mapper().readTree(metadataJson).get("config");
            return config == null || !config.isObject() ? Optional.empty()
                    : Optional.of(new ConfigSpec(config.get("defaults"), config.get("schema")));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /**
     * The full metadata, parsed from {@link #metadataJson()}; empty for a plain or broken plugin,
     * or for a record read without its JSON.
     */
    public Optional<PluginMetadata> metadata() {
        if (metadataJson == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(metadataJson, PluginMetadata.class));
        } catch (JsonProcessingException e) {
            return Optional.empty(); // a damaged cache body: the header still speaks
        }
    }
}
