package dev.jig.host.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jig.protocol.codec.Json;
import dev.jig.protocol.metadata.CommandSpec;
import dev.jig.protocol.metadata.PluginMetadata;
import java.util.List;
import java.util.Objects;

/** Builds the record of a plugin whose metadata was read, running the static checks once. */
final class Records {

    private Records() {
    }

    static PluginRecord fromMetadata(Kind kind, PluginMetadata metadata, List<String> run, String expectedName,
                                     String cliName) {
        String json;
        try {
            json = Json.mapper().writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metadata records always serialize", e);
        }
        return new PluginRecord(kind, StaticChecks.problems(metadata, expectedName, cliName), null,
                metadata.version(), metadata.description(), run, metadata.requires(),
                metadata.commands().stream().map(CommandSpec::name).filter(Objects::nonNull).toList(), metadata.hooks(), json);
    }
}
