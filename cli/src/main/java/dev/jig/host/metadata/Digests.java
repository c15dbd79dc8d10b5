package dev.jig.host.metadata;

import dev.jig.host.HostSettings;
import dev.jig.host.files.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * SHA-256 digests of plugin files, remembered by {@link Fingerprint}: an unchanged file is read
 * once. Each digest is a small file {@code <directory>/<hash of the path>} holding the path, the
 * fingerprint and the hex digest, written atomically (temp file + rename), so concurrent
 * invocations at worst compute it twice.
 */
public final class Digests {

    private final Optional<Path> directory;

    /** @param directory where digests are remembered; empty to compute every time */
    public Digests(Optional<Path> directory) {
        this.directory = directory;
    }

    /** Where a CLI remembers digests: {@code <cache>/digests}, when there is a cache directory. */
    public static Digests of(HostSettings settings) {
        return new Digests(settings.cacheDirectory().map(cache -> cache.resolve("digests")));
    }

    /** The SHA-256 of {@code file} (following links) in lower-case hex; empty when it cannot be read. */
    public Optional<String> sha256(Path file) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(real)) {
            return Optional.empty();
        }
        try {
            return Optional.of(remembered(real, () -> Fingerprint.of(real), () -> compute(real)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A digest of {@code real} as {@code digest} computes it, remembered under the fingerprint
     * {@code fingerprint} takes: computed only when that fingerprint was not seen before.
     *
     * @param real        an absolute real path, which names the remembered entry
     * @param fingerprint identifies the content now (of a file, or of a whole tree)
     * @param digest      computes the lower-case hex digest
     */
    public String remembered(Path real, Source<Fingerprint> fingerprint, Source<String> digest) throws IOException {
        Fingerprint before = fingerprint.get();
        Optional<Path> entry = directory.map(dir -> dir.resolve(name(real)));
        if (entry.isPresent()) {
            Optional<String> cached = lookup(entry.get(), real, before);
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        String hex = digest.get();
        // Content that changed while it was read has no digest worth remembering.
        if (entry.isPresent() && fingerprint.get().equals(before)) {
            store(entry.get(), real, before, hex);
        }
        return hex;
    }

    /** Something read from the file system. */
    @FunctionalInterface
    public interface Source<T> {
        T get() throws IOException;
    }

    /** The SHA-256 of the file's content now, with no cache. */
    public static String compute(Path file) throws IOException {
        MessageDigest sha = newSha256();
        update(sha, file);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** A new SHA-256 digest. */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Feeds the bytes of {@code file} to {@code digest}. */
    public static void update(MessageDigest digest, Path file) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
    }

    private static Optional<String> lookup(Path entry, Path real, Fingerprint fingerprint) {
        try {
            List<String> lines = Files.readAllLines(entry, StandardCharsets.UTF_8);
            if (lines.size() == 3 && lines.get(0).equals(real.toString())
                    && lines.get(1).equals(fingerprint.toString()) && lines.get(2).matches("[0-9a-f]{64}")) {
                return Optional.of(lines.get(2));
            }
        } catch (NoSuchFileException e) {
            // not seen before
        } catch (IOException | RuntimeException e) {
            // unreadable: computed again and rewritten
        }
        return Optional.empty();
    }

    private static void store(Path entry, Path real, Fingerprint fingerprint, String hex) {
        if (real.toString().contains("\n")) {
            return;
        }
        try {
            AtomicFiles.replace(entry, (real + "\n" + fingerprint + "\n" + hex + "\n").getBytes(StandardCharsets.UTF_8),
                    Optional.empty(), false);
        } catch (IOException | RuntimeException e) {
            // A digest not remembered is computed again next time.
        }
    }

    /** A file name for a path: its 64-bit FNV-1a hash in hex (the path itself is inside, to tell collisions). */
    static String name(Path real) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : real.toString().getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return String.format("%016x", hash);
    }
}
