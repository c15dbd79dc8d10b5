package dev.jig.host.discovery;

import dev.jig.host.HostSettings;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordered plugin directories; the first directory holding a plugin file wins.
 *
 * <p>Order: explicit ({@code --plugin-path}, else {@code <PREFIX>PLUGIN_PATH}), user, local,
 * system, then {@code PATH}. Directories are listed whether or not they exist; lookups skip the
 * missing ones. Empty list entries are dropped: unlike a shell, an empty {@code PATH} entry does
 * not mean the working directory.
 *
 * @param dirs the directories, highest priority first
 */
public record SearchPath(List<PluginDir> dirs) {

    private static final String DEFAULT_DATA_DIRS = "/usr/local/share:/usr/share";

    public SearchPath {
        dirs = List.copyOf(dirs);
    }

    /** The search path that {@code settings} describe. */
    public static SearchPath of(HostSettings settings) {
        String cli = settings.cli().name();
        Path cwd = settings.workingDirectory();
        List<PluginDir> dirs = new ArrayList<>();

        List<String> explicit = settings.pluginPath()
                .map(paths -> paths.stream().map(Path::toString).toList())
                .orElseGet(() -> splitList(settings.env(settings.cli().envPrefix() + "PLUGIN_PATH").orElse("")));
        explicit.forEach(dir -> dirs.add(new PluginDir(cwd.resolve(dir), Origin.EXPLICIT)));

        // XDG: a relative XDG_CONFIG_HOME is invalid and must be ignored.
        settings.env("XDG_CONFIG_HOME").map(Path::of).filter(Path::isAbsolute)
                .or(() -> settings.env("HOME").map(home -> Path.of(home, ".config")).filter(Path::isAbsolute))
                .ifPresent(config -> dirs.add(new PluginDir(config.resolve(cli).resolve("plugins"), Origin.USER)));

        dirs.add(new PluginDir(cwd.resolve("plugins"), Origin.LOCAL));

        for (String data : splitList(settings.env("XDG_DATA_DIRS").orElse(DEFAULT_DATA_DIRS))) {
            Path base = Path.of(data);
            if (base.isAbsolute()) {
                dirs.add(new PluginDir(base.resolve(cli).resolve("plugins"), Origin.SYSTEM));
            }
        }

        splitList(settings.env("PATH").orElse("")).forEach(dir -> dirs.add(new PluginDir(cwd.resolve(dir), Origin.PATH)));
        return new SearchPath(dirs);
    }

    /** The non-empty entries of a colon-separated list such as {@code PATH}. */
    public static List<String> splitList(String list) {
        List<String> parts = new ArrayList<>();
        for (String part : list.split(File.pathSeparator, -1)) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }
}
