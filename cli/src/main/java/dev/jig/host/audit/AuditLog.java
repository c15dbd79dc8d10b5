package dev.jig.host.audit;

import dev.jig.host.HostSettings;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.metadata.Digests;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The audit log, {@code ${XDG_STATE_HOME:-~/.local/state}/<cli>/audit.jsonl}: one JSON line per
 * plugin execution.
 *
 * <p>Every append and rotation happens under an exclusive lock on the sibling
 * {@code audit.jsonl.lock} (which stays, so that every writer, in any process, locks the same
 * file), and each line is written whole with one {@code write} in append mode: concurrent
 * invocations leave only whole lines. When a line would take the file past the size bound, the
 * file is rotated first: {@code audit.jsonl} becomes {@code audit.jsonl.1}, {@code .1} becomes
 * {@code .2} and so on; {@value #KEEP} rotated files are kept.
 *
 * <p>Auditing never stops a command: a log that cannot be written costs one warning line on
 * stderr per invocation, and the command goes on.
 */
public final class AuditLog {

    /** The size bound when nothing sets one: 1 MiB. */
    public static final long DEFAULT_MAX_BYTES = 1 << 20;

    /** Rotated files kept beside the log. */
    public static final int KEEP = 3;

    /** Threads of one process must not ask for the same file lock twice (the JVM refuses it). */
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path file;
    private final long maxBytes;
    private final Digests digests;
    private final Consumer<String> warn;
    private final AtomicBoolean warned = new AtomicBoolean();
    /** Why a plugin was allowed to run, as the trust policy decided; set by the host. */
    private volatile Function<PluginFile, String> trust = plugin -> "trusted";
    /** The sandbox profile a plugin runs under; set by the host. */
    private volatile Function<PluginFile, String> sandbox = plugin -> "none";

    /**
     * @param file     the log
     * @param maxBytes the size a file may reach before it is rotated (at least 1)
     * @param digests  computes the plugins' SHA-256
     * @param warn     receives the one warning line when the log cannot be written
     */
    public AuditLog(Path file, long maxBytes, Digests digests, Consumer<String> warn) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1: " + maxBytes);
        }
        this.file = file.toAbsolutePath();
        this.maxBytes = maxBytes;
        this.digests = digests;
        this.warn = warn;
    }

    /** The log of a CLI: {@code <state>/audit.jsonl}, when there is a state directory. */
    public static Optional<Path> location(HostSettings settings) {
        return settings.stateDirectory().map(dir -> dir.resolve("audit.jsonl"));
    }

    /**
     * The audit log of a CLI, with its digests cached under the cache directory; empty without
     * a state directory.
     */
    public static Optional<AuditLog> of(HostSettings settings, long maxBytes, Consumer<String> warn) {
        Digests digests = Digests.of(settings);
        return location(settings).map(path -> new AuditLog(path, maxBytes, digests, warn));
    }

    /** The log file. */
    public Path file() {
        return file;
    }

    /** The log and its rotated files, oldest first; only those that exist. */
    public static List<Path> files(Path log) {
        List<Path> files = new ArrayList<>();
        for (int i = KEEP; i >= 1; i--) {
            Path rotated = rotated(log, i);
            if (Files.isRegularFile(rotated)) {
                files.add(rotated);
            }
        }
        if (Files.isRegularFile(log)) {
            files.add(log);
        }
        return files;
    }

    /**
     * Names, in every later record, why a plugin was allowed to run (its directory is trusted,
     * or the user trusted the file): only trusted plugins are ever executed.
     */
    public void trustDecidedBy(Function<PluginFile, String> decision) {
        this.trust = decision;
    }

    /** Names, in every later record, the sandbox profile a plugin runs under. */
    public void sandboxDecidedBy(Function<PluginFile, String> profile) {
        this.sandbox = profile;
    }

    /**
     * Records one execution of {@code plugin}: its digest, why it was trusted, and its sandbox.
     *
     * @param event    for a hook session, its first event; else null
     * @param exitCode null when unknown
     */
    public void record(PluginFile plugin, String mode, String event, Instant started, Duration duration,
                       Integer exitCode, int argCount) {
        try {
            String sha256 = digests.sha256(plugin.path()).orElse(null);
            append(new AuditRecord(started, plugin.name(), plugin.path().toAbsolutePath().normalize().toString(), sha256,
                    mode, event, trust.apply(plugin), sandbox.apply(plugin), exitCode, duration.toMillis(), argCount));
        } catch (RuntimeException e) {
            failed(e.toString());
        }
    }

    /** Appends one record; never throws (see the class comment). */
    public void append(AuditRecord record) {
        try {
            write((record.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            failed(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private void failed(String reason) {
        if (warned.compareAndSet(false, true)) {
            warn.accept("warning: cannot write the audit log " + file + ": " + reason);
        }
    }

    private void write(byte[] line) throws IOException {
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, permissions(PRIVATE_DIR));
        }
        IN_PROCESS.lock();
        try (FileChannel lock = FileChannel.open(file.resolveSibling(file.getFileName() + ".lock"),
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), permissions(PRIVATE_FILE));
                FileLock held = lock.lock()) {
            long size = size(file);
            if (size > 0 && size + line.length > maxBytes) {
                rotate();
            }
            try (FileChannel out = FileChannel.open(file,
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE),
                    permissions(PRIVATE_FILE))) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
        } finally {
            IN_PROCESS.unlock();
        }
    }

    /** {@code .KEEP} goes, each {@code .i} becomes {@code .i+1}, the log becomes {@code .1}. */
    private void rotate() throws IOException {
        Files.deleteIfExists(rotated(file, KEEP));
        for (int i = KEEP - 1; i >= 1; i--) {
            Path from = rotated(file, i);
            if (Files.exists(from)) {
                Files.move(from, rotated(file, i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, rotated(file, 1), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path rotated(Path log, int index) {
        return log.resolveSibling(log.getFileName() + "." + index);
    }

    private static long size(Path file) throws IOException {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> permissions(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
