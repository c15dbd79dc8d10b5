package dev.jig.host.install;

import dev.jig.host.ExitStatus;
import dev.jig.host.HostSettings;
import dev.jig.host.PluginHost;
import dev.jig.host.config.Configuration;
import dev.jig.host.config.PluginConfigs;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.download.Download;
import dev.jig.host.hook.LifecycleParams;
import dev.jig.host.metadata.PluginRecord;
import dev.jig.host.download.Progress;
import dev.jig.host.index.IndexEntry;
import dev.jig.host.index.Indexes;
import dev.jig.host.index.Outdated;
import dev.jig.host.index.Platform;
import dev.jig.host.index.Release;
import dev.jig.host.trust.TrustPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Plugin management for one command: install, upgrade, uninstall, link, and what the indexes
 * offer. The entry point an embedding CLI calls; every method either does all it was asked or
 * changes nothing and throws an {@link InstallException} whose message is one line.
 */
public final class PluginManager {

    /** The longest artifact downloaded. */
    static final long MAX_ARTIFACT_BYTES = 1L << 30;
    /** How long a connection may take to open. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Store store;
    private final Catalog catalog;
    private final Installer installer;
    private final Uninstaller uninstaller;
    private final Linker linker;
    private final HostSettings settings;

    private PluginManager(Store store, Catalog catalog, Installer installer, Uninstaller uninstaller, Linker linker,
                          HostSettings settings) {
        this.store = store;
        this.catalog = catalog;
        this.installer = installer;
        this.uninstaller = uninstaller;
        this.linker = linker;
        this.settings = settings;
    }

    /**
     * The manager for the user {@code host} serves.
     *
     * @param lockFile another lock file than the user's, when given
     * @param err      where download progress goes
     * @param terminal whether {@code err} is a terminal: a redrawn bar, else plain lines
     * @param report   receives notes and warnings, one line each
     */
    public static PluginManager of(PluginHost host, Configuration config, Optional<Path> lockFile, PrintStream err,
                                   boolean terminal, Consumer<String> report) throws InstallException {
        HostSettings settings = host.settings();
        Layout layout = Layout.of(settings).map(l -> lockFile.map(l::withLockFile).orElse(l)).orElseThrow(() ->
                new InstallException("no user plugin directory: neither XDG_CONFIG_HOME nor HOME is an absolute path",
                        ExitStatus.FAILURE));
        String prefix = settings.cli().filePrefix();
        Store store = new Store(layout, prefix);
        String agent = settings.cli().name() + "/" + settings.cli().version();
        Download quiet = Download.of(agent, CONNECT_TIMEOUT, config.downloadTimeout(), MAX_ARTIFACT_BYTES);
        Catalog catalog = new Catalog(config.indexes(), quiet, Platform.current(), settings.cli().name(),
                settings.cli().version());
        ArtifactSignature signatures = new ArtifactSignature(TrustPolicy.verifier(settings).keys(), config.requireSignatures(),
                "security.require_signatures");
        Artifacts artifacts = new Artifacts(label -> quiet.withProgress(Progress.forStream(err, terminal, label)), signatures,
                prefix, report);
        PluginConfigs configs = new PluginConfigs(config);
        LifecycleHook hooks = new LifecycleHook() {
            @Override
            public Optional<String> fire(PluginFile plugin, LifecycleParams params) throws InterruptedException {
                return host.lifecycle(configs, plugin, params, report);
            }

            @Override
            public Optional<String> fire(PluginFile plugin, PluginRecord record, LifecycleParams params)
                    throws InterruptedException {
                return host.lifecycle(configs, plugin, record, params, report);
            }
        };
        Installer installer = new Installer(store, artifacts, catalog, host.metadata()::describe,
                hooks, config.requireSignatures() ? Optional.of(TrustPolicy.verifier(settings)) : Optional.empty(), prefix, report);
        return new PluginManager(store, catalog, installer, new Uninstaller(store, hooks, prefix, report),
                new Linker(store, prefix, report), settings);
    }

    /** Installs {@code targets}: {@code NAME[@RANGE]}, URLs, archives, executables or plugin directories. */
    public List<Change> install(List<String> targets) throws InstallException, InterruptedException {
        return installer.install(targets, settings.workingDirectory());
    }

    /** Installs what the lock file lists (all, or {@code names}), exactly. */
    public List<Change> installLocked(List<String> names) throws InstallException, InterruptedException {
        return installer.installLocked(names);
    }

    /** Upgrades {@code names}, or every plugin installed from an index when empty. */
    public List<Change> upgrade(List<String> names) throws InstallException, InterruptedException {
        return installer.upgrade(names);
    }

    /** Uninstalls plugin {@code name}; {@code force} overrides dependents and a refusing hook. */
    public Change uninstall(String name, boolean force) throws InstallException, InterruptedException {
        return uninstaller.uninstall(name, force);
    }

    /** Links the plugin at {@code path} for development. */
    public Change link(Path path) throws InstallException, InterruptedException {
        return linker.link(settings.workingDirectory().resolve(path));
    }

    /** The plugins installed from an index for which the indexes have a newer release. */
    public List<Outdated> outdated() throws InstallException, InterruptedException {
        Map<String, Store.Managed> managed = managed();
        return configuredIndexes().outdated(Installer.installed(managed).stream()
                .filter(i -> managed.get(i.name()).receipt().locked().index() != null).toList(), catalog.platform());
    }

    /** The plugins of the indexes whose name or description holds {@code text}. */
    public List<IndexEntry> search(String text) throws InstallException, InterruptedException {
        return configuredIndexes().search(text);
    }

    private Indexes configuredIndexes() throws InstallException, InterruptedException {
        if (catalog.isEmpty()) {
            throw new InstallException("no index is configured; add one with '" + settings.cli().name()
                    + " config set indexes.NAME URL'", ExitStatus.UNRESOLVED);
        }
        return catalog.indexes();
    }

    /**
     * The version {@code plugins install NAME} would choose, leaving other plugins aside: the
     * newest stable release with an artifact for this platform; empty when there is none.
     */
    public Optional<String> latest(String name) throws InstallException, InterruptedException {
        return configuredIndexes().latest(name, catalog.platform()).map(Release::version);
    }

    /** What the lock file would record of each plugin installed with {@code plugins install}, by name. */
    public Map<String, Locked> installed() throws InstallException {
        Map<String, Locked> locked = new java.util.TreeMap<>();
        managed().forEach((name, plugin) -> locked.put(name, plugin.receipt().locked()));
        return locked;
    }

    /** The installed plugins as their links say now: links switch atomically, so no lock is needed to read. */
    private Map<String, Store.Managed> managed() throws InstallException {
        try {
            return store.managed();
        } catch (IOException e) {
            throw new InstallException("cannot read " + store.layout().plugins() + ": " + e.getMessage(), ExitStatus.FAILURE);
        }
    }
}
