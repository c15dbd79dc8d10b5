package dev.jig.host.metadata;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.protocol.Payloads;
import dev.jig.protocol.codec.Json;
import dev.jig.protocol.metadata.PluginMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a directory plugin's manifest: {@code plugin.json}, or the {@code <cli>} key of a Node
 * package's {@code package.json}. Starts no process.
 */
final class ManifestReader {

    private ManifestReader() {
    }

    /**
     * @param manifest     the manifest file
     * @param expectedName the plugin's directory name
     * @param cliName      the CLI's name: also the {@code package.json} key
     */
    static PluginRecord read(Path manifest, String expectedName, String cliName) {
        String file = manifest.getFileName().toString();
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readString(manifest));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return broken(manifest, (at == null ? "" : "line " + at.getLineNr() + ": ") + e.getOriginalMessage());
        } catch (IOException e) {
            return broken(manifest, "cannot be read: " + e.getMessage());
        }
        if (!(root instanceof ObjectNode object)) {
            return broken(manifest, "must hold a JSON object");
        }
        ObjectNode body = object;
        if (file.equals("package.json")) {
            JsonNode own = object.get(cliName);
            if (!(own instanceof ObjectNode ownObject)) {
                return broken(manifest, "has no \"" + cliName + "\" object, so it does not describe a " + cliName + " plugin");
            }
            body = ownObject.deepCopy();
            for (String inherited : List.of("version", "description", "homepage")) {
                if (!body.has(inherited) && object.has(inherited)) {
                    body.set(inherited, object.get(inherited));
                }
            }
            if (!body.has("name")) {
                body.put("name", expectedName);
            }
        }
        JsonNode run = body.get("run");
        List<String> command = new ArrayList<>();
        if (run != null && run.isArray()) {
            run.forEach(arg -> command.add(arg.isTextual() ? arg.asText() : null));
        }
        if (command.isEmpty() || command.contains(null) || command.get(0).isBlank()) {
            return broken(manifest, "needs \"run\": the command that starts the plugin, e.g. [\"bin/run\"] or [\"python3\", \"main.py\"]");
        }
        if (command.stream().anyMatch(ManifestReader::unwritable)) {
            return broken(manifest, "has a line break or a NUL character in \"run\"; give each argument on one line, without NUL");
        }
        String program = command.get(0);
        if (program.contains("/") && !manifest.getParent().resolve(program).normalize().startsWith(manifest.getParent())) {
            return broken(manifest, "runs '" + program + "', outside the plugin's directory: give a path inside it,"
                    + " or a program name to find on PATH");
        }
        PluginMetadata metadata;
        try {
            metadata = Payloads.read(body, PluginMetadata.class);
        } catch (IllegalArgumentException e) {
            return broken(manifest, "does not match the metadata format: " + e.getMessage());
        }
        return Records.fromMetadata(Kind.MANIFEST, metadata, command, expectedName, cliName);
    }

    /** NUL cannot be passed to a program, and the cache and routes keep one argument per line. */
    private static boolean unwritable(String argument) {
        return argument.indexOf('\0') >= 0 || argument.indexOf('\n') >= 0 || argument.indexOf('\r') >= 0;
    }

    private static PluginRecord broken(Path manifest, String problem) {
        return PluginRecord.broken(Kind.MANIFEST, manifest + " " + problem);
    }
}
