package dev.jig.host.exec;

import dev.jig.host.CliIdentity;
import dev.jig.host.HostSettings;
import dev.jig.host.discovery.PluginFile;
import java.io.File;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The environment a plugin runs with, in run mode and protocol mode alike: the host's own plus
 * the {@code <PREFIX>*} context variables.
 */
public final class PluginEnvironment {

    private PluginEnvironment() {
    }

    /** The complete environment for {@code plugin}. */
    public static Map<String, String> of(HostSettings settings, PluginFile plugin) {
        CliIdentity cli = settings.cli();
        String prefix = cli.envPrefix();
        Map<String, String> env = new HashMap<>(settings.environment());
        cli.launcher().ifPresent(launcher -> env.put(prefix + "BIN", launcher.toString()));
        env.put(prefix + "CLI_NAME", cli.name());
        env.put(prefix + "CLI_VERSION", cli.version());
        env.put(prefix + "PLUGIN_NAME", plugin.name());
        env.put(prefix + "PLUGIN_FILE", plugin.path().toString());
        env.put(prefix + "COMMAND", plugin.command().toString());
        if (plugin.form() == PluginFile.Form.MANIFEST) {
            env.put(prefix + "PLUGIN_DIR", plugin.home().toString());
        } else {
            env.remove(prefix + "PLUGIN_DIR"); // a directory plugin's, when it called the CLI back
        }
        // A plugin that calls the CLI back must see the same plugins as this run did.
        settings.pluginPath().ifPresent(dirs -> env.put(prefix + "PLUGIN_PATH",
                dirs.stream().map(dir -> settings.workingDirectory().resolve(dir).toString())
                        .collect(Collectors.joining(File.pathSeparator))));
        return env;
    }
}
