package dev.jig.host;

import dev.jig.host.audit.AuditLog;
import dev.jig.host.audit.AuditRecord;
import dev.jig.host.complete.DynamicCompletion;
import dev.jig.host.config.Configuration;
import dev.jig.host.config.TimeLimit;
import dev.jig.host.discovery.CommandPath;
import dev.jig.host.discovery.Dispatch;
import dev.jig.host.discovery.Inventory;
import dev.jig.host.discovery.Origin;
import dev.jig.host.discovery.PluginDir;
import dev.jig.host.discovery.ListedPlugin;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.discovery.PluginProblem;
import dev.jig.host.discovery.PluginResolver;
import dev.jig.host.discovery.SearchPath;
import dev.jig.host.exec.LaunchCommand;
import dev.jig.host.exec.PluginLaunchException;
import dev.jig.host.exec.PluginRunner;
import dev.jig.host.exec.ProcessTree;
import dev.jig.host.exec.Programs;
import dev.jig.host.hook.HookConfig;
import dev.jig.host.hook.Lifecycle;
import dev.jig.host.hook.LifecycleParams;
import dev.jig.protocol.method.HookEvents;
import dev.jig.host.hook.QuietMark;
import dev.jig.host.hook.Hooks;
import dev.jig.host.hook.PluginCompletion;
import dev.jig.host.hook.Subscriber;
import dev.jig.host.metadata.Catalog;
import dev.jig.host.metadata.CatalogEntry;
import dev.jig.host.metadata.Kind;
import dev.jig.host.metadata.MetadataService;
import dev.jig.host.metadata.PluginRecord;
import dev.jig.host.metadata.Surroundings;
import dev.jig.host.sandbox.SandboxUnavailableException;
import dev.jig.host.sandbox.Sandboxes;
import dev.jig.host.suggest.Suggestions;
import dev.jig.host.signature.Verification;
import dev.jig.host.trace.ShellWords;
import dev.jig.host.trust.TrustDecision;
import dev.jig.host.trust.TrustPolicy;
import dev.jig.protocol.metadata.ConfigSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The host's entry point for an embedding CLI: decide what a command line means, run plugins,
 * and describe what is installed.
 *
 * <pre>{@code
 * PluginHost host = new PluginHost(HostSettings.ofCurrentProcess(
 *         new CliIdentity("acme", "2.1.0", Optional.empty()), Set.of("help", "deploy")));
 * Dispatch dispatch = host.resolve(List.of(args));
 * if (dispatch instanceof Dispatch.Plugin plugin) {
 *     System.exit(host.run(plugin));
 * }
 * }</pre>
 */
public final class PluginHost {

    private final HostSettings settings;
    private final PluginResolver resolver;
    private final MetadataService metadata;
    private final Programs programs;
    private final Optional<AuditLog> audit;
    private final TrustPolicy trust;
    /** Each plugin's wall-clock limit for a run, by name; empty for none. */
    private final Function<String, Optional<TimeLimit>> runLimit;
    private final Sandboxes sandboxes;
    private volatile FutureTask<Catalog> prefetched;

    /**
     * A host that sees the world through {@code settings}, with every setting at its default;
     * builds no process and reads no file yet.
     */
    public PluginHost(HostSettings settings) {
        this(settings, Configuration.defaults(settings), Optional.empty());
    }

    /**
     * A host that sees the world through {@code settings}; builds no process and reads no file yet.
     *
     * @param config the user's settings: which directories are untrusted besides
     *               {@code ./plugins}, and how each plugin may execute (its sandbox, its grants,
     *               the environment it inherits, its time limits)
     * @param audit  where every plugin execution (run, probe, hook session) is written, when
     *               auditing is on
     */
    public PluginHost(HostSettings settings, Configuration config, Optional<AuditLog> audit) {
        this.settings = settings;
        this.audit = audit;
        SearchPath searchPath = SearchPath.of(settings);
        TraceText.searchPath(settings.tracer(), searchPath);
        this.resolver = new PluginResolver(settings.cli().filePrefix(), settings.builtins(), searchPath, settings.tracer());
        this.trust = TrustPolicy.of(settings, config.untrustedDirectories(), config.requireSignatures());
        audit.ifPresent(log -> log.trustDecidedBy(plugin -> trust.decide(plugin) instanceof TrustDecision.Trusted trusted
                ? trusted.reason().name().toLowerCase(Locale.ROOT) : "untrusted"));
        this.runLimit = config::runTimeout;
        this.programs = new Programs(settings);
        this.sandboxes = new Sandboxes(config.sandboxSettings(), settings, programs);
        audit.ifPresent(log -> log.sandboxDecidedBy(plugin -> sandboxes.of(plugin).profile().id()));
        this.metadata = new MetadataService(settings, trust, audit, sandboxes, config::callTimeout);
    }

    /** The audit log plugin executions are written to, when auditing is on. */
    public Optional<AuditLog> audit() {
        return audit;
    }

    /** Who may run: the trust policy this host enforces. */
    public TrustPolicy trust() {
        return trust;
    }

    /** How each plugin is confined: its sandbox and the environment it inherits. */
    public Sandboxes sandboxes() {
        return sandboxes;
    }

    /**
     * What keeps {@code plugin} from being executed because it is not trusted (or its signature,
     * when signatures are required, is not good), saying what to do; empty when it may run.
     */
    public Optional<PluginProblem> trustProblem(PluginFile plugin) {
        return trustProblem(plugin, trust.decide(plugin));
    }

    private Optional<PluginProblem> trustProblem(PluginFile plugin, TrustDecision decision) {
        String advice = "run '" + settings.cli().name() + " plugins trust " + plugin.name() + "'";
        if (decision instanceof TrustDecision.Untrusted untrusted) {
            return Optional.of(new PluginProblem.Untrusted(untrusted.reason(), advice));
        }
        if (decision instanceof TrustDecision.Changed) {
            return Optional.of(new PluginProblem.Changed(advice));
        }
        if (decision instanceof TrustDecision.Unverified unverified) {
            Verification verification = unverified.verification();
            return Optional.of(new PluginProblem.Unverified(verification.id(), verification.finding(), verification.advice()));
        }
        return Optional.empty();
    }

    /** Learns and caches what each plugin is; {@code plugins doctor} asks it directly to time the handshakes. */
    public MetadataService metadata() {
        return metadata;
    }

    /** The settings this host was built with. */
    public HostSettings settings() {
        return settings;
    }

    /** The directories searched for plugins, highest priority first. */
    public SearchPath searchPath() {
        return resolver.searchPath();
    }

    /**
     * What {@code args} (the command line after the CLI's own options, not empty) selects. Only
     * file metadata is read; nothing runs.
     */
    public Dispatch resolve(List<String> args) {
        Dispatch dispatch = resolver.resolve(args);
        settings.tracer().step("resolve", () -> TraceText.dispatch(dispatch));
        return dispatch;
    }

    /**
     * Checks a resolved plugin, then runs it with the terminal, relaying signals, and returns its
     * exit status. A plugin not seen before (or changed since) is first asked for its metadata.
     *
     * @throws InvalidPluginException when its metadata is wrong or a requirement is not met, or
     *                                it is not trusted ({@link UntrustedPluginException})
     * @throws PluginLaunchException  when the operating system cannot start it
     * @throws SandboxUnavailableException when its sandbox cannot be set up: then it did not run
     * @throws InterruptedException   when interrupted while asking it for metadata
     */
    public int run(Dispatch.Plugin dispatch)
            throws InvalidPluginException, PluginLaunchException, SandboxUnavailableException, InterruptedException {
        return launch(prepare(dispatch));
    }

    /**
     * Checks a resolved plugin and works out how to start it, without starting it. A plugin not
     * seen before (or changed since) is asked for its metadata.
     *
     * @throws InvalidPluginException when its metadata is wrong or a requirement is not met, or
     *                                it is not trusted ({@link UntrustedPluginException}: then
     *                                nothing was executed)
     * @throws PluginLaunchException  when a manifest's program cannot be found
     * @throws SandboxUnavailableException when its sandbox cannot be set up: then nothing was
     *                                executed
     * @throws InterruptedException   when interrupted while asking it for metadata
     */
    public Launch prepare(Dispatch.Plugin dispatch)
            throws InvalidPluginException, PluginLaunchException, SandboxUnavailableException, InterruptedException {
        PluginFile plugin = dispatch.plugin();
        TrustDecision decision = trust.decide(plugin);
        settings.tracer().step("trust", () -> TraceText.trust(plugin, decision));
        Optional<PluginProblem> untrusted = trustProblem(plugin, decision);
        if (untrusted.isPresent()) {
            throw new UntrustedPluginException(plugin, decision, untrusted.get());
        }
        settings.tracer().step("sandbox", () -> TraceText.sandbox(plugin, sandboxes.of(plugin)));
        sandboxes.check(plugin); // before its metadata probe and before any hook
        PluginRecord record = metadata.record(plugin, false, false);
        List<Path> required = new ArrayList<>();
        List<PluginProblem> problems = metadata.problems(plugin, record, resolvedSurroundings(required));
        if (!problems.isEmpty()) {
            throw new InvalidPluginException(plugin, problems);
        }
        return new Launch(dispatch, record, LaunchCommand.of(plugin, record.run(), programs),
                sandboxes.environment(plugin), required);
    }

    /**
     * The configuration a prepared plugin declares (its defaults and schema); empty for a plain
     * executable or a plugin that declares none. Only that part of its metadata is read.
     */
    public Optional<ConfigSpec> configSpec(Launch launch) throws InterruptedException {
        PluginRecord record = launch.record();
        if (record.kind() == Kind.PLAIN) {
            return Optional.empty();
        }
        String json = record.metadataJson() != null ? record.metadataJson()
                : metadata.record(launch.dispatch().plugin(), false, true).metadataJson();
        return PluginRecord.configSpec(json);
    }

    /**
     * Starts a prepared plugin with the terminal, in its sandbox if it has one, relaying signals,
     * and returns its exit status; a run stopped by its time limit is reported on stderr.
     */
    public int launch(Launch launch) throws PluginLaunchException, SandboxUnavailableException {
        return launch(launch, () -> { }, System.err::println);
    }

    /**
     * Like {@link #launch(Launch)}, calling {@code started} once the plugin process exists: what
     * is known to start can be remembered (as a route, say).
     *
     * @param report receives the line that says the plugin's time limit stopped it
     * @return the plugin's exit status, or {@link ExitStatus#TIMED_OUT} when its time limit
     *         ({@code plugins.<name>.run_timeout_ms} or {@code core.run_timeout_ms}) passed and it
     *         was stopped with every process it started
     */
    public int launch(Launch launch, Runnable started, Consumer<String> report)
            throws PluginLaunchException, SandboxUnavailableException {
        PluginFile plugin = launch.dispatch().plugin();
        String name = plugin.name();
        // Its configuration file lies in a directory a sandbox hides: it is let through, read-only.
        List<Path> visible = Optional.ofNullable(launch.environment().get(settings.cli().envPrefix() + "CONFIG"))
                .map(Path::of).stream().toList();
        List<String> command = sandboxes.command(plugin, launch.command(), visible, true);
        boolean sandboxed = sandboxes.of(plugin).sandboxed();
        Optional<TimeLimit> limit = runLimit.apply(name);
        settings.tracer().step("exec", () -> ShellWords.commandLine(settings.workingDirectory(), settings.environment(),
                launch.environment(), concat(command, launch.dispatch().args())));
        Instant begun = Instant.now();
        long start = System.nanoTime();
        PluginRunner.Result result = PluginRunner.run(command, launch.dispatch().args(), launch.environment(),
                settings.workingDirectory(), limit.map(l -> new PluginRunner.Limit(l.duration(),
                        ProcessTree.tagVariable(settings.cli().envPrefix()))), sandboxed, started);
        int status = result.status();
        settings.tracer().step("exited", () -> name + ": status " + result.status() + (result.timedOut() ? " (time limit)" : "")
                + " after " + String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e6) + "ms");
        if (result.timedOut()) {
            report.accept(settings.cli().name() + ": plugin '" + name + "' ran for more than "
                    + limit.get().duration().toMillis() + " ms (" + limit.get().key() + "); stopped");
            status = ExitStatus.TIMED_OUT;
        }
        if (audit.isPresent()) {
            audit.get().record(plugin, AuditRecord.RUN, null, begun,
                    Duration.ofNanos(System.nanoTime() - start), status, launch.dispatch().args().size());
        }
        return status;
    }

    private static List<String> concat(List<String> command, List<String> args) {
        List<String> all = new ArrayList<>(command);
        all.addAll(args);
        return all;
    }

    /**
     * Sends one copy of a plugin a plugin-management event ({@code install}, {@code upgrade},
     * {@code uninstall}) and says whether the change may go ahead; see {@link Lifecycle#fire}.
     * The caller decided to trust the copy.
     *
     * @return empty to go ahead; else one line saying why not
     */
    public Optional<String> lifecycle(HookConfig config, PluginFile plugin, LifecycleParams params, Consumer<String> report)
            throws InterruptedException {
        return Lifecycle.fire(settings, programs, sandboxes, audit, config, plugin, params, report);
    }

    /**
     * Like {@link #lifecycle(HookConfig, PluginFile, LifecycleParams, Consumer)} for a copy already
     * described as {@code record} ({@link MetadataService#describe}), which is not probed again.
     */
    public Optional<String> lifecycle(HookConfig config, PluginFile plugin, PluginRecord record, LifecycleParams params,
                                      Consumer<String> report) throws InterruptedException {
        return Lifecycle.fire(settings, programs, sandboxes, audit, config, plugin, record, params, report);
    }

    /**
     * The lifecycle hooks of this invocation. Subscribers are found from the plugins' cached
     * metadata (plugins not seen before are asked first); only valid, trusted plugins take part,
     * never untrusted ones (such as those in {@code ./plugins} the user did not trust). Inside a hook
     * ({@code <PREFIX>HOOK} is set) there are none, so hooks cannot recurse.
     *
     * @param report receives each line for the user: failed hooks, rejected patches, log lines
     */
    public Hooks hooks(HookConfig config, Consumer<String> report) throws InterruptedException {
        if (settings.env(settings.cli().envPrefix() + "HOOK").isPresent()) {
            settings.tracer().step("hooks", "none: this runs inside a hook");
            return Hooks.none();
        }
        return Hooks.of(settings, programs, subscribers(), config, report, audit, sandboxes);
    }

    /**
     * Every valid plugin that subscribed to a lifecycle event, in the order hooks run. When the
     * last scan found none and nothing it depended on changed since, that is known from a mark
     * in the cache without a scan.
     */
    public List<Subscriber> subscribers() throws InterruptedException {
        List<PluginDir> dirs = searchPath().dirs();
        boolean local = dirs.stream().anyMatch(dir -> dir.origin() == Origin.LOCAL && Files.exists(dir.directory()));
        List<Path> trustedDirs = dirs.stream().filter(dir -> dir.origin() != Origin.LOCAL).map(PluginDir::directory).toList();
        // A ./plugins directory can shadow plugins and depends on the working directory: no mark then.
        // Nor with directories marked untrusted: trusting a plugin in one changes no directory; nor
        // with signatures required: trusting a publisher's key changes no plugin directory either.
        Optional<QuietMark> mark = local || !trust.untrustedDirs().isEmpty() || trust.signaturesRequired()
                ? Optional.empty() : settings.cacheDirectory()
                .map(cache -> new QuietMark(cache.resolve("hooks").resolve("quiet"), settings.cli().version()));
        if (mark.isPresent() && mark.get().holds(trustedDirs)) {
            settings.tracer().step("hooks", "no subscriber (nothing changed since the last scan found none)");
            return List.of();
        }
        Instant decided = Instant.now();
        Inventory inventory = inventory();
        List<PluginFile> trusted = inventory.runnable().stream().map(ListedPlugin::file).filter(file -> {
            TrustDecision decision = trust.decide(file);
            if (!decision.trusted()) {
                settings.tracer().step("trust", () -> TraceText.trust(file, decision) + "; it takes no part in hooks");
            }
            return decision.trusted();
        }).toList();
        Map<PluginFile, PluginRecord> records = metadata.records(trusted, false, false);
        Surroundings surroundings = listedSurroundings(records);
        List<Subscriber> subscribers = new ArrayList<>();
        for (Map.Entry<PluginFile, PluginRecord> entry : records.entrySet()) {
            PluginRecord record = entry.getValue();
            // Only the events of a command run count: plugin management sends the others itself.
            if (record.hooks().stream().anyMatch(HookEvents.RUN::contains) && record.kind() != Kind.PLAIN
                    && metadata.problems(entry.getKey(), record, surroundings).isEmpty()) {
                // With the full metadata: its config defaults and schema shape what it is sent.
                subscribers.add(new Subscriber(entry.getKey(), metadata.record(entry.getKey(), false, true)));
            }
        }
        settings.tracer().step("hooks", () -> subscribers.isEmpty() ? "no subscriber"
                : "subscribers " + String.join(", ", subscribers.stream().map(s -> s.name() + " " + s.record().hooks()).toList()));
        if (mark.isPresent()) {
            if (subscribers.isEmpty()) {
                mark.get().record(trustedDirs, QuietMark.watched(inventory), decided);
            } else {
                mark.get().forget();
            }
        }
        return subscribers;
    }

    /** Scans the whole search path; reads no plugin's metadata. */
    public Inventory inventory() {
        return Inventory.scan(settings.cli().filePrefix(), settings.builtins(), searchPath());
    }

    /**
     * Every plugin with what it is and whether it runs. Plugins not seen before are asked for
     * their metadata, in parallel.
     *
     * @param refresh  ask every plugin again, ignoring the cache
     * @param withJson load each plugin's full metadata JSON too
     */
    public Catalog catalog(boolean refresh, boolean withJson) throws InterruptedException {
        FutureTask<Catalog> early = prefetched;
        if (early != null && !refresh && !withJson) {
            try {
                return early.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return buildCatalog(refresh, withJson);
    }

    private Catalog buildCatalog(boolean refresh, boolean withJson) throws InterruptedException {
        Inventory inventory = inventory();
        List<PluginFile> runnable = inventory.runnable().stream().map(ListedPlugin::file).toList();
        Map<PluginFile, PluginRecord> records = metadata.records(runnable, refresh, withJson);
        Surroundings surroundings = listedSurroundings(records);
        List<CatalogEntry> entries = new ArrayList<>();
        for (ListedPlugin listed : inventory.plugins()) {
            PluginRecord record = records.get(listed.file());
            List<PluginProblem> problems = new ArrayList<>(listed.problems());
            trustProblem(listed.file()).ifPresent(problems::add);
            if (record != null) {
                problems.addAll(metadata.problems(listed.file(), record, surroundings));
            }
            entries.add(new CatalogEntry(listed.file(), Optional.ofNullable(record), problems));
        }
        return new Catalog(inventory.searchPath(), entries);
    }

    /**
     * Starts building the catalog a later {@code catalog(false, false)} will return, on a thread
     * of its own: a CLI can call this first and parse its command line meanwhile. A no-op after
     * the first call.
     */
    public void prefetchCatalog() {
        if (prefetched == null) {
            FutureTask<Catalog> task = new FutureTask<>(() -> buildCatalog(false, false));
            prefetched = task;
            Thread thread = new Thread(task, "catalog-prefetch");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * One plugin with its full metadata and every problem, checked against the search path.
     */
    public CatalogEntry describe(PluginFile plugin) throws InterruptedException {
        PluginRecord record = metadata.record(plugin, false, true);
        List<PluginProblem> problems = new ArrayList<>();
        trustProblem(plugin).ifPresent(problems::add);
        problems.addAll(metadata.problems(plugin, record, resolvedSurroundings(new ArrayList<>())));
        return new CatalogEntry(plugin, Optional.of(record), problems);
    }

    /**
     * What the cache knows of {@code plugin}, with its full metadata; empty when its record is
     * missing or stale. Never starts the plugin: completion must not.
     */
    public Optional<PluginRecord> cachedRecord(PluginFile plugin) {
        return metadata.cached(plugin);
    }

    /**
     * Asks the plugins that opted in to complete their own words: each is started as a hook
     * session would be, only when trusted, and ended as soon as it answered or {@code timeout}
     * passed.
     */
    public DynamicCompletion completion(Duration timeout) {
        return new PluginCompletion(settings, programs, sandboxes, timeout, this::cachedRecord,
                plugin -> trustProblem(plugin).isEmpty());
    }

    /** Built-in and plugin command names close to a mistyped {@code word}, best first. */
    public List<String> suggestions(String word) {
        Set<String> known = new LinkedHashSet<>(settings.builtins());
        for (ListedPlugin plugin : inventory().runnable()) {
            known.add(plugin.file().command().words().get(0));
        }
        return Suggestions.closest(word, known);
    }

    /**
     * Requirements checked against the search path, for one plugin about to run.
     *
     * @param required collects the files of the plugins and programs it requires
     */
    private Surroundings resolvedSurroundings(List<Path> required) {
        return new Surroundings() {
            @Override
            public Optional<Installed> plugin(String name) {
                Optional<PluginFile> found = CommandPath.fromFileName("", name).flatMap(resolver::find);
                if (found.isEmpty()) {
                    return Optional.empty();
                }
                required.add(found.get().path());
                try {
                    return Optional.of(new Installed(metadata.record(found.get(), false, false).version()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.of(new Installed(null));
                }
            }

            @Override
            public Optional<Path> pluginAt(CommandPath command) {
                return resolver.find(command).map(PluginFile::path);
            }

            @Override
            public boolean onPath(String program) {
                Optional<Path> found = programs.find(program);
                found.ifPresent(required::add);
                return found.isPresent();
            }
        };
    }

    /** Requirements checked against a listing that already holds every runnable plugin's record. */
    private Surroundings listedSurroundings(Map<PluginFile, PluginRecord> records) {
        Map<String, PluginFile> byName = new HashMap<>();
        records.keySet().forEach(file -> byName.put(file.name(), file));
        return new Surroundings() {
            @Override
            public Optional<Installed> plugin(String name) {
                return Optional.ofNullable(byName.get(name)).map(file -> new Installed(records.get(file).version()));
            }

            @Override
            public Optional<Path> pluginAt(CommandPath command) {
                return Optional.ofNullable(byName.get(command.pluginName())).map(PluginFile::path);
            }

            @Override
            public boolean onPath(String program) {
                return programs.find(program).isPresent();
            }
        };
    }
}
