package dev.jig.host;

import dev.jig.host.trace.Tracer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the host reads from the world, passed in rather than looked up, so that an embedding
 * CLI (or a test) decides what the host sees.
 *
 * @param cli          the hosting CLI
 * @param builtins     names of the CLI's own top-level commands; a plugin never replaces them
 * @param environment  the environment the host reads ({@code PATH}, {@code XDG_*}, {@code HOME},
 *                     {@code <PREFIX>PLUGIN_PATH}) and hands on to plugins
 * @param workingDirectory the directory plugins run in and {@code ./plugins} is relative to
 * @param pluginPath   directories given on the command line ({@code --plugin-path}); when
 *                     present they replace {@code <PREFIX>PLUGIN_PATH}
 * @param tracer       receives each step of the invocation; {@link Tracer#OFF} unless the user
 *                     asked for a trace
 */
public record HostSettings(
        CliIdentity cli,
        Set<String> builtins,
        Map<String, String> environment,
        Path workingDirectory,
        Optional<List<Path>> pluginPath,
        Tracer tracer) {

    public HostSettings {
        Objects.requireNonNull(cli, "cli");
        Objects.requireNonNull(tracer, "tracer");
        builtins = Set.copyOf(builtins);
        environment = Map.copyOf(environment);
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        pluginPath = pluginPath.map(List::copyOf);
    }

    /** Settings that trace nothing. */
    public HostSettings(CliIdentity cli, Set<String> builtins, Map<String, String> environment, Path workingDirectory,
                        Optional<List<Path>> pluginPath) {
        this(cli, builtins, environment, workingDirectory, pluginPath, Tracer.OFF);
    }

    /**
     * Settings for the running process: its environment and working directory, no
     * {@code --plugin-path}.
     */
    public static HostSettings ofCurrentProcess(CliIdentity cli, Set<String> builtins) {
        return new HostSettings(cli, builtins, System.getenv(), Path.of(""), Optional.empty());
    }

    /** A copy with {@code --plugin-path} directories, which take precedence over the environment. */
    public HostSettings withPluginPath(List<Path> dirs) {
        return new HostSettings(cli, builtins, environment, workingDirectory, Optional.of(dirs), tracer);
    }

    /** A copy that reads and hands on {@code environment} instead. */
    public HostSettings withEnvironment(Map<String, String> environment) {
        return new HostSettings(cli, builtins, environment, workingDirectory, pluginPath, tracer);
    }

    /** A copy that reports each step of the invocation to {@code tracer}. */
    public HostSettings withTracer(Tracer tracer) {
        return new HostSettings(cli, builtins, environment, workingDirectory, pluginPath, tracer);
    }

    /**
     * Where the host keeps what it learns: {@code ${XDG_CACHE_HOME:-~/.cache}/<cli>}; empty
     * without a usable home. A relative {@code XDG_CACHE_HOME} is ignored, as XDG asks.
     */
    public Optional<Path> cacheDirectory() {
        return env("XDG_CACHE_HOME").map(Path::of).filter(Path::isAbsolute)
                .or(() -> env("HOME").map(Path::of).filter(Path::isAbsolute).map(home -> home.resolve(".cache")))
                .map(base -> base.resolve(cli.name()));
    }

    /**
     * Where the host keeps records that outlive the cache, such as the audit log:
     * {@code ${XDG_STATE_HOME:-~/.local/state}/<cli>}; empty without a usable home. A relative
     * {@code XDG_STATE_HOME} is ignored, as XDG asks.
     */
    public Optional<Path> stateDirectory() {
        return env("XDG_STATE_HOME").map(Path::of).filter(Path::isAbsolute)
                .or(() -> env("HOME").map(Path::of).filter(Path::isAbsolute).map(home -> home.resolve(".local").resolve("state")))
                .map(base -> base.resolve(cli.name()));
    }

    /**
     * Where the user's own settings and decisions live: {@code ${XDG_CONFIG_HOME:-~/.config}/<cli>};
     * empty without a usable home. A relative {@code XDG_CONFIG_HOME} is ignored, as XDG asks.
     */
    public Optional<Path> configDirectory() {
        return env("XDG_CONFIG_HOME").map(Path::of).filter(Path::isAbsolute)
                .or(() -> env("HOME").map(Path::of).filter(Path::isAbsolute).map(home -> home.resolve(".config")))
                .map(base -> base.resolve(cli.name()));
    }

    /**
     * Where the host keeps the plugins it installs: {@code ${XDG_DATA_HOME:-~/.local/share}/<cli>};
     * empty without a usable home. A relative {@code XDG_DATA_HOME} is ignored, as XDG asks.
     */
    public Optional<Path> dataDirectory() {
        return env("XDG_DATA_HOME").map(Path::of).filter(Path::isAbsolute)
                .or(() -> env("HOME").map(Path::of).filter(Path::isAbsolute).map(home -> home.resolve(".local").resolve("share")))
                .map(base -> base.resolve(cli.name()));
    }

    /** The user plugin directory, {@code <config directory>/plugins}; empty without a usable home. */
    public Optional<Path> userPluginDirectory() {
        return configDirectory().map(config -> config.resolve("plugins"));
    }

    /** The value of an environment variable, treating an empty value as unset (as XDG does). */
    public Optional<String> env(String name) {
        String value = environment.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
