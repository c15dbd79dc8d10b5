package dev.jig.host.install;

import dev.jig.host.ExitStatus;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.hook.LifecycleParams;
import dev.jig.host.index.Installed;
import dev.jig.host.index.Resolution;
import dev.jig.host.index.ResolutionException;
import dev.jig.host.index.Want;
import dev.jig.host.metadata.PluginRecord;
import dev.jig.host.signature.Verification;
import dev.jig.host.signature.Verifier;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Consumer;

/**
 * Installs and upgrades plugins: from indexes (with their dependencies), from URLs, archives
 * and paths, or exactly as the lock file says. Everything is staged, checked and offered to the
 * plugins' lifecycle hooks before anything goes live; then each plugin switches with one rename.
 */
public final class Installer {

    /** Reads a staged plugin's metadata: its handshake, or its manifest. */
    @FunctionalInterface
    public interface Describer {
        /** The record of {@code plugin}, found outside any search path. */
        PluginRecord describe(PluginFile plugin) throws InterruptedException;
    }

    /** A staged plugin with what will be recorded of it, and what it said about itself. */
    private record Prepared(Artifacts.Staged staged, String name, Locked locked, PluginRecord record) {
    }

    private final Store store;
    private final Artifacts artifacts;
    private final Catalog catalog;
    private final Describer describer;
    private final LifecycleHook hooks;
    private final Optional<Verifier> requiredSignatures;
    private final String filePrefix;
    private final Consumer<String> report;

    /**
     * @param requiredSignatures when present, every staged plugin must carry a signature this
     *                           verifier accepts, as every run would demand, before it is started
     * @param report             receives progress notes and warnings, one line each
     */
    Installer(Store store, Artifacts artifacts, Catalog catalog, Describer describer, LifecycleHook hooks,
              Optional<Verifier> requiredSignatures, String filePrefix, Consumer<String> report) {
        this.store = store;
        this.artifacts = artifacts;
        this.catalog = catalog;
        this.describer = describer;
        this.hooks = hooks;
        this.requiredSignatures = requiredSignatures;
        this.filePrefix = filePrefix;
        this.report = report;
    }

    /**
     * Installs each target: {@code NAME[@RANGE]} from the indexes, or a URL, an archive, an
     * executable or a plugin directory.
     *
     * @param workingDirectory what relative paths are relative to
     */
    public List<Change> install(List<String> targets, Path workingDirectory) throws InstallException, InterruptedException {
        List<Want> wants = new ArrayList<>();
        List<URI> direct = new ArrayList<>();
        for (String target : targets) {
            Optional<URI> uri = Targets.location(target, workingDirectory);
            if (uri.isPresent()) {
                direct.add(uri.get());
            } else {
                wants.add(Targets.want(target));
            }
        }
        return change((managed, prepared) -> {
            List<Prepared> fromPaths = new ArrayList<>();
            for (URI uri : direct) {
                Prepared staged = prepare(new Artifacts.Wanted(uri, Optional.empty(), Optional.empty(), Optional.empty(),
                        Targets.shown(uri)), null);
                fromPaths.add(staged);
                prepared.add(staged);
            }
            fromIndexes(wants, dependencies(fromPaths, managed), managed, false, prepared);
            // What the indexes give goes live first: the plugins installed by path may need it.
            prepared.sort(Comparator.comparing(p -> p.locked().index() == null));
            return unchanged(wants, prepared, managed);
        });
    }

    /** Installs the plugins the lock file lists (all, or {@code names}), exactly as it records them. */
    public List<Change> installLocked(List<String> names) throws InstallException, InterruptedException {
        SortedMap<String, Locked> lock = LockFile.read(store.layout().lockFile());
        Map<String, Locked> chosen = new LinkedHashMap<>();
        for (String name : names.isEmpty() ? List.copyOf(lock.keySet()) : names) {
            Locked locked = lock.get(name);
            if (locked == null) {
                throw new InstallException("the lock file " + store.layout().lockFile() + " does not list plugin '" + name
                        + "'; install it without --locked to add it", ExitStatus.UNRESOLVED);
            }
            chosen.put(name, locked);
        }
        return change((managed, prepared) -> {
            List<Change> unchanged = new ArrayList<>();
            for (Map.Entry<String, Locked> entry : chosen.entrySet()) {
                Locked locked = entry.getValue();
                Store.Managed current = managed.get(entry.getKey());
                if (current != null && current.receipt().locked().equals(locked)) {
                    unchanged.add(new Change(entry.getKey(), Change.Action.UNCHANGED, null, locked.version(), locked.source()));
                    continue;
                }
                URI source = URI.create(locked.source());
                prepared.add(prepare(new Artifacts.Wanted(source, Optional.of(locked.sha256()),
                        Optional.ofNullable(locked.signature()), Optional.of(entry.getKey()),
                        entry.getKey() + " " + locked.shownVersion() + " (" + Targets.shown(source) + ")"), locked));
            }
            return unchanged;
        });
    }

    /** Upgrades {@code names} (or, when empty, every plugin installed from an index) to their newest fitting releases. */
    public List<Change> upgrade(List<String> names) throws InstallException, InterruptedException {
        return change((managed, prepared) -> {
            List<Want> wants = new ArrayList<>();
            for (String name : names.isEmpty() ? List.copyOf(managed.keySet()) : names) {
                Store.Managed installed = managed.get(name);
                if (installed == null) {
                    throw new InstallException("plugin '" + name + "' is not installed; install it first", ExitStatus.UNRESOLVED);
                }
                if (installed.receipt().locked().index() == null) {
                    if (!names.isEmpty()) {
                        throw new InstallException("plugin '" + name + "' was installed from " + installed.receipt().locked().source()
                                + ", not from an index; install it again from there to replace it", ExitStatus.UNRESOLVED);
                    }
                    continue;
                }
                // Never older than what is installed: a pre-release (2.0.0-rc.1) is outside '*' and
                // would otherwise be "upgraded" to the newest stable 1.x.
                String version = installed.receipt().locked().version();
                wants.add(new Want(name, version == null ? Want.ANY : ">=" + version));
            }
            fromIndexes(wants, List.of(), managed, true, prepared);
            return unchanged(wants, prepared, managed);
        });
    }

    /**
     * What one command stages, given the installed plugins: it adds each staged plugin to
     * {@code prepared} as soon as it is staged, and returns the plugins asked for that stay as they are.
     */
    @FunctionalInterface
    private interface Plan {
        List<Change> stage(SortedMap<String, Store.Managed> managed, List<Prepared> prepared)
                throws InstallException, InterruptedException;
    }

    /**
     * Runs one change: under the guard, stages what {@code plan} says, offers each staged plugin
     * its hook and switches them, then writes the lock file. Whatever fails, nothing staged is left.
     */
    private List<Change> change(Plan plan) throws InstallException, InterruptedException {
        List<Prepared> prepared = new ArrayList<>();
        try (Transaction transaction = Transaction.open(store, report)) {
            try {
                SortedMap<String, Store.Managed> managed = managed();
                List<Change> changes = new ArrayList<>(plan.stage(managed, prepared));
                changes.addAll(apply(prepared, managed));
                transaction.finish();
                return changes;
            } finally {
                prepared.forEach(p -> Artifacts.discard(p.staged().staging()));
            }
        }
    }

    /**
     * The requirements of plugins installed by path or URL that neither an installed plugin nor
     * one installed by the same command meets: those are resolved from the indexes.
     */
    private List<Want> dependencies(List<Prepared> fromPaths, Map<String, Store.Managed> managed) {
        List<Want> needed = new ArrayList<>();
        for (Prepared prepared : fromPaths) {
            prepared.locked().requires().forEach((name, range) -> {
                Want want = new Want(name, range);
                boolean alongside = fromPaths.stream().anyMatch(p -> p.name().equals(name) && want.acceptsVersion(p.locked().version()));
                Store.Managed installed = managed.get(name);
                if (!alongside && (installed == null || !want.acceptsVersion(installed.receipt().locked().version()))) {
                    needed.add(want);
                }
            });
        }
        if (!needed.isEmpty() && catalog.isEmpty()) {
            report.accept("note: no index is configured, so these requirements are not installed: " + needed.stream()
                    .map(w -> w.name() + " " + w.range()).toList());
            return List.of();
        }
        return needed;
    }

    /**
     * Resolves {@code wants} (and their dependencies) from the indexes and stages each release
     * chosen into {@code prepared}.
     */
    private void fromIndexes(List<Want> wants, List<Want> dependencies, Map<String, Store.Managed> managed,
                             boolean upgrade, List<Prepared> prepared) throws InstallException, InterruptedException {
        List<Want> all = new ArrayList<>(wants);
        all.addAll(dependencies);
        if (all.isEmpty()) {
            return;
        }
        Resolution resolution;
        try {
            resolution = catalog.resolver().resolve(all, installed(managed), upgrade);
        } catch (ResolutionException e) {
            throw new InstallException(e.getMessage(), ExitStatus.UNRESOLVED);
        }
        for (Resolution.Step step : resolution.steps()) {
            String name = step.release().plugin();
            Locked locked = new Locked(step.release().version(), Targets.recorded(step.artifact().url()), step.artifact().sha256(),
                    step.release().indexName(), step.artifact().signature().orElse(null), step.release().requires().plugins());
            String what = name + " " + step.release().version() + " (" + step.artifact().url() + ")";
            if (!step.requiredBy().isEmpty()) {
                report.accept("needed by " + String.join(" -> ", step.requiredBy()) + ": " + name + " " + step.release().version());
            }
            prepared.add(prepare(new Artifacts.Wanted(step.artifact().url(), Optional.of(step.artifact().sha256()),
                    step.artifact().signature(), Optional.of(name), what), locked));
        }
    }

    /**
     * Stages one artifact and reads the plugin in it.
     *
     * @param locked what the index or lock file says of it, or null: learn it from the plugin
     */
    private Prepared prepare(Artifacts.Wanted wanted, Locked locked) throws InstallException, InterruptedException {
        Artifacts.Staged staged = artifacts.stage(store, wanted);
        try {
            PluginFile plugin = staged.plugin().file(staged.tree(), filePrefix);
            if (requiredSignatures.isPresent()) {
                // Before the copy is started to describe it: an unsigned plugin never runs.
                Verification verification = requiredSignatures.get().verify(
                        staged.tree().resolve(staged.plugin().root()).normalize(), staged.plugin().directory());
                if (!(verification instanceof Verification.Good)) {
                    throw new InstallException(wanted.what() + ": signatures are required, and " + verification.finding()
                            + "; nothing was installed", ExitStatus.NOT_VERIFIED);
                }
            }
            PluginRecord record = describer.describe(plugin);
            if (!record.problems().isEmpty()) {
                throw new InstallException(wanted.what() + " is not a working plugin: " + record.problems().get(0)
                        + "; nothing was installed", ExitStatus.REFUSED);
            }
            if (locked != null && locked.version() != null && record.version() != null
                    && !locked.version().equals(record.version())) {
                throw new InstallException(wanted.what() + " says it is version " + record.version() + ", not "
                        + locked.version() + "; its publisher must fix the release", ExitStatus.REFUSED);
            }
            Locked recorded = locked != null ? locked : new Locked(record.version(), Targets.recorded(wanted.source()), staged.sha256(),
                    null, null, record.requires().plugins());
            return new Prepared(staged, staged.plugin().name(), recorded, record);
        } catch (InstallException | InterruptedException | RuntimeException e) {
            Artifacts.discard(staged.staging());
            throw e;
        }
    }

    /** Offers every staged plugin its lifecycle hook, then makes each live in turn. */
    private List<Change> apply(List<Prepared> prepared, Map<String, Store.Managed> managed)
            throws InstallException, InterruptedException {
        for (Prepared p : prepared) {
            String entry = store.entry(p.name(), p.staged().plugin().directory());
            if (store.occupiedByOther(entry)) {
                throw new InstallException(store.layout().plugins().resolve(entry) + " exists and was not installed by"
                        + " this command; move it away to install plugin '" + p.name() + "' there", ExitStatus.REFUSED);
            }
            Store.Managed previous = managed.get(p.name());
            if (previous == null && store.isLink(entry)) {
                throw new InstallException("plugin '" + p.name() + "' is linked for development (" + store.layout().plugins()
                        .resolve(entry) + "); uninstall the link first", ExitStatus.REFUSED);
            }
            if (p.locked().version() == null) {
                continue; // a plain plugin: it states no version and takes no hooks
            }
            String before = previous == null ? null : previous.receipt().locked().version();
            // A previous copy without a version was a plain plugin: to the new one this is its install.
            LifecycleParams params = before == null ? LifecycleParams.install(p.locked().version())
                    : LifecycleParams.upgrade(p.locked().version(), before);
            Optional<String> refusal = hooks.fire(p.staged().plugin().file(p.staged().tree(), filePrefix), p.record(), params);
            if (refusal.isPresent()) {
                throw new InstallException(refusal.get() + "; nothing was installed", ExitStatus.REFUSED);
            }
        }
        // Every store directory first, then the links: a failure before the first switch changes
        // nothing live, and one during the switches puts back the links already switched.
        List<Path> storeDirs = new ArrayList<>();
        for (Prepared p : prepared) {
            Receipt receipt = new Receipt(p.name(), p.locked(), p.staged().plugin().directory(), p.staged().plugin().root());
            try {
                receipt.write(p.staged().staging());
                storeDirs.add(store.commit(p.staged().staging(), p.name(), storeDirName(p.locked()), receipt));
            } catch (IOException e) {
                throw new InstallException("cannot put plugin '" + p.name() + "' in the store: " + e.getMessage()
                        + "; nothing was installed", ExitStatus.FAILURE);
            }
        }
        Map<String, Optional<Path>> switched = new LinkedHashMap<>();
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            Prepared p = prepared.get(i);
            Store.Managed previous = managed.get(p.name());
            String entry = store.entry(p.name(), p.staged().plugin().directory());
            try {
                if (previous != null && !previous.entry().equals(entry)) {
                    // an executable that became a directory plugin, or back
                    switched.putIfAbsent(previous.entry(), store.target(previous.entry()));
                    store.unlink(previous.entry());
                }
                switched.putIfAbsent(entry, store.target(entry));
                store.switchTo(entry, storeDirs.get(i).resolve(Receipt.TREE).resolve(p.staged().plugin().root()).normalize());
            } catch (IOException e) {
                store.restore(switched);
                throw new InstallException("cannot put plugin '" + p.name() + "' in place: " + e.getMessage()
                        + "; the previous versions are installed again", ExitStatus.FAILURE);
            }
            String source = p.locked().index() != null ? "index '" + p.locked().index() + "'"
                    : Targets.shown(URI.create(p.locked().source()));
            changes.add(previous == null
                    ? new Change(p.name(), Change.Action.INSTALLED, null, p.locked().version(), source)
                    : new Change(p.name(), Change.Action.REPLACED, previous.receipt().locked().version(), p.locked().version(),
                            source));
        }
        return changes;
    }

    /** The plugins asked for by name that need no change. */
    private static List<Change> unchanged(List<Want> wants, List<Prepared> prepared, Map<String, Store.Managed> managed) {
        List<Change> changes = new ArrayList<>();
        for (Want want : wants) {
            boolean changing = prepared.stream().anyMatch(p -> p.name().equals(want.name()));
            Store.Managed installed = managed.get(want.name());
            if (!changing && installed != null) {
                changes.add(new Change(want.name(), Change.Action.UNCHANGED, null, installed.receipt().locked().version(),
                        installed.receipt().locked().source()));
            }
        }
        return changes;
    }

    private SortedMap<String, Store.Managed> managed() throws InstallException {
        try {
            return store.managed();
        } catch (IOException e) {
            throw new InstallException("cannot read " + store.layout().plugins() + ": " + e.getMessage(), ExitStatus.FAILURE);
        }
    }

    /**
     * The installed plugins as the resolver sees them: those with a version. A plain plugin
     * states none, so it satisfies no requirement and constrains nothing.
     */
    static List<Installed> installed(Map<String, Store.Managed> managed) {
        List<Installed> installed = new ArrayList<>();
        for (Store.Managed m : managed.values()) {
            Locked locked = m.receipt().locked();
            try {
                installed.add(new Installed(m.name(), locked.version(), locked.requires()));
            } catch (IllegalArgumentException e) {
                // no semantic version: nothing to resolve against
            }
        }
        return installed;
    }

    /** {@code <version>-<first 12 hex digits of the digest>}: another artifact of one version gets another directory. */
    private static String storeDirName(Locked locked) {
        String version = locked.version() == null ? "unversioned" : locked.version().replaceAll("[^A-Za-z0-9.+-]", "_");
        return version + "-" + locked.sha256().substring(0, 12).toLowerCase(java.util.Locale.ROOT);
    }
}
