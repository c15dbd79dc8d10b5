package dev.jig.cli;

import dev.jig.cli.command.Builtins;
import dev.jig.cli.command.PluginDispatch;
import dev.jig.host.ExitStatus;
import dev.jig.host.HostSettings;
import dev.jig.host.PluginHost;
import dev.jig.host.discovery.Dispatch;
import dev.jig.host.hook.HookCommand;
import dev.jig.host.hook.HookConfig;
import dev.jig.host.hook.Hooks;
import dev.jig.host.hook.Subscriber;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.protocol.codec.Json;
import java.time.Duration;
import dev.jig.host.route.RouteWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Routes one command line: global options, then a built-in or a plugin.
 *
 * <p>The decision "built-in or plugin?" is made before any command-line model is built, so
 * running a plugin costs a few file lookups and a process start, no more.
 */
final class Cli {

    /** The built-in commands; {@link Builtins} implements exactly these. */
    static final Set<String> BUILTINS = Set.of("help", "version", "plugins");

    // TEMPORARY until layered configuration lands.
    private static final HookConfig HOOK_CONFIG = new HookConfig() {
        public Duration timeout() { return Duration.ofMillis(Long.parseLong(System.getenv().getOrDefault("JIG_CONFIG_CORE__HOOK_TIMEOUT_MS", "5000"))); }
        public boolean required(Subscriber plugin) { return "true".equals(System.getenv("JIG_CONFIG_PLUGINS__" + plugin.name().toUpperCase() + "__REQUIRED")); }
        public JsonNode view(Subscriber plugin) { return Json.mapper().createObjectNode(); }
        public Optional<String> accept(Subscriber plugin, JsonNode patch) { return Optional.empty(); }
    };

    private final HostSettings settings;
    private final PrintStream out;
    private final PrintStream err;
    private final Optional<Path> jar;

    /**
     * @param jar the jar this CLI runs from, when the launcher script started it: then plugin
     *            runs are written down as routes the launcher can take without a JVM
     */
    Cli(HostSettings settings, PrintStream out, PrintStream err, Optional<Path> jar) {
        this.settings = settings;
        this.out = out;
        this.err = err;
        this.jar = jar;
    }

    int run(String... args) {
        String name = settings.cli().name();
        GlobalOptions options;
        try {
            options = GlobalOptions.parse(Arrays.asList(args));
        } catch (UsageException e) {
            err.println(name + ": " + e.getMessage() + ". See '" + name + " help'.");
            return ExitStatus.USAGE;
        }
        Instant decided = Instant.now();
        PluginHost host = new PluginHost(options.pluginPath().map(settings::withPluginPath).orElse(settings));
        PrintWriter stderr = new PrintWriter(err, true);
        Hooks hooks = Hooks.none();
        try {
            hooks = host.hooks(HOOK_CONFIG, stderr::println);
            return dispatch(host, options, hooks, decided, stderr);
        } catch (InterruptedException e) {
            return ExitStatus.INTERRUPTED;
        } finally {
            hooks.close();
            stderr.flush();
        }
    }

    private int dispatch(PluginHost host, GlobalOptions options, Hooks hooks, Instant decided, PrintWriter stderr)
            throws InterruptedException {
        if (options.version()) {
            return builtin(host, hooks, "version", List.of());
        }
        if (options.help() || options.command().isEmpty()) {
            host.prefetchCatalog();
            return builtin(host, hooks, "help", List.of());
        }
        Dispatch dispatch = host.resolve(options.command());
        if (dispatch instanceof Dispatch.Builtin builtin) {
            if (listsPlugins(builtin)) {
                host.prefetchCatalog(); // scanned while the built-ins' model is built
            }
            return builtin(host, hooks, builtin.name(), builtin.args());
        }
        // A route skips the JVM and with it the hooks: only when no plugin subscribed to any.
        Optional<RouteWriter> routes = hooks.subscribers().isEmpty() ? routes(host) : Optional.empty();
        return PluginDispatch.run(host, dispatch, options.command(), stderr, hooks,
                launch -> routes.ifPresent(writer -> writer.record(launch, host.searchPath(), decided)));
    }

    /** {@code help} and {@code plugins list} show the catalog as {@link PluginHost#prefetchCatalog()} builds it. */
    private static boolean listsPlugins(Dispatch.Builtin builtin) {
        return (builtin.name().equals("help") && builtin.args().isEmpty())
                || (builtin.name().equals("plugins") && builtin.args().equals(List.of("list")));
    }

    /** Routes are for the launcher script, so only when it started this CLI and there is a cache. */
    private Optional<RouteWriter> routes(PluginHost host) {
        Optional<Path> launcher = settings.cli().launcher();
        Optional<Path> cache = host.settings().cacheDirectory();
        if (launcher.isEmpty() || jar.isEmpty() || cache.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RouteWriter(host.settings(), cache.get().resolve("routes"), launcher.get(),
                List.of(launcher.get(), jar.get())));
    }

    private int builtin(PluginHost host, Hooks hooks, String name, List<String> args) throws InterruptedException {
        PrintWriter stdout = new PrintWriter(out, true);
        PrintWriter stderr = new PrintWriter(err, true);
        int status = hooks.run(new HookCommand(List.of(name), args, Optional.empty()),
                env -> Builtins.execute(host, stdout, stderr, name, args));
        stdout.flush();
        stderr.flush();
        return status;
    }
}
