package dev.jig.cli;

import dev.jig.cli.command.Builtins;
import dev.jig.cli.command.PluginDispatch;
import dev.jig.host.ExitStatus;
import dev.jig.host.HostSettings;
import dev.jig.host.PluginHost;
import dev.jig.host.audit.AuditLog;
import dev.jig.host.config.ConfigException;
import dev.jig.host.config.Configuration;
import dev.jig.host.config.PluginConfigs;
import dev.jig.host.discovery.Dispatch;
import dev.jig.host.hook.HookCommand;
import dev.jig.host.hook.Hooks;
import dev.jig.host.route.RouteWriter;
import dev.jig.host.trace.ShellWords;
import dev.jig.host.trace.TraceLog;
import dev.jig.host.trace.Tracer;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Routes one command line: global options, then a built-in or a plugin.
 *
 * <p>The decision "built-in or plugin?" is made before any command-line model is built, so
 * running a plugin costs a few file lookups and a process start, no more.
 */
final class Cli {

    /** The built-in commands; {@link Builtins} implements exactly these. */
    static final Set<String> BUILTINS = Set.of("help", "version", "plugins", "config", "completion");

    private final HostSettings settings;
    private final PrintStream out;
    private final PrintStream err;
    private final Optional<Path> jar;
    private final Supplier<Duration> sinceStart;

    /**
     * @param jar the jar this CLI runs from, when the launcher script started it: then plugin
     *            runs are written down as routes the launcher can take without a JVM
     * @param sinceStart how long the invocation has run; asked once, only when tracing
     */
    Cli(HostSettings settings, PrintStream out, PrintStream err, Optional<Path> jar, Supplier<Duration> sinceStart) {
        this.settings = settings;
        this.out = out;
        this.err = err;
        this.jar = jar;
        this.sinceStart = sinceStart;
    }

    int run(String... args) {
        String name = settings.cli().name();
        if (args.length > 0 && args[0].equals(CompleteRequest.COMMAND)) {
            return CompleteRequest.run(settings, out, Arrays.asList(args).subList(1, args.length));
        }
        GlobalOptions options;
        try {
            options = GlobalOptions.parse(Arrays.asList(args));
        } catch (UsageException e) {
            err.println(name + ": " + e.getMessage() + ". See '" + name + " help'.");
            return ExitStatus.USAGE;
        }
        String traceVariable = settings.cli().envPrefix() + "TRACE";
        Tracer tracer = TraceLog.open(name, traceVariable, settings.env(traceVariable), options.trace(), err, sinceStart);
        tracer.step("start", () -> name + " " + settings.cli().version() + ", pid " + ProcessHandle.current().pid()
                + ": " + ShellWords.join(Arrays.asList(args)));
        int status = run(options, settings.withTracer(tracer));
        tracer.step("exit", () -> "status " + status);
        return status;
    }

    /** @param traced the settings of this invocation, with its tracer */
    private int run(GlobalOptions options, HostSettings traced) {
        String name = traced.cli().name();
        // Loaded once for every command, so a broken file is reported whatever the command. Only
        // 'config' goes on with a value of the wrong type: 'config unset' is how to remove it.
        Configuration config;
        try {
            config = Configuration.read(traced, options.config());
            boolean configCommand = !options.help() && !options.version()
                    && !options.command().isEmpty() && options.command().get(0).equals("config");
            if (!configCommand) {
                config.check();
            }
        } catch (ConfigException e) {
            err.println(name + ": " + e.getMessage());
            return e.exitStatus();
        }
        Instant decided = Instant.now();
        PrintWriter stderr = new PrintWriter(err, true);
        HostSettings hostSettings = options.pluginPath().map(traced::withPluginPath).orElse(traced);
        Optional<AuditLog> audit = config.auditEnabled()
                ? AuditLog.of(hostSettings, config.auditMaxBytes(), line -> stderr.println(name + ": " + line))
                : Optional.empty();
        PluginHost host = new PluginHost(hostSettings, config, audit);
        PluginConfigs configs = new PluginConfigs(config);
        Hooks hooks = Hooks.none();
        try {
            hooks = host.hooks(configs, stderr::println);
            return dispatch(new Invocation(host, config, configs, hooks, stderr), options, decided);
        } catch (InterruptedException e) {
            return ExitStatus.INTERRUPTED;
        } finally {
            hooks.close();
            stderr.flush();
        }
    }

    /** What one invocation works with, decided before its command runs. */
    private record Invocation(PluginHost host, Configuration config, PluginConfigs configs, Hooks hooks,
                              PrintWriter stderr) {
    }

    private int dispatch(Invocation invocation, GlobalOptions options, Instant decided) throws InterruptedException {
        PluginHost host = invocation.host();
        if (options.version()) {
            return builtin(invocation, "version", List.of());
        }
        if (options.help() || options.command().isEmpty()) {
            host.prefetchCatalog();
            return builtin(invocation, "help", List.of());
        }
        Dispatch dispatch = host.resolve(options.command());
        if (dispatch instanceof Dispatch.Builtin builtin) {
            if (listsPlugins(builtin)) {
                host.prefetchCatalog(); // scanned while the built-ins' model is built
            }
            return builtin(invocation, builtin.name(), builtin.args());
        }
        // A route skips the JVM and with it the hooks, configuration and audit log: only when
        // there are none. Inside a hook there are no hooks, which says nothing of the commands
        // run outside one.
        boolean insideHook = settings.env(settings.cli().envPrefix() + "HOOK").isPresent();
        Optional<RouteWriter> routes = invocation.hooks().subscribers().isEmpty() && invocation.config().isEmpty()
                && host.audit().isEmpty() && !insideHook ? routes(host) : Optional.empty();
        if (routes.isEmpty() && dispatch instanceof Dispatch.Plugin) {
            host.settings().tracer().step("route", "none written: hooks, configuration, the audit log, a hook session,"
                    + " or no launcher or cache");
        }
        return PluginDispatch.run(host, dispatch, options.command(), invocation.stderr(), invocation.hooks(),
                invocation.configs(), launch -> routes.ifPresent(writer -> writer.record(launch, host.searchPath(), decided)));
    }

    /** {@code help} and {@code plugins list} show the catalog as {@link PluginHost#prefetchCatalog()} builds it. */
    private static boolean listsPlugins(Dispatch.Builtin builtin) {
        return (builtin.name().equals("help") && builtin.args().isEmpty())
                || (builtin.name().equals("plugins") && builtin.args().equals(List.of("list")));
    }

    /**
     * Routes are for the launcher script, so only when it started this CLI, there is a cache, and
     * the user did not turn them off.
     */
    private Optional<RouteWriter> routes(PluginHost host) {
        Optional<Path> launcher = settings.cli().launcher();
        Optional<Path> cache = host.settings().cacheDirectory();
        if (launcher.isEmpty() || jar.isEmpty() || cache.isEmpty()
                || settings.env(settings.cli().envPrefix() + "NO_ROUTES").isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new RouteWriter(host.settings(), cache.get().resolve("routes"), launcher.get(),
                List.of(launcher.get(), jar.get()), host.trust()));
    }

    private int builtin(Invocation invocation, String name, List<String> args) throws InterruptedException {
        PrintWriter stdout = new PrintWriter(out, true);
        PrintWriter stderr = new PrintWriter(err, true);
        int status = invocation.hooks().run(new HookCommand(List.of(name), args, Optional.empty()),
                env -> Builtins.execute(invocation.host(), invocation.config(), stdout, stderr, name, args));
        stdout.flush();
        stderr.flush();
        return status;
    }
}
