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
 */
public record HostContext(Optional<String> cliName, Optional<String> cliVersion,
                          Optional<String> pluginName, Optional<Path> pluginFile,
                          List<String> command, Optional<Path> launcher) {

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
    }

    /**
     * A context with nothing in it: a plugin started without a host.
     *
     * @return an empty context, never null
     */
    public static HostContext none() {
        return new HostContext(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty());
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
                value(env, prefix + "BIN").map(Path::of));
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
