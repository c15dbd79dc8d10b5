package dev.jig.host.discovery;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One directory of the search path and why it is there.
 *
 * @param directory an absolute, normalised path; it may not exist
 * @param origin    the kind of directory
 */
public record PluginDir(Path directory, Origin origin) {
    public PluginDir {
        Objects.requireNonNull(origin, "origin");
        if (!directory.isAbsolute()) {
            throw new IllegalArgumentException("plugin directory must be absolute: " + directory);
        }
        directory = directory.normalize();
    }
}
