package dev.jig.host.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every plugin on the search path, in search order, with the problems that keep any of them
 * from running. Built for listing and help; dispatch never scans directories.
 *
 * @param searchPath the directories, with whether each was scanned
 * @param plugins    every plugin file found, in search-path order, then by name
 */
public record Inventory(List<ScannedDir> searchPath, List<ListedPlugin> plugins) {

    public Inventory {
        searchPath = List.copyOf(searchPath);
        plugins = List.copyOf(plugins);
    }

    /**
     * One search-path directory.
     *
     * @param dir         the directory
     * @param status      what the scan found there
     */
    public record ScannedDir(PluginDir dir, Status status) {
    }

    /** What a scan found at a search-path directory. */
    public enum Status {
        /** Scanned. */
        SCANNED,
        /** Does not exist, is not a directory, or cannot be read: skipped. */
        MISSING,
        /** The same directory as an earlier entry (e.g. {@code /bin} and {@code /usr/bin}): skipped. */
        DUPLICATE
    }

    /** The plugins that run when their command is typed. */
    public List<ListedPlugin> runnable() {
        return plugins.stream().filter(ListedPlugin::runnable).toList();
    }

    /** Scans every directory of {@code searchPath} for files named {@code <filePrefix>...}. */
    public static Inventory scan(String filePrefix, Set<String> builtins, SearchPath searchPath) {
        List<ScannedDir> dirs = new ArrayList<>();
        List<ListedPlugin> plugins = new ArrayList<>();
        Set<Path> seenDirs = new HashSet<>();
        Map<String, Path> winners = new HashMap<>();
        for (PluginDir dir : searchPath.dirs()) {
            Optional<Path> real = realDirectory(dir.directory());
            if (real.isEmpty()) {
                dirs.add(new ScannedDir(dir, Status.MISSING));
                continue;
            }
            if (!seenDirs.add(real.get())) {
                dirs.add(new ScannedDir(dir, Status.DUPLICATE));
                continue;
            }
            List<PluginFile> files;
            try {
                files = pluginFiles(filePrefix, dir);
            } catch (IOException e) {
                dirs.add(new ScannedDir(dir, Status.MISSING));
                continue;
            }
            dirs.add(new ScannedDir(dir, Status.SCANNED));
            for (PluginFile file : files) {
                plugins.add(new ListedPlugin(file, problems(file, builtins, winners)));
            }
        }
        return new Inventory(dirs, plugins);
    }

    private static List<PluginProblem> problems(PluginFile file, Set<String> builtins, Map<String, Path> winners) {
        List<PluginProblem> problems = new ArrayList<>();
        String first = file.command().words().get(0);
        boolean collides = builtins.contains(first);
        if (collides) {
            problems.add(new PluginProblem.CollidesWithBuiltin(first));
        }
        boolean executable = file.form() == PluginFile.Form.MANIFEST || Files.isExecutable(file.path());
        if (!executable) {
            problems.add(new PluginProblem.NotExecutable());
        }
        // Shadowing follows the resolver: it never looks up a built-in's name and skips
        // files it may not execute.
        Path winner = winners.get(file.name());
        if (winner != null) {
            problems.add(new PluginProblem.Shadowed(winner));
        } else if (executable && !collides) {
            winners.put(file.name(), file.path());
        }
        return problems;
    }

    private static Optional<Path> realDirectory(Path dir) {
        try {
            Path real = dir.toRealPath();
            return Files.isDirectory(real) ? Optional.of(real) : Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static List<PluginFile> pluginFiles(String filePrefix, PluginDir dir) throws IOException {
        List<PluginFile> files = new ArrayList<>();
        // Names only: a PATH directory holds thousands of entries and few plugins, so a Path is
        // made only for the names that could be one.
        String[] names = dir.directory().toFile().list();
        if (names == null) {
            throw new IOException("cannot list " + dir.directory());
        }
        for (String fileName : names) {
            if (fileName.startsWith(filePrefix)) {
                Path entry = dir.directory().resolve(fileName);
                if (PluginResolver.isRegularFile(entry)) {
                    CommandPath.fromFileName(filePrefix, fileName).ifPresent(command ->
                            files.add(new PluginFile(command, entry, dir, PluginFile.Form.EXECUTABLE)));
                    continue;
                }
            }
            if (dir.origin() != Origin.PATH) {
                Path manifest = PluginResolver.manifestIn(dir, fileName, filePrefix);
                if (manifest != null) {
                    CommandPath.fromFileName("", fileName).ifPresent(command ->
                            files.add(new PluginFile(command, manifest, dir, PluginFile.Form.MANIFEST)));
                }
            }
        }
        // The resolver's order within one directory: by name, an executable before a directory.
        files.sort(Comparator.comparing(PluginFile::name).thenComparing(PluginFile::form));
        return files;
    }
}
