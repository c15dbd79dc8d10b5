package dev.jig.host.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.host.HostSettings;
import dev.jig.host.discovery.CommandPath;
import dev.jig.host.discovery.Origin;
import dev.jig.host.discovery.PluginDir;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.discovery.PluginResolver;
import dev.jig.host.exec.LaunchCommand;
import dev.jig.host.exec.PluginLaunchException;
import dev.jig.host.exec.Programs;
import dev.jig.protocol.codec.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plugin under test, found by path rather than on the search path: it need not be installed
 * or trusted.
 *
 * @param file     the plugin as the host would see it in the directory that holds it
 * @param command  what starts it, before any argument
 * @param manifest for a directory plugin, its manifest file's content
 */
public record Target(PluginFile file, List<String> command, Optional<ObjectNode> manifest) {

    public Target {
        command = List.copyOf(command);
    }

    /** The schema file the manifest is checked against. */
    String manifestSchema() {
        return file.path().getFileName().toString().equals("package.json")
                ? "package-json.schema.json" : "manifest.schema.json";
    }

    /**
     * The plugin at {@code path}: an executable named {@code <cli>-<name>}, a plugin directory,
     * or a directory plugin's manifest.
     *
     * @throws IllegalArgumentException when {@code path} is no plugin the host could run, saying why
     */
    public static Target of(HostSettings settings, Path path) {
        Path absolute = settings.workingDirectory().resolve(path).toAbsolutePath().normalize();
        if (PluginFile.MANIFESTS.contains(absolute.getFileName().toString()) && Files.isRegularFile(absolute)) {
            absolute = absolute.getParent();
        }
        String prefix = settings.cli().filePrefix();
        String fileName = absolute.getFileName().toString();
        PluginDir dir = new PluginDir(absolute.getParent(), Origin.EXPLICIT);
        if (Files.isDirectory(absolute)) {
            CommandPath command = CommandPath.fromFileName("", fileName).orElseThrow(() ->
                    new IllegalArgumentException("'" + fileName + "' is not a plugin name: use letters, digits, '_' and '-'"));
            Path manifest = PluginResolver.manifestIn(dir, fileName, prefix);
            if (manifest == null) {
                throw new IllegalArgumentException(absolute + " holds no plugin.json, nor a package.json with a \""
                        + settings.cli().name() + "\" key");
            }
            return directory(settings, new PluginFile(command, manifest, dir, PluginFile.Form.MANIFEST));
        }
        if (!Files.isRegularFile(absolute) || !Files.isExecutable(absolute)) {
            throw new IllegalArgumentException(absolute + " is not an executable file or a plugin directory");
        }
        CommandPath command = CommandPath.fromFileName(prefix, fileName).orElseThrow(() ->
                new IllegalArgumentException("'" + fileName + "' is not a plugin file name: name it " + prefix + "NAME"));
        PluginFile file = new PluginFile(command, absolute, dir, PluginFile.Form.EXECUTABLE);
        return new Target(file, List.of(absolute.toString()), Optional.empty());
    }

    private static Target directory(HostSettings settings, PluginFile file) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readString(file.path()));
        } catch (IOException e) {
            throw new IllegalArgumentException(file.path() + " cannot be read as JSON: " + e.getMessage(), e);
        }
        JsonNode body = file.path().getFileName().toString().equals("package.json")
                ? root.path(settings.cli().name()) : root;
        if (!(body instanceof ObjectNode) || !root.isObject()) {
            throw new IllegalArgumentException(file.path() + " does not hold a JSON object for " + settings.cli().name());
        }
        List<String> run = new ArrayList<>();
        body.path("run").forEach(arg -> run.add(arg.asText()));
        if (run.isEmpty() || run.get(0).isBlank()) {
            throw new IllegalArgumentException(file.path() + " needs \"run\": the command that starts the plugin");
        }
        try {
            return new Target(file, LaunchCommand.of(file, run, new Programs(settings)), Optional.of((ObjectNode) root));
        } catch (PluginLaunchException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
