package dev.jig.host.route;

import dev.jig.host.files.AtomicFiles;
import dev.jig.host.HostSettings;
import dev.jig.host.Launch;
import dev.jig.host.config.ConfigLocations;
import dev.jig.host.discovery.Inventory;
import dev.jig.host.discovery.Origin;
import dev.jig.host.discovery.PluginDir;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.discovery.SearchPath;
import dev.jig.host.exec.PluginEnvironment;
import dev.jig.host.hook.QuietMark;
import dev.jig.host.trust.TrustPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the route of a plugin run for the launcher script: {@code <cache>/routes/<first word>}.
 *
 * <p>A route holds everything the decision depended on: the environment variables that shape
 * the search path, the identity ({@link FileStamp}) of every search-path directory (a new file in
 * one could shadow the plugin), of the plugin, of the plugins and programs it requires, and of
 * the launcher and jar, of every other plugin file and every subdirectory outside {@code PATH}
 * (either could come to subscribe to hooks); the directories that must stay absent; then the context variables to set
 * and unset and the command to execute. Values are written raw, one per line, so the launcher
 * never evaluates them. The launcher uses a route only when all of it still holds, and otherwise
 * starts the JVM, which decides again and writes the route again.
 *
 * <p>Nothing is written when the decision depends on more than a route can check: an explicit
 * {@code --plugin-path}, relative search-path entries or a {@code ./plugins} directory (both
 * depend on the working directory), a plugin that a longer command could shadow, an entry of the
 * same name earlier on the search path that is not a runnable plugin now but could become one
 * without touching its directory (a file without execute permission, a dangling link, a
 * directory without a manifest), a directory plugin, a value with a line break, or a file that
 * changed since the decision began (or too recently for its timestamps to tell two changes
 * apart), or a plugin not trusted by its directory alone (see {@link TrustPolicy}). Anything that makes the host act around a plugin run (a hook, a policy) must also keep
 * the route from being written.
 */
public final class RouteWriter {

    static final String MAGIC = "jig-route 1";

    /** Changes closer than this to the decision may share a timestamp with a later change. */
    private static final Duration SETTLE = Duration.ofSeconds(1);

    private final HostSettings settings;
    private final Path directory;
    private final Path launcher;
    private final List<Path> launcherFiles;
    private final TrustPolicy trust;

    /**
     * @param settings      the host's settings, whose environment shaped the decision
     * @param directory     where routes live
     * @param launcher      the launcher script that reads them; a route names it, so another
     *                      installation's launcher never takes it
     * @param launcherFiles files whose change invalidates every route: the launcher and its jar
     */
    public RouteWriter(HostSettings settings, Path directory, Path launcher, List<Path> launcherFiles) {
        this(settings, directory, launcher, launcherFiles, TrustPolicy.of(settings, List.of()));
    }

    /**
     * Like {@link #RouteWriter(HostSettings, Path, Path, List)}, writing routes only for plugins
     * whose directory {@code trust} trusts by default: a route is taken without the JVM, so it
     * could never notice that a plugin trusted by record changed, or that a directory was marked
     * untrusted.
     */
    public RouteWriter(HostSettings settings, Path directory, Path launcher, List<Path> launcherFiles, TrustPolicy trust) {
        this.settings = settings;
        this.directory = directory;
        this.launcher = launcher;
        this.launcherFiles = List.copyOf(launcherFiles);
        this.trust = trust;
    }

    /**
     * Writes the route of {@code launch}, or removes a stale one when it cannot have a route.
     *
     * @param decided when the decision began: anything changed since then voids the route
     */
    public void record(Launch launch, SearchPath searchPath, Instant decided) {
        String word = launch.dispatch().plugin().command().words().get(0);
        try {
            List<String> route = route(launch, searchPath, decided.minus(SETTLE));
            if (route == null) {
                settings.tracer().step("route", () -> "none written: the launcher could not check all this run depends on");
                forget(word);
            } else {
                AtomicFiles.replace(directory.resolve(word), (String.join("\n", route) + "\n").getBytes(StandardCharsets.UTF_8),
                        Optional.empty(), false);
                settings.tracer().step("route", () -> "written: " + directory.resolve(word));
            }
        } catch (IOException | RuntimeException e) {
            forget(word); // a route is an optimisation: when in doubt, the JVM decides
        }
    }

    private void forget(String word) {
        try {
            Files.deleteIfExists(directory.resolve(word));
        } catch (IOException | RuntimeException e) {
            // a stale route fails its own checks: harmless
        }
    }

    /** The route's lines, or null when this run cannot have one. */
    private List<String> route(Launch launch, SearchPath searchPath, Instant settled) throws IOException {
        PluginFile plugin = launch.dispatch().plugin();
        String prefix = settings.cli().envPrefix();
        if (!trust.trustedSource(plugin.dir()) || !trust.untrustedDirs().isEmpty()
                || settings.pluginPath().isPresent() || plugin.form() != PluginFile.Form.EXECUTABLE
                || relative(settings.env("PATH").orElse("")) || relative(settings.env(prefix + "PLUGIN_PATH").orElse(""))
                || relative(settings.env(prefix + "SYSTEM_CONFIG_DIR").orElse(""))) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        lines.add(MAGIC);
        lines.add("launcher " + launcher);
        for (String name : List.of("PATH", prefix + "PLUGIN_PATH", "XDG_CONFIG_HOME", "HOME", "XDG_DATA_DIRS", "XDG_CACHE_HOME",
                prefix + "SYSTEM_CONFIG_DIR")) {
            lines.add("env " + name + " " + settings.environment().getOrDefault(name, ""));
        }
        // No configuration anywhere: no file, no variable (and no -c, which is no command word).
        ConfigLocations config = ConfigLocations.of(settings);
        lines.add("absent " + config.system());
        config.user().ifPresent(user -> lines.add("absent " + user));
        lines.add("absent-up " + settings.workingDirectory().relativize(config.projectHome()));
        lines.add("noenv " + prefix + "CONFIG_");
        plugin.command().words().forEach(word -> lines.add("word " + word));

        Set<Path> stamped = new LinkedHashSet<>();
        boolean beforeWinner = true;
        for (PluginDir dir : searchPath.dirs()) {
            boolean exists = Files.exists(dir.directory());
            boolean winner = dir.equals(plugin.dir());
            if (dir.origin() == Origin.LOCAL) {
                if (exists) {
                    return null;
                }
                // Relative: wherever the launcher runs next, ./plugins must not exist there either.
                lines.add("absent " + settings.workingDirectory().relativize(dir.directory()));
            } else if (!exists) {
                lines.add("absent " + dir.directory());
            } else if (longerCommandIn(dir, plugin) || (beforeWinner && !winner && sameNameIn(dir, plugin))) {
                return null;
            } else {
                stamped.add(dir.directory());
            }
            beforeWinner &= !winner;
        }
        stamped.add(plugin.path());
        stamped.addAll(launch.dependencies());
        Optional<Path> handoff = keepConfig(launch, word(plugin));
        handoff.ifPresent(stamped::add);
        // A plugin edited in place could start subscribing to hooks, which a route would skip.
        // (Missing directories are covered by the absent lines above.)
        QuietMark.watched(Inventory.scan(settings.cli().filePrefix(), settings.builtins(), searchPath)).stream()
                .filter(Files::exists).forEach(stamped::add);
        stamped.addAll(launcherFiles);
        StringBuilder expect = new StringBuilder();
        for (Path path : stamped) {
            FileStamp stamp = FileStamp.of(path);
            // The configuration copy was written just now, by this host: its stamp is current.
            if (!stamp.changed().isBefore(settled) && !handoff.equals(Optional.of(path))) {
                return null; // changed while deciding, or too recently to be sure
            }
            lines.add("stat " + path);
            expect.append(stamp.text());
        }
        lines.add("expect " + expect);

        PluginEnvironment.Changes changes = PluginEnvironment.changes(settings, plugin);
        changes.set().forEach((name, value) -> lines.add("set " + name + " " + value));
        handoff.ifPresent(file -> lines.add("set " + prefix + "CONFIG " + file));
        changes.unset().forEach(name -> lines.add("unset " + name));
        launch.command().forEach(arg -> lines.add("run " + arg));
        lines.add("end");
        return lines.stream().anyMatch(line -> line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) ? null : lines;
    }

    private static String word(PluginFile plugin) {
        return plugin.command().words().get(0);
    }

    /**
     * A lasting copy of the run's configuration file, which the host removes when the run ends.
     * With no configuration anywhere it holds only the plugin's defaults, which come from the
     * stamped plugin; the copy is stamped too, so a plugin that edits it gets a fresh one.
     */
    private Optional<Path> keepConfig(Launch launch, String word) throws IOException {
        String given = launch.environment().get(settings.cli().envPrefix() + "CONFIG");
        if (given == null) {
            return Optional.empty();
        }
        Path kept = directory.resolveSibling("route-config").resolve(word + ".json");
        AtomicFiles.replace(kept, Files.readAllBytes(Path.of(given)), Optional.empty(), false); // private: 0600
        return Optional.of(kept);
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

    /** Whether {@code dir} has anything by the plugin's names: it could become the winner in place. */
    private boolean sameNameIn(PluginDir dir, PluginFile plugin) {
        Path file = dir.directory().resolve(plugin.command().fileName(settings.cli().filePrefix()));
        Path directory = dir.directory().resolve(plugin.name());
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                || (dir.origin() != Origin.PATH && Files.exists(directory, LinkOption.NOFOLLOW_LINKS));
    }

    private static boolean relative(String list) {
        return SearchPath.splitList(list).stream().anyMatch(entry -> !Path.of(entry).isAbsolute());
    }
}
