package dev.jig.host.exec;

import dev.jig.host.CliIdentity;
import dev.jig.host.HostSettings;
import dev.jig.host.discovery.PluginFile;
import java.io.File;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The environment a plugin runs with, in run mode and protocol mode alike: the host's own (or the
 * part of it the user lets plugins inherit) plus the {@code <PREFIX>*} context variables.
 */
public final class PluginEnvironment {

    private PluginEnvironment() {
    }

    /**
     * What the host changes in its own environment for a plugin, whatever that environment holds.
     *
     * @param set   variables set, with their values
     * @param unset variables removed
     */
    public record Changes(Map<String, String> set, List<String> unset) {
        public Changes {
            set = Map.copyOf(set);
            unset = List.copyOf(unset);
        }
    }

    /** The complete environment for {@code plugin}. */
    public static Map<String, String> of(HostSettings settings, PluginFile plugin) {
        return of(settings, plugin, name -> true);
    }

    /**
     * The complete environment for {@code plugin}, of which the host's own variables only those
     * {@code inherited} accepts.
     */
    public static Map<String, String> of(HostSettings settings, PluginFile plugin, Predicate<String> inherited) {
        Changes changes = changes(settings, plugin);
        Map<String, String> env = new HashMap<>(settings.environment());
        env.keySet().removeIf(inherited.negate());
        changes.unset().forEach(env::remove);
        env.putAll(changes.set());
        return env;
    }

    /** The context variables for {@code plugin}. */
    public static Changes changes(HostSettings settings, PluginFile plugin) {
        CliIdentity cli = settings.cli();
        String prefix = cli.envPrefix();
        Map<String, String> set = new LinkedHashMap<>();
        cli.launcher().ifPresent(launcher -> set.put(prefix + "BIN", launcher.toString()));
        set.put(prefix + "CLI_NAME", cli.name());
        set.put(prefix + "CLI_VERSION", cli.version());
        set.put(prefix + "PLUGIN_NAME", plugin.name());
        set.put(prefix + "PLUGIN_FILE", plugin.path().toString());
        set.put(prefix + "COMMAND", plugin.command().toString());
        if (plugin.form() == PluginFile.Form.MANIFEST) {
            set.put(prefix + "PLUGIN_DIR", plugin.home().toString());
        }
        // A plugin that calls the CLI back must see the same plugins as this run did.
        settings.pluginPath().ifPresent(dirs -> set.put(prefix + "PLUGIN_PATH",
                dirs.stream().map(dir -> settings.workingDirectory().resolve(dir).toString())
                        .collect(Collectors.joining(File.pathSeparator))));
        // A directory plugin's, when it called the CLI back; the launcher's own marker; and the
        // caller's configuration file, which is the caller's alone (a run sets its own).
        List<String> unset = plugin.form() == PluginFile.Form.MANIFEST
                ? List.of(prefix + "LAUNCHER_LC_ALL", prefix + "CONFIG")
                : List.of(prefix + "PLUGIN_DIR", prefix + "LAUNCHER_LC_ALL", prefix + "CONFIG");
        return new Changes(set, unset);
    }
}
