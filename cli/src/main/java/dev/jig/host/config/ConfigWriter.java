package dev.jig.host.config;

import dev.jig.host.files.AtomicFiles;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Changes one configuration file safely under concurrent CLI processes: read, change and write
 * happen while holding an exclusive lock on a sibling {@code config.toml.lock} (which stays, so
 * that every writer locks the same file); the new content goes to a temporary file in the same
 * directory that is renamed over the old one, so a reader sees the old file or the new, never
 * half of one. A file that is not valid TOML is refused and left untouched.
 *
 * <p>A new file gets mode 0644 for the system and project files (meant to be shared) and 0600
 * for the user's (it may hold tokens); an existing file keeps its mode. Parent directories are
 * created. A symbolic link is followed, so a managed dotfile stays a link. The file is rewritten
 * from its parsed content: comments and formatting are not kept.
 */
public final class ConfigWriter {

    /**
     * A change to a file's content.
     */
    @FunctionalInterface
    public interface Edit {
        /**
         * @param current the file's tables (empty when there is no file), free to change
         * @return the new content; empty to leave the file as it is
         * @throws ConfigException to refuse the change; nothing is written
         */
        Optional<ObjectNode> apply(ObjectNode current) throws ConfigException;
    }

    private final Path file;
    private final Scope scope;
    private final String cli;

    /**
     * @param file  the file to change
     * @param scope which file it is, which decides a new file's mode
     * @param cli   the CLI's name, for messages
     */
    public ConfigWriter(Path file, Scope scope, String cli) {
        this.file = file;
        this.scope = scope;
        this.cli = cli;
    }

    /** The file changed. */
    public Path file() {
        return file;
    }

    /** The lock file beside it. */
    public Path lockFile() {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    /**
     * Applies {@code edit} to the file's current content and writes the result, all under the lock.
     *
     * @return whether the file was written
     * @throws ConfigException when the file is not valid TOML or {@code edit} refuses
     * @throws IOException     when the file, its directory or the lock cannot be written
     */
    public boolean update(Edit edit) throws ConfigException, IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel lock = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = lock.lock()) {
            Optional<ObjectNode> current = ConfigFile.read(file, cli);
            Optional<ObjectNode> next = edit.apply(current.map(ObjectNode::deepCopy)
                    .orElseGet(JsonNodeFactory.instance::objectNode));
            if (next.isEmpty()) {
                return false;
            }
            Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file;
            // Durable: the rename must never publish an empty file after a crash.
            AtomicFiles.replace(target, TomlCodec.write(next.get()), current.isPresent() ? mode(target) : newFileMode(), true);
            return true;
        }
    }

    private static Optional<Set<PosixFilePermission>> mode(Path existing) throws IOException {
        try {
            return Optional.of(Files.getPosixFilePermissions(existing));
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private Optional<Set<PosixFilePermission>> newFileMode() {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Optional.empty();
        }
        return Optional.of(PosixFilePermissions.fromString(scope == Scope.USER ? "rw-------" : "rw-r--r--"));
    }
}
