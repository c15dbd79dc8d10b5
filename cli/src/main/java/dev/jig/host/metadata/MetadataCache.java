package dev.jig.host.metadata;

import dev.jig.host.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Plugin records on disk, one file per plugin, named after a digest of the plugin's path as it was
 * found (not its real path: the name a file is found under is part of its record).
 *
 * <p>A record is used only when the plugin file's fingerprint and the host's version both still
 * match. Writes go to a temporary file that is renamed over the old one, so concurrent CLI
 * processes see either the old record or the new, never half of one. A record that cannot be
 * read is treated as missing and rewritten: a corrupt cache costs a probe, nothing more.
 */
public final class MetadataCache {

    private static final String SUFFIX = ".plugin";

    private final Path directory;
    private final String hostVersion;

    /**
     * @param directory   where the records live, e.g. {@code ~/.cache/jig/plugins}; created on
     *                    first write
     * @param hostVersion records written by another version are ignored
     */
    public MetadataCache(Path directory, String hostVersion) {
        this.directory = directory;
        this.hostVersion = hostVersion;
    }

    /** The record for {@code pluginPath} if it was made for exactly {@code fingerprint}. */
    public Optional<PluginRecord> lookup(Path pluginPath, Fingerprint fingerprint, boolean withJson) {
        try {
            RecordCodec.Entry entry = RecordCodec.read(
                    new String(Files.readAllBytes(fileFor(pluginPath)), StandardCharsets.UTF_8), withJson);
            if (entry.fingerprint().equals(fingerprint) && hostVersion.equals(entry.hostVersion())
                    && pluginPath.toString().equals(entry.path())) {
                return Optional.of(entry.record());
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or corrupt: rebuilt by the next store
        }
        return Optional.empty();
    }

    /**
     * Stores {@code record} for {@code pluginPath} atomically. A failure to write (read-only home,
     * full disk) is not an error for the caller: the plugin is simply probed again next time.
     *
     * @return whether the record was written
     */
    public boolean store(Path pluginPath, Fingerprint fingerprint, PluginRecord record) {
        try {
            AtomicFiles.replace(fileFor(pluginPath), RecordCodec.write(new RecordCodec.Entry(hostVersion,
                    pluginPath.toString(), fingerprint, record)).getBytes(StandardCharsets.UTF_8), Optional.empty(), false);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The record file of a plugin: a 64-bit FNV-1a hash of its path, which the record also holds
     * and {@link #lookup} checks. Not a cryptographic digest on purpose: SHA-256 costs tens of
     * milliseconds in a cold JVM, paid on every {@code help}, and a collision only costs a probe.
     */
    private Path fileFor(Path pluginPath) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : pluginPath.toString().getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return directory.resolve(String.format("%016x", hash) + SUFFIX);
    }
}
