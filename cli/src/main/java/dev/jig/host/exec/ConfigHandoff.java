package dev.jig.host.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The file that hands a plugin run its configuration ({@code <PREFIX>CONFIG}): private to the
 * user (mode 0600, created so from the start), in the user's runtime directory when there is
 * one, and removed when the run ends.
 *
 * @param path the file
 */
public record ConfigHandoff(Path path) implements AutoCloseable {

    /**
     * Writes {@code json} to a new private file.
     *
     * @param cli              the CLI's name, which starts the file's name
     * @param runtimeDirectory {@code XDG_RUNTIME_DIR}, when set: a tmpfs only the user can read
     */
    public static ConfigHandoff write(byte[] json, String cli, Optional<Path> runtimeDirectory) throws IOException {
        Path dir = runtimeDirectory.filter(Files::isDirectory).orElse(Path.of(System.getProperty("java.io.tmpdir")));
        Path file = Files.createTempFile(dir, cli + "-config-", ".json",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(file, json);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new ConfigHandoff(file);
    }

    /** Removes the file; the run is over. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // nothing to do: the temporary directory is cleaned by the system
        }
    }
}
