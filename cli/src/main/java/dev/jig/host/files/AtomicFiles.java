package dev.jig.host.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * Replaces files so that a reader sees the old content or the new, never half of either: the
 * content goes to a temporary file beside the target, which is then renamed over it.
 */
public final class AtomicFiles {

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
    }
}
