package dev.jig.host.doctor;

import dev.jig.host.discovery.PluginFile;
import dev.jig.host.metadata.Catalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The facts about the search path and its plugins, gathered once so that every {@link Check}
 * reads the same picture and none of them starts a process.
 *
 * @param cli         the CLI's name, for fixes that are commands
 * @param envPrefix   what the host's environment variables start with, e.g. {@code JIG_}
 * @param path        the raw {@code PATH} variable, empty entries and all; empty when unset
 * @param catalog     every plugin with its record and what keeps it from running
 * @param handshakes  how long each probed executable took to answer (or fail) the metadata handshake
 * @param stale       plugins whose cached record, still matching their file, no longer matched their answer
 * @param sandboxes   plugins whose requested sandbox cannot be set up, with why
 * @param configs     plugins whose configuration does not fit the schema they declare, with how
 * @param programs    finds a program on the host's {@code PATH}
 */
public record Examination(String cli, String envPrefix, Optional<String> path, Catalog catalog,
                          Map<PluginFile, Handshake> handshakes, Set<PluginFile> stale,
                          Map<PluginFile, String> sandboxes, Map<PluginFile, String> configs, Function<String, Optional<Path>> programs) {
    public Examination {
        handshakes = Map.copyOf(handshakes);
        stale = Set.copyOf(stale);
        sandboxes = Map.copyOf(sandboxes);
        configs = Map.copyOf(configs);
    }

    /**
     * One timed metadata handshake.
     *
     * @param took    from start to answer, failure or timeout
     * @param timeout how long the plugin was allowed: its call timeout
     */
    public record Handshake(Duration took, Duration timeout) {
    }
}
