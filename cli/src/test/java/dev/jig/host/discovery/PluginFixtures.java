package dev.jig.host.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Builds plugin directories for tests: executable and non-executable files. */
final class PluginFixtures {

    private PluginFixtures() {
    }

    /** Creates {@code dir/name} with mode 0755 (creating {@code dir} as needed). */
    static Path executable(Path dir, String name) {
        return file(dir, name, "rwxr-xr-x");
    }

    /** Creates {@code dir/name} with mode 0644: it exists but may not be executed. */
    static Path notExecutable(Path dir, String name) {
        return file(dir, name, "rw-r--r--");
    }

    private static Path file(Path dir, String name, String permissions) {
        try {
            Files.createDirectories(dir);
            Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
