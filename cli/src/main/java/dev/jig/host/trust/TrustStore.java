package dev.jig.host.trust;

import dev.jig.host.files.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.host.HostSettings;
import dev.jig.host.metadata.Digester;
import dev.jig.host.metadata.Fingerprint;
import dev.jig.protocol.codec.Json;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The plugins the user trusted one by one: {@code ${XDG_CONFIG_HOME:-~/.config}/<cli>/trusted.json}.
 * A trust decision belongs to the user, like the configuration, so it lives beside it.
 *
 * <pre>{@code
 * {"version": 1, "plugins": {"/abs/path/jig-foo": {"sha256": "...", "tree": false,
 *   "fingerprint": {"size": 1, "mtime": 2, "ctime": 3, "inode": 4}, "trustedAt": "2026-..."}}}
 * }</pre>
 *
 * <p>Each record is keyed by the absolute path the plugin is found at (an executable, or the
 * directory of a directory plugin). Changes are made while holding an exclusive lock on the
 * sibling {@code trusted.json.lock}; the new content is written to a temporary file renamed over
 * the old one, so concurrent CLI processes never see half a file and never lose each other's
 * records. A file that cannot be read or parsed trusts nothing (and is not overwritten).
 */
public final class TrustStore {

    /**
     * One trusted plugin.
     *
     * @param sha256      the lower-case hex SHA-256 of its content when it was trusted
     * @param tree        whether it is a directory plugin, digested as a whole tree
     * @param fingerprint the fingerprint its content had when {@code sha256} was last confirmed
     * @param trustedAt   when the user trusted it
     */
    public record Entry(String sha256, boolean tree, Fingerprint fingerprint, Instant trustedAt) {
    }

    private static final int VERSION = 1;

    /** File locks are held per process; threads of one process take turns on this first. */
    private static final Object WRITERS = new Object();

    private final Path file;
    private Map<Path, Entry> snapshot;

    /** A store in {@code file}; nothing is read until it is needed. */
    public TrustStore(Path file) {
        this.file = file;
    }

    /** The store of the user {@code settings} describe; empty without a usable home. */
    public static Optional<TrustStore> of(HostSettings settings) {
        return settings.configDirectory().map(config -> new TrustStore(config.resolve("trusted.json")));
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** The record for {@code key} (an absolute, normalised path), as the file held it when first read. */
    public synchronized Optional<Entry> get(Path key) {
        if (snapshot == null) {
            snapshot = readQuietly();
        }
        return Optional.ofNullable(snapshot.get(key));
    }

    /** Every record, read now, by path. */
    public Map<Path, Entry> entries() {
        return Collections.unmodifiableMap(readQuietly());
    }

    /**
     * Trusts the content {@code key} has now: records its digest and fingerprint, replacing any
     * earlier record. The fingerprint is taken before the digest, so a change made while hashing
     * is caught at the next check.
     */
    public Entry trust(Path key, boolean tree, Digester digester) throws IOException {
        Fingerprint fingerprint = TreeDigest.fingerprint(key, tree);
        Entry entry = new Entry(digester.digest(key, tree), tree, fingerprint, Instant.now());
        update(records -> {
            records.put(key, entry);
            return records;
        });
        return entry;
    }

    /** Forgets {@code key}; whether it was recorded. */
    public boolean untrust(Path key) throws IOException {
        boolean[] removed = {false};
        update(records -> {
            removed[0] = records.remove(key) != null;
            return removed[0] ? records : null;
        });
        return removed[0];
    }

    /**
     * Best effort: remembers that {@code key}, whose digest was just found to be the recorded one
     * again, now has {@code fingerprint}, so the next check need not hash it. Does nothing when
     * the record changed meanwhile or the file cannot be written.
     */
    public void confirm(Path key, Entry checked, Fingerprint fingerprint) {
        try {
            update(records -> {
                Entry current = records.get(key);
                if (current == null || !current.sha256().equals(checked.sha256()) || current.tree() != checked.tree()) {
                    return null;
                }
                records.put(key, new Entry(current.sha256(), current.tree(), fingerprint, current.trustedAt()));
                return records;
            });
        } catch (IOException | RuntimeException e) {
            // only an optimisation: the file is hashed again next time
        }
    }

    /** Applies {@code change} (null: write nothing) to the records under the lock. */
    private void update(UnaryOperator<Map<Path, Entry>> change) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        synchronized (WRITERS) {
            locked(lockFile, directory, change);
        }
    }

    private void locked(Path lockFile, Path directory, UnaryOperator<Map<Path, Entry>> change) throws IOException {
        try (FileChannel lock = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = lock.lock()) {
            Map<Path, Entry> next = change.apply(read());
            if (next != null) {
                AtomicFiles.replace(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson(next)),
                        Optional.empty(), true); // private (0600) and durable: the user's decisions
                synchronized (this) {
                    snapshot = new TreeMap<>(next);
                }
            }
        }
    }

    private Map<Path, Entry> readQuietly() {
        try {
            return read();
        } catch (IOException | RuntimeException e) {
            return new TreeMap<>(); // unreadable: nothing is trusted by record
        }
    }

    /** The records; none when there is no file. */
    private Map<Path, Entry> read() throws IOException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(content);
        } catch (IOException e) {
            throw new IOException(file + " is not valid JSON; fix or remove it", e);
        }
        if (root == null || !root.isObject() || root.path("version").asInt() != VERSION || !root.path("plugins").isObject()) {
            throw new IOException(file + " is not a trust file of version " + VERSION + "; fix or remove it");
        }
        Map<Path, Entry> records = new TreeMap<>();
        for (Map.Entry<String, JsonNode> member : root.get("plugins").properties()) {
            JsonNode value = member.getValue();
            JsonNode fingerprint = value.path("fingerprint");
            String sha256 = value.path("sha256").asText("");
            if (!sha256.matches("[0-9a-f]{64}") || !Path.of(member.getKey()).isAbsolute()) {
                continue; // a damaged record trusts nothing
            }
            Instant trustedAt;
            try {
                trustedAt = Instant.parse(value.path("trustedAt").asText());
            } catch (RuntimeException e) {
                trustedAt = Instant.EPOCH;
            }
            records.put(Path.of(member.getKey()), new Entry(sha256, value.path("tree").asBoolean(),
                    new Fingerprint(fingerprint.path("size").asLong(-1), fingerprint.path("mtime").asLong(),
                            fingerprint.path("ctime").asLong(), fingerprint.path("inode").asLong()),
                    trustedAt));
        }
        return records;
    }

    private static JsonNode toJson(Map<Path, Entry> records) {
        ObjectMapper mapper = Json.mapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("version", VERSION);
        ObjectNode plugins = root.putObject("plugins");
        new TreeMap<>(records).forEach((path, entry) -> {
            ObjectNode record = plugins.putObject(path.toString());
            record.put("sha256", entry.sha256());
            record.put("tree", entry.tree());
            record.putObject("fingerprint")
                    .put("size", entry.fingerprint().size())
                    .put("mtime", entry.fingerprint().mtime())
                    .put("ctime", entry.fingerprint().ctime())
                    .put("inode", entry.fingerprint().inode());
            record.put("trustedAt", entry.trustedAt().toString());
        });
        return root;
    }
}
