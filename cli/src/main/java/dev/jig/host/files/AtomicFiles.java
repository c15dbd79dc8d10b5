package dev.jig.host.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Replaces files so that a reader sees the old content or the new, never half of either: the
 * content goes to a temporary file beside the target, which is then renamed over it. A writer
 * killed before the rename leaves its temporary file, which no reader looks at; the next write
 * of the same file deletes it.
 */
public final class AtomicFiles {

    /** Older than this, a temporary file is a killed writer's debris. */
    static final Duration STALE = Duration.ofMinutes(1);

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} with {@code content}, creating its directory if need be. The new
     * file is private to the user (0600) unless {@code mode} says otherwise.
     *
     * @param durable forces the content to disk before the rename, so that a crash never leaves
     *                an empty file in place of a user's settings; caches need not pay for that
     */
    public static void replace(Path target, byte[] content, Optional<Set<PosixFilePermission>> mode, boolean durable)
            throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        // createTempFile makes the file 0600 on POSIX systems: nothing readable leaks meanwhile.
        Path temp = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
        try {
            if (mode.isPresent()) {
                Files.setPosixFilePermissions(temp, mode.get());
            }
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                if (durable) {
                    out.force(true);
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        sweep(directory, target.getFileName().toString());
    }

    /**
     * Deletes the temporary files of earlier writes of {@code name} that were killed before their
     * rename, once they are older than any write takes ({@link #STALE}): a younger one may be a
     * concurrent writer's, about to be renamed.
     */
    private static void sweep(Path directory, String name) {
        Instant stale = Instant.now().minus(STALE);
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(directory, temp -> {
            String file = temp.getFileName().toString();
            return file.startsWith("." + name + ".") && file.endsWith(".tmp");
        })) {
            for (Path temp : temps) {
                if (Files.getLastModifiedTime(temp, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(stale)) {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // Debris costs only space; the write itself has succeeded.
        }
    }
}
