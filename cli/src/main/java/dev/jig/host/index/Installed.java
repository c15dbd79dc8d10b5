package dev.jig.host.index;

import java.util.Map;
import java.util.Objects;

/**
 * A plugin as it is installed now.
 *
 * @param name            its name
 * @param version         its version, a semantic version
 * @param requiresPlugins its {@code requires.plugins}: other plugins by name, each with a range
 */
public record Installed(String name, String version, Map<String, String> requiresPlugins) {

    public Installed {
        Objects.requireNonNull(name, "name");
        if (version == null || !Versions.isVersion(version)) {
            throw new IllegalArgumentException("installed plugin '" + name + "' has no semantic version: " + version);
        }
        requiresPlugins = requiresPlugins == null ? Map.of() : Map.copyOf(requiresPlugins);
    }

    /** {@code greet@1.2.0}. */
    String label() {
        return name + "@" + version;
    }
}
