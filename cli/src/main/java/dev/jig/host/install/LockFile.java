package dev.jig.host.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.host.ExitStatus;
import dev.jig.host.discovery.CommandPath;
import dev.jig.host.files.AtomicFiles;
import dev.jig.protocol.codec.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The lock file: every plugin installed from an index, a URL or a path, with its exact version,
 * source and digest, sorted by name so that the same installs always write the same bytes.
 *
 * <pre>{@code
 * {
 *   "lock" : 1,
 *   "plugins" : {
 *     "greet" : { "version" : "1.2.0", "source" : "https://...", "sha256" : "...", "index" : "main", "requires" : { } }
 *   }
 * }
 * }</pre>
 */
public final class LockFile {

    private static final int VERSION = 1;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private LockFile() {
    }

    /** The plugins {@code file} records; none when it does not exist. */
    public static SortedMap<String, Locked> read(Path file) throws InstallException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        } catch (IOException e) {
            throw new InstallException("cannot read the lock file " + file + ": " + e.getMessage(), ExitStatus.FAILURE);
        }
        try {
            JsonNode root = Json.mapper().readTree(content);
            if (root == null || !root.isObject() || root.path("lock").asInt() != VERSION || !root.path("plugins").isObject()) {
                throw new IOException("it is not a version " + VERSION + " lock file");
            }
            SortedMap<String, Locked> plugins = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("plugins").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                plugins.put(entry.getKey(), checked(entry.getKey(), Json.mapper().treeToValue(entry.getValue(), Locked.class)));
            }
            return plugins;
        } catch (IOException | RuntimeException e) {
            throw new InstallException("the lock file " + file + " is damaged (" + Optional.ofNullable(e.getMessage())
                    .map(m -> m.lines().findFirst().orElse("")).orElse("") + "); restore it, or delete it and install again",
                    ExitStatus.CONFIG);
        }
    }

    /**
     * A record as only this class writes it: a file that names paths and URLs is checked before
     * anything is fetched or written for it (a committed lock file comes from a repository).
     */
    private static Locked checked(String name, Locked locked) throws IOException {
        if (CommandPath.fromFileName("", name).isEmpty()) {
            throw new IOException("'" + name + "' is not a plugin name");
        }
        if (!SHA256.matcher(locked.sha256()).matches()) {
            throw new IOException(name + ": sha256 is not 64 hex digits");
        }
        URI source;
        try {
            source = new URI(locked.source());
        } catch (URISyntaxException e) {
            throw new IOException(name + ": source is not a URL");
        }
        String scheme = source.getScheme() == null ? "" : source.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") && !(scheme.equals("file") && source.getPath() != null
                && source.getAuthority() == null && source.getPath().startsWith("/"))) {
            throw new IOException(name + ": source is not an http, https or file:/// URL");
        }
        return locked;
    }

    /** Replaces {@code file} with {@code plugins}, atomically. */
    public static void write(Path file, Map<String, Locked> plugins) throws IOException {
        AtomicFiles.replace(file, render(plugins), Optional.empty(), true);
    }

    /** The bytes a lock file of {@code plugins} holds. */
    static byte[] render(Map<String, Locked> plugins) throws IOException {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("lock", VERSION);
        ObjectNode entries = root.putObject("plugins");
        new TreeMap<>(plugins).forEach((name, locked) -> entries.set(name, sorted(Json.mapper().valueToTree(locked))));
        return (Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code requires} in name order: a map's order must not change the bytes. */
    private static JsonNode sorted(JsonNode locked) {
        JsonNode requires = locked.path("requires");
        if (requires.isObject()) {
            SortedMap<String, JsonNode> byName = new TreeMap<>();
            requires.fields().forEachRemaining(e -> byName.put(e.getKey(), e.getValue()));
            ObjectNode ordered = Json.mapper().createObjectNode();
            byName.forEach(ordered::set);
            ((ObjectNode) locked).set("requires", ordered);
        }
        return locked;
    }
}
