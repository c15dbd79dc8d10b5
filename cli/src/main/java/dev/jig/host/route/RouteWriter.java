package dev.jig.host.route;

import dev.jig.host.HostSettings;
import dev.jig.host.Launch;
import dev.jig.host.discovery.Origin;
import dev.jig.host.discovery.PluginDir;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.discovery.SearchPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes the route of a plugin run for the launcher script: {@code <cache>/routes/<first word>}.
 *
 * <p>A route holds everything the decision depended on: the environment variables that shape
 * the search path, the identity ({@link FileStamp}) of every search-path directory (a new file in
 * one could shadow the plugin), of the plugin, of the plugins it requires, and of the launcher
 * and jar; the directories that must stay absent; then the environment to set and the command to
 * execute. The launcher uses a route only when all of it still holds, and otherwise starts the
 * JVM, which writes the route again.
 *
 * <p>Nothing is written when the decision depends on more than a route can check: an explicit
 * {@code --plugin-path}, relative search-path entries or a {@code ./plugins} directory (both
 * depend on the working directory), a plugin that a longer command could shadow, a directory
 * plugin, or a value with a line break. Anything that makes the host act around a plugin run
 * (a hook, a policy) must also keep the route from being written.
 */
public final class RouteWriter {

    static final String MAGIC = "jig-route 1";

    private final HostSettings settings;
    private final Path directory;
    private final Path launcher;
    private final List<Path> launcherFiles;

    /**
     * @param directory     where routes live
     * @param launcher      the launcher script that reads them; a route names it, so another
     *                      installation's launcher never takes it
     * @param launcherFiles files whose change invalidates every route: the launcher and its jar
     */
    public RouteWriter(HostSettings settings, Path directory, Path launcher, List<Path> launcherFiles) {
        this.settings = settings;
        this.directory = directory;
        this.launcher = launcher;
        this.launcherFiles = List.copyOf(launcherFiles);
    }

    /** Writes the route of {@code launch}, or removes a stale one when it cannot have a route. */
    public void record(Launch launch, SearchPath searchPath) {
        String word = launch.dispatch().plugin().command().words().get(0);
        try {
            String route = route(launch, searchPath);
            if (route == null) {
                forget(word);
            } else {
                write(word, route);
            }
        } catch (IOException | RuntimeException e) {
            forget(word); // a route is an optimisation: when in doubt, the JVM decides
        }
    }

    /** Removes the route for {@code word}, if any. */
    private void forget(String word) {
        try {
            Files.deleteIfExists(directory.resolve(word));
        } catch (IOException | RuntimeException e) {
            // a stale route fails its own checks: harmless
        }
    }

    /** The route text, or null when this run cannot have one. */
    private String route(Launch launch, SearchPath searchPath) throws IOException {
        PluginFile plugin = launch.dispatch().plugin();
        String prefix = settings.cli().envPrefix();
        if (settings.pluginPath().isPresent() || plugin.form() != PluginFile.Form.EXECUTABLE
                || relative(settings.env("PATH").orElse("")) || relative(settings.env(prefix + "PLUGIN_PATH").orElse(""))) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        lines.add(MAGIC);
        lines.add("launcher " + quote(launcher.toString()));
        for (String name : List.of("PATH", prefix + "PLUGIN_PATH", "XDG_CONFIG_HOME", "HOME", "XDG_DATA_DIRS", "XDG_CACHE_HOME")) {
            lines.add("env " + name + " " + quote(settings.environment().getOrDefault(name, "")));
        }
        plugin.command().words().forEach(word -> lines.add("word " + word));

        Set<Path> stamped = new LinkedHashSet<>();
        for (PluginDir dir : searchPath.dirs()) {
            boolean exists = Files.exists(dir.directory());
            if (dir.origin() == Origin.LOCAL) {
                if (exists) {
                    return null;
                }
                // Relative to wherever the launcher runs next, not to this run's directory.
                lines.add("absent-here " + quote(settings.workingDirectory().relativize(dir.directory()).toString()));
            } else if (!exists) {
                lines.add("absent " + quote(dir.directory().toString()));
            } else if (longerCommandIn(dir, plugin)) {
                return null;
            } else {
                stamped.add(dir.directory());
            }
        }
        stamped.add(plugin.path());
        stamped.addAll(launch.dependencies());
        stamped.addAll(launcherFiles);
        StringBuilder expect = new StringBuilder();
        for (Path path : stamped) {
            lines.add("stat " + quote(path.toString()));
            expect.append(FileStamp.of(path));
        }
        lines.add("expect " + expect);

        Map<String, String> base = settings.environment();
        launch.environment().forEach((name, value) -> {
            if (!Objects.equals(base.get(name), value)) {
                lines.add("set " + name + " " + quote(value));
            }
        });
        base.keySet().stream().filter(name -> !launch.environment().containsKey(name))
                .forEach(name -> lines.add("unset " + name));
        launch.command().forEach(arg -> lines.add("run " + quote(arg)));
        lines.add("end");

        String text = String.join("\n", lines) + "\n";
        return text.chars().filter(c -> c == '\n').count() == lines.size() ? text : null; // no line breaks in values
    }

    /** Whether {@code dir} holds a plugin for a longer command that starts with this one's words. */
    private boolean longerCommandIn(PluginDir dir, PluginFile plugin) throws IOException {
        String file = plugin.command().fileName(settings.cli().filePrefix()) + "-";
        String directory = plugin.name() + "-";
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir.directory(), entry -> {
            String name = entry.getFileName().toString();
            return name.startsWith(file) || (dir.origin() != Origin.PATH && name.startsWith(directory));
        })) {
            return entries.iterator().hasNext();
        }
    }

    private static boolean relative(String list) {
        return SearchPath.splitList(list).stream().anyMatch(entry -> !Path.of(entry).isAbsolute());
    }

    /** Single-quoted for {@code sh}: the launcher evaluates it. */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private void write(String word, String route) throws IOException {
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, ".tmp-", ".route");
        try {
            Files.writeString(temp, route, StandardCharsets.UTF_8);
            try {
                Files.move(temp, directory.resolve(word), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, directory.resolve(word), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
