package dev.jig.sdk;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the host tells a plugin in its environment, in both modes. The variables are named
 * with a prefix: {@code JIG_} for jig, or the upper-cased name of a CLI that embeds the host
 * ({@code ACME_} for {@code acme}). Each value is empty when the variable is unset or blank,
 * as when the plugin is started by hand rather than by a host.
 *
 * @param cliName    {@code <PREFIX>CLI_NAME}: the CLI's name, e.g. {@code jig}
 * @param cliVersion {@code <PREFIX>CLI_VERSION}: the CLI's version
 * @param pluginName {@code <PREFIX>PLUGIN_NAME}: the plugin's name, its file name without the prefix
 * @param pluginFile {@code <PREFIX>PLUGIN_FILE}: the plugin's own file
 * @param command    {@code <PREFIX>COMMAND}, split on spaces: the words that selected the
 *                   plugin, e.g. {@code [foo-bar, baz]}; empty when unset
 * @param launcher   {@code <PREFIX>BIN}: the CLI's launcher, to call the CLI back
 * @param configFile {@code <PREFIX>CONFIG}: run mode only, a JSON file holding the plugin's
 *                   configuration; see {@link #config()}
 */
public record HostContext(Optional<String> cliName, Optional<String> cliVersion,
                          Optional<String> pluginName, Optional<Path> pluginFile,
                          List<String> command, Optional<Path> launcher, Optional<Path> configFile) {

    /** The prefix of jig's own variables. */
    public static final String DEFAULT_PREFIX = "JIG_";

    /** Checks that nothing is null and copies {@code command}. */
    public HostContext {
        Objects.requireNonNull(cliName, "cliName");
        Objects.requireNonNull(cliVersion, "cliVersion");
        Objects.requireNonNull(pluginName, "pluginName");
        Objects.requireNonNull(pluginFile, "pluginFile");
        command = List.copyOf(command);
        Objects.requireNonNull(launcher, "launcher");
        Objects.requireNonNull(configFile, "configFile");
    }

    /**
     * A context without a configuration file.
     *
     * @param cliName    the CLI's name
     * @param cliVersion the CLI's version
     * @param pluginName the plugin's name
     * @param pluginFile the plugin's own file
     * @param command    the words that selected the plugin
     * @param launcher   the CLI's launcher
     */
    public HostContext(Optional<String> cliName, Optional<String> cliVersion,
                       Optional<String> pluginName, Optional<Path> pluginFile,
                       List<String> command, Optional<Path> launcher) {
        this(cliName, cliVersion, pluginName, pluginFile, command, launcher, Optional.empty());
    }

    /**
     * A context with nothing in it: a plugin started without a host.
     *
     * @return an empty context, never null
     */
    public static HostContext none() {
        return new HostContext(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty());
    }

    /**
     * Reads the context from environment variables.
     *
     * @param env    the environment, e.g. {@code System.getenv()}
     * @param prefix the prefix of the variables' names, e.g. {@link #DEFAULT_PREFIX}
     * @return the context, never null
     */
    public static HostContext fromEnvironment(Map<String, String> env, String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        Optional<String> command = value(env, prefix + "COMMAND");
        return new HostContext(
                value(env, prefix + "CLI_NAME"),
                value(env, prefix + "CLI_VERSION"),
                value(env, prefix + "PLUGIN_NAME"),
                value(env, prefix + "PLUGIN_FILE").map(Path::of),
                command.map(words -> Arrays.stream(words.trim().split(" +")).toList()).orElse(List.of()),
                value(env, prefix + "BIN").map(Path::of),
                value(env, prefix + "CONFIG").map(Path::of));
    }

    /**
     * The same context with another configuration file: for tests of run mode.
     *
     * @param file the file, as the host would name it in {@code <PREFIX>CONFIG}, not null
     * @return a new context, never null
     */
    public HostContext withConfigFile(Path file) {
        return new HostContext(cliName, cliVersion, pluginName, pluginFile, command, launcher,
                Optional.of(Objects.requireNonNull(file, "file")));
    }

    /**
     * The plugin's configuration in run mode, read from {@link #configFile()} on every call (the
     * host removes the file after the run, so read it while running). Without a file, as when
     * the plugin is started by hand, the configuration is empty. Its namespace is
     * {@link #pluginName()}'s, or the one namespace the host sent.
     *
     * @return the configuration, never null
     * @throws ConfigException naming the file, when the file is missing, unreadable or not a
     *                         JSON object
     */
    public PluginConfig config() {
        return configFile.map(file -> PluginConfig.read(file, pluginName.orElse(null))).orElse(PluginConfig.empty());
    }

    /**
     * Whether a host started this process: true when the CLI's name is known.
     *
     * @return true under a host
     */
    public boolean underHost() {
        return cliName.isPresent();
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }
}
