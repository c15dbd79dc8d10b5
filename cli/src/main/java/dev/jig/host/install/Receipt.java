package dev.jig.host.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.host.files.AtomicFiles;
import dev.jig.protocol.codec.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a store directory holds, written into it before it goes live: the plugin's name, how it
 * was installed, and where in the unpacked tree the plugin itself is.
 *
 * @param name      the plugin's name
 * @param locked    its lock-file record
 * @param directory whether it is a directory plugin (with a manifest) rather than an executable
 * @param root      the plugin inside {@code tree/}: the executable, or the manifest's directory
 */
public record Receipt(String name, Locked locked, boolean directory, String root) {

    /** The receipt's file name in a store directory. */
    static final String FILE = "receipt.json";
    /** The unpacked artifact's directory in a store directory. */
    static final String TREE = "tree";

    public Receipt {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(locked, "locked");
        Objects.requireNonNull(root, "root");
    }

    /** Writes the receipt into {@code storeDir}. */
    void write(Path storeDir) throws IOException {
        Files.write(storeDir.resolve(FILE), bytes());
    }

    private byte[] bytes() throws IOException {
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("name", name);
        json.set("locked", Json.mapper().valueToTree(locked));
        json.put("directory", directory);
        json.put("root", root);
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
    }

    /** Replaces the receipt in {@code storeDir}, atomically: a store directory always has a whole one. */
    void replace(Path storeDir) throws IOException {
        AtomicFiles.replace(storeDir.resolve(FILE), bytes(), Optional.empty(), true);
    }

    /** The receipt in {@code storeDir}; empty when it is missing or damaged. */
    static Optional<Receipt> read(Path storeDir) {
        try {
            JsonNode json = Json.mapper().readTree(storeDir.resolve(FILE).toFile());
            return Optional.of(new Receipt(json.path("name").asText(null),
                    Json.mapper().treeToValue(json.path("locked"), Locked.class),
                    json.path("directory").asBoolean(), json.path("root").asText(null)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Where the plugin is, inside {@code storeDir}. */
    Path plugin(Path storeDir) {
        return storeDir.resolve(TREE).resolve(root).normalize();
    }
}
