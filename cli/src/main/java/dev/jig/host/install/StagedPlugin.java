package dev.jig.host.install;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.host.ExitStatus;
import dev.jig.host.discovery.CommandPath;
import dev.jig.host.discovery.Origin;
import dev.jig.host.discovery.PluginDir;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.discovery.PluginResolver;
import dev.jig.protocol.codec.Json;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plugin in an unpacked artifact: a directory with a manifest, or an executable named
 * {@code <cli>-<name>}, at the top of the tree or in its one top-level directory (as most
 * archives are made).
 *
 * @param name      the plugin's name
 * @param directory whether it is a directory plugin
 * @param root      the plugin's path relative to the tree: its directory, or its executable
 */
record StagedPlugin(String name, boolean directory, String root) {

    /**
     * Finds the plugin in {@code tree}.
     *
     * @param expected the name it must have (from an index or a lock file), if known
     * @param what     the artifact, for messages
     */
    static StagedPlugin find(Path tree, String filePrefix, Optional<String> expected, String what) throws InstallException {
        for (Path candidate : candidates(tree)) {
            String relative = tree.relativize(candidate).toString();
            String dirName = candidate.equals(tree) ? null : candidate.getFileName().toString();
            Path manifest = PluginResolver.manifestIn(new PluginDir(candidate.getParent(), Origin.EXPLICIT),
                    candidate.getFileName().toString(), filePrefix);
            if (manifest != null) {
                String cliKey = filePrefix.substring(0, filePrefix.length() - 1);
                String name = expected.or(() -> manifestName(manifest, cliKey)).or(() -> Optional.ofNullable(dirName))
                        .orElseThrow(() -> new InstallException(what + ": its manifest names no plugin; add \"name\" to "
                                + manifest.getFileName(), ExitStatus.REFUSED));
                return new StagedPlugin(checked(name, what), true, relative.isEmpty() ? "." : relative);
            }
            List<String> executables = executables(candidate, filePrefix);
            if (expected.isPresent() && executables.contains(filePrefix + expected.get())) {
                return new StagedPlugin(expected.get(), false, join(relative, filePrefix + expected.get()));
            }
            if (executables.size() == 1 && expected.isEmpty()) {
                String file = executables.get(0);
                return new StagedPlugin(checked(file.substring(filePrefix.length()), what), false, join(relative, file));
            }
            if (!executables.isEmpty()) {
                throw new InstallException(what + " holds " + String.join(", ", executables) + " but not "
                        + expected.map(n -> filePrefix + n).orElse("exactly one plugin") + "; nothing was installed",
                        ExitStatus.REFUSED);
            }
        }
        throw new InstallException(what + " holds no plugin: a plugin is a directory with plugin.json (or a package.json"
                + " with a '" + filePrefix.substring(0, filePrefix.length() - 1) + "' key) or an executable named "
                + filePrefix + "NAME, at the top of the archive or in its one top-level directory", ExitStatus.REFUSED);
    }

    /** Where the plugin is, inside {@code tree}, as a plugin file outside any search path. */
    PluginFile file(Path tree, String filePrefix) {
        Path path = tree.resolve(root).normalize();
        if (directory) {
            Path manifest = PluginResolver.manifestIn(new PluginDir(path.getParent(), Origin.EXPLICIT),
                    path.getFileName().toString(), filePrefix);
            return new PluginFile(CommandPath.fromFileName("", name).orElseThrow(), manifest, new PluginDir(path.getParent(), Origin.EXPLICIT),
                    PluginFile.Form.MANIFEST);
        }
        return new PluginFile(CommandPath.fromFileName("", name).orElseThrow(), path, new PluginDir(path.getParent(), Origin.EXPLICIT),
                PluginFile.Form.EXECUTABLE);
    }

    private static String checked(String name, String what) throws InstallException {
        if (CommandPath.fromFileName("", name).isEmpty()) {
            throw new InstallException(what + ": '" + name + "' is not a plugin name (letters, digits, '.' and '_' in parts"
                    + " separated by '-')", ExitStatus.REFUSED);
        }
        return name;
    }

    private static List<Path> candidates(Path tree) throws InstallException {
        List<Path> candidates = new ArrayList<>(List.of(tree));
        try (DirectoryStream<Path> top = Files.newDirectoryStream(tree)) {
            List<Path> entries = new ArrayList<>();
            top.forEach(entries::add);
            if (entries.size() == 1 && Files.isDirectory(entries.get(0), LinkOption.NOFOLLOW_LINKS)) {
                candidates.add(entries.get(0));
            }
        } catch (IOException e) {
            throw new InstallException("cannot read the unpacked plugin in " + tree + ": " + e.getMessage(), ExitStatus.FAILURE);
        }
        return candidates;
    }

    private static List<String> executables(Path dir, String filePrefix) throws InstallException {
        List<String> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, filePrefix + "*")) {
            for (Path entry : entries) {
                String file = entry.getFileName().toString();
                if (!file.endsWith(PluginFile.SIGNATURE_SUFFIX) && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                        && Files.isExecutable(entry)) {
                    found.add(file);
                }
            }
        } catch (IOException e) {
            throw new InstallException("cannot read the unpacked plugin in " + dir + ": " + e.getMessage(), ExitStatus.FAILURE);
        }
        found.sort(null);
        return found;
    }

    private static Optional<String> manifestName(Path manifest, String cliKey) {
        try {
            JsonNode json = Json.mapper().readTree(manifest.toFile());
            JsonNode fields = manifest.getFileName().toString().equals(PluginFile.MANIFESTS.get(0)) ? json : json.path(cliKey);
            return Optional.ofNullable(fields.path("name").textValue());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String join(String dir, String file) {
        return dir.isEmpty() ? file : dir + "/" + file;
    }
}
