package dev.jig.host.exec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The file that hands a plugin run its configuration ({@code <PREFIX>CONFIG}): private to the
 * user (mode 0600, created so from the start), in the user's runtime directory when there is
 * one, and removed when the run ends.
 *
 * @param path the file
 */
public record ConfigHandoff(Path path) implements AutoCloseable {

    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE =
            PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));

    /**
     * Writes {@code json} to a new private file.
     *
     * @param cli              the CLI's name, which starts the file's name
     * @param runtimeDirectory {@code XDG_RUNTIME_DIR}, when set: a tmpfs only the user can read
     */
    public static ConfigHandoff write(byte[] json, String cli, Optional<Path> runtimeDirectory) throws IOException {
        Path dir = runtimeDirectory.filter(Files::isDirectory).orElse(Path.of(System.getProperty("java.io.tmpdir")));
        // Named after this process, created exclusively: no SecureRandom to seed (milliseconds on
        // a fresh JVM, on every plugin run), and never another file opened by mistake.
        long pid = ProcessHandle.current().pid();
        for (int attempt = 0; ; attempt++) {
            Path file = dir.resolve(new StringBuilder(cli).append("-config-").append(pid).append('-')
                    .append(System.nanoTime()).append('-').append(attempt).append(".json").toString());
            try (SeekableByteChannel channel = Files.newByteChannel(file, EnumSet.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), PRIVATE)) {
                try {
                    ByteBuffer buffer = ByteBuffer.wrap(json);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                } catch (IOException e) {
                    Files.deleteIfExists(file);
                    throw e;
                }
                return new ConfigHandoff(file);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
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
