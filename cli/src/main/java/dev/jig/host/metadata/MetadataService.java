package dev.jig.host.metadata;

import dev.jig.host.HostSettings;
import dev.jig.host.audit.AuditLog;
import dev.jig.host.audit.AuditRecord;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.discovery.PluginProblem;
import dev.jig.host.exec.Programs;
import dev.jig.host.exec.PluginRunner;
import dev.jig.host.exec.ProcessTree;
import dev.jig.host.sandbox.SandboxSettings;
import dev.jig.host.sandbox.SandboxUnavailableException;
import dev.jig.host.sandbox.Sandboxes;
import dev.jig.host.trace.ShellWords;
import dev.jig.host.trust.TrustDecision;
import dev.jig.host.trust.TrustPolicy;
import dev.jig.protocol.Protocol;
import dev.jig.protocol.method.CliInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Learns and remembers what each plugin is: reads manifests, probes executables, and keeps the
 * results in the {@link MetadataCache} until the file changes.
 *
 * <p>Executables the {@link TrustPolicy} does not trust (those in {@code ./plugins}, say) are
 * never probed: a cloned repository must not run code because someone typed {@code help}. A
 * directory plugin's manifest is read, never executed, so it is read whatever its trust.
 */
public final class MetadataService {

    private final HostSettings settings;
    private final Optional<MetadataCache> cache;
    private final HandshakeProbe probe;
    private final Optional<AuditLog> audit;
    private final TrustPolicy trust;
    private final Sandboxes sandboxes;
    private final Function<String, Optional<Duration>> callTimeout;

    /**
     * A service that caches under {@link HostSettings#cacheDirectory()}, when there is one, and
     * trusts the default plugin sources.
     */
    public MetadataService(HostSettings settings) {
        this(settings, TrustPolicy.of(settings, List.of()), Optional.empty(),
                new Sandboxes(SandboxSettings.NONE, settings, new Programs(settings)), plugin -> Optional.empty());
    }

    /**
     * A service that caches under {@link HostSettings#cacheDirectory()}, when there is one,
     * probes only the executables {@code trust} trusts, confined as {@code sandboxes} say, and
     * writes each probe to {@code audit}.
     *
     * @param callTimeout how long the plugin of a name has to answer {@code initialize}, when the
     *                    user set it; 5 seconds otherwise
     */
    public MetadataService(HostSettings settings, TrustPolicy trust, Optional<AuditLog> audit, Sandboxes sandboxes,
                           Function<String, Optional<Duration>> callTimeout) {
        this.settings = settings;
        this.trust = trust;
        this.audit = audit;
        this.sandboxes = sandboxes;
        this.callTimeout = callTimeout;
        this.cache = settings.cacheDirectory().map(dir -> new MetadataCache(dir.resolve("plugins"), settings.cli().version()));
        this.probe = new HandshakeProbe(new CliInfo(settings.cli().name(), settings.cli().version()),
                ProcessTree.tagVariable(settings.cli().envPrefix()));
    }

    /**
     * What {@code plugin} is: from the cache when its record is fresh (and {@code refresh} is
     * false), else learned now and cached.
     *
     * @param withJson whether the full metadata JSON is needed; a fresh record is read without it
     */
    public PluginRecord record(PluginFile plugin, boolean refresh, boolean withJson) throws InterruptedException {
        Optional<PluginRecord> cached = refresh ? Optional.empty() : cached(plugin, withJson);
        if (cached.isPresent()) {
            return cached.get();
        }
        Path key = key(plugin);
        Fingerprint fingerprint;
        try {
            fingerprint = Fingerprint.of(plugin.path());
        } catch (IOException e) {
            return PluginRecord.plain("cannot be read: " + e.getMessage());
        }
        if (plugin.form() == PluginFile.Form.EXECUTABLE) {
            TrustDecision decision = trust.decide(plugin);
            if (decision instanceof TrustDecision.Untrusted untrusted) {
                return PluginRecord.plain("not asked for metadata: untrusted (" + untrusted.reason() + ")");
            }
            if (decision instanceof TrustDecision.Changed) {
                return PluginRecord.plain("not asked for metadata: changed since it was trusted");
            }
            if (decision instanceof TrustDecision.Unverified unverified) {
                return PluginRecord.plain("not asked for metadata: signature " + unverified.verification().id());
            }
        }
        Learned learned = learn(plugin);
        if (learned.lasting()) {
            cache.ifPresent(c -> c.store(key, fingerprint, learned.record()));
        }
        return learned.record();
    }

    /**
     * What {@code plugin} is, learned now: its manifest read or the executable probed (in its
     * sandbox, written to the audit log), never looked up in the cache nor stored there. For a
     * plugin that is not on the search path yet, such as a copy staged for installation, whose
     * trust the caller decided.
     */
    public PluginRecord describe(PluginFile plugin) throws InterruptedException {
        return learn(plugin).record();
    }

    /**
     * A record learned from the plugin itself.
     *
     * @param lasting whether it holds until the file changes; else it depends on the
     *                surroundings (a missing interpreter, no bwrap) and is not remembered
     */
    private record Learned(PluginRecord record, boolean lasting) {
    }

    private Learned learn(PluginFile plugin) throws InterruptedException {
        try {
            if (plugin.form() == PluginFile.Form.MANIFEST) {
                settings.tracer().step("manifest", () -> plugin.name() + ": reading " + plugin.path());
                return new Learned(ManifestReader.read(plugin.path(), plugin.name(), settings.cli().name()), true);
            }
            return new Learned(probe(plugin), true);
        } catch (IOException e) {
            // Installing a missing interpreter fixes this without touching the file.
            return new Learned(PluginRecord.plain("could not be started to ask: " + PluginRunner.reason(e)), false);
        } catch (SandboxUnavailableException e) {
            // Never asked without its sandbox; installing bwrap fixes it.
            return new Learned(PluginRecord.plain("not asked for metadata: its sandbox '" + e.profile().id()
                    + "' cannot be set up: " + e.getMessage()), false);
        } catch (RuntimeException e) {
            // A defect of the host's, set off by what one plugin said: that plugin cannot run, and
            // every other command still works. A fixed host asks again.
            return new Learned(PluginRecord.broken(plugin.form() == PluginFile.Form.MANIFEST ? Kind.MANIFEST : Kind.PROTOCOL,
                    "could not be described, a defect in " + settings.cli().name() + " (please report it): " + e), false);
        }
    }

    /** Probes an executable in its sandbox, writing the probe to the audit log when there is one. */
    private PluginRecord probe(PluginFile plugin) throws IOException, InterruptedException, SandboxUnavailableException {
        // The probe appends the protocol argument, which then still ends bwrap's command line.
        List<String> command = sandboxes.command(plugin, List.of(plugin.path().toString()), List.of(), false);
        settings.tracer().step("probe", () -> plugin.name() + ": " + ShellWords.join(command) + " " + Protocol.ARGUMENT);
        Instant started = Instant.now();
        long start = System.nanoTime();
        PluginRecord learned = probe.probe(command, plugin.name(), sandboxes.environment(plugin),
                settings.workingDirectory(), callTimeout(plugin),
                status -> audit.ifPresent(log -> log.record(plugin, AuditRecord.PROBE, null,
                        started, Duration.ofNanos(System.nanoTime() - start), status.orElse(null), 1)));
        settings.tracer().step("probe", () -> plugin.name() + ": answered in "
                + String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e6) + "ms: " + describe(learned));
        return learned;
    }

    /** A record in a few words, for a trace. */
    private static String describe(PluginRecord record) {
        String what = record.kind().name().toLowerCase(Locale.ROOT) + (record.version() != null ? " " + record.version() : "");
        if (record.detail() != null) {
            what += " (" + record.detail() + ")";
        }
        return record.problems().isEmpty() ? what : what + ", problems: " + String.join("; ", record.problems());
    }

    /** How long {@code plugin} has to answer {@code initialize}: its call timeout, else the default. */
    public Duration callTimeout(PluginFile plugin) {
        return callTimeout.apply(plugin.name()).orElse(HandshakeProbe.TIMEOUT);
    }

    /** The cached record of {@code plugin} with its full JSON, if it is fresh; never probes. */
    public Optional<PluginRecord> cached(PluginFile plugin) {
        return cached(plugin, true);
    }

    /**
     * The cached record of {@code plugin}, if it is fresh (made for the file as it is now).
     *
     * @param withJson whether the full metadata JSON is needed
     */
    public Optional<PluginRecord> cached(PluginFile plugin, boolean withJson) {
        if (cache.isEmpty()) {
            return Optional.empty();
        }
        Optional<PluginRecord> found;
        try {
            found = cache.get().lookup(key(plugin), Fingerprint.of(plugin.path()), withJson);
        } catch (IOException e) {
            found = Optional.empty();
        }
        Optional<PluginRecord> record = found;
        settings.tracer().step("metadata", () -> plugin.name() + ": " + record.map(r -> "cache hit: " + describe(r))
                .orElse("not in the cache, or changed since"));
        return found;
    }

    /**
     * Records are keyed by the path a plugin was found at, not its real path: a file linked under
     * two names is two plugins, and the name is part of its record (the name check, what the
     * probe was told). The fingerprint is the real file's.
     */
    private static Path key(PluginFile plugin) {
        return plugin.path().toAbsolutePath().normalize();
    }

    /**
     * The records of many plugins; the ones that need a probe are probed in parallel, as many at
     * once as there are processors.
     */
    public Map<PluginFile, PluginRecord> records(List<PluginFile> plugins, boolean refresh, boolean withJson)
            throws InterruptedException {
        Map<PluginFile, PluginRecord> records = new LinkedHashMap<>();
        List<PluginFile> unknown = new ArrayList<>();
        for (PluginFile plugin : plugins) {
            // Fresh records are a file read each: no threads for those.
            Optional<PluginRecord> cached = refresh ? Optional.empty() : cached(plugin, withJson);
            records.put(plugin, cached.orElse(null));
            if (cached.isEmpty()) {
                unknown.add(plugin);
            }
        }
        if (unknown.isEmpty()) {
            return records;
        }
        int threads = Math.min(unknown.size(), Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "plugin-probe");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<PluginRecord>> futures = new ArrayList<>();
            for (PluginFile plugin : unknown) {
                futures.add(pool.submit(() -> record(plugin, true, withJson)));
            }
            for (int i = 0; i < unknown.size(); i++) {
                records.put(unknown.get(i), futures.get(i).get());
            }
            return records;
        } catch (ExecutionException e) {
            throw new IllegalStateException("describing plugins failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Everything that keeps {@code plugin} from running, judging by its record and surroundings. */
    public List<PluginProblem> problems(PluginFile plugin, PluginRecord record, Surroundings surroundings) {
        List<PluginProblem> problems = new ArrayList<>();
        record.problems().forEach(reason -> problems.add(new PluginProblem.Invalid(reason)));
        RequirementChecks.problems(record, plugin.command(), settings.cli().name(), settings.cli().version(), surroundings)
                .forEach(reason -> problems.add(new PluginProblem.Invalid(reason)));
        return problems;
    }
}
