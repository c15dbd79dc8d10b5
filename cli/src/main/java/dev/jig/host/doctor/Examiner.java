package dev.jig.host.doctor;

import dev.jig.host.PluginHost;
import dev.jig.host.discovery.Inventory;
import dev.jig.host.discovery.ListedPlugin;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.exec.Programs;
import dev.jig.host.config.ConfigException;
import dev.jig.host.config.PluginConfigs;
import dev.jig.host.metadata.Catalog;
import dev.jig.host.metadata.Kind;
import dev.jig.host.metadata.MetadataService;
import dev.jig.host.metadata.PluginRecord;
import dev.jig.host.sandbox.SandboxUnavailableException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Gathers an {@link Examination}: scans the search path and asks every plugin that may run for
 * its metadata again, one at a time so that each handshake is timed alone. Untrusted plugins
 * are never executed, and plugins whose sandbox cannot be set up are not either; every probe is
 * bounded by the plugin's call timeout. The fresh records replace the cached ones.
 */
public final class Examiner {

    private Examiner() {
    }

    /**
     * Examines everything {@code host} sees.
     *
     * @param configs the plugins' configuration, checked against the schema each declares
     * @param only    when present, only the plugin of this name is asked again; the others' records
     *                are read from the cache
     */
    public static Examination examine(PluginHost host, PluginConfigs configs, Optional<String> only)
            throws InterruptedException {
        Inventory inventory = host.inventory();
        MetadataService metadata = host.metadata();
        Map<PluginFile, Examination.Handshake> handshakes = new HashMap<>();
        Set<PluginFile> stale = new HashSet<>();
        Map<PluginFile, String> sandboxes = new HashMap<>();
        Map<PluginFile, String> configurations = new HashMap<>();
        for (ListedPlugin listed : inventory.runnable()) {
            PluginFile plugin = listed.file();
            if (only.isPresent() && !only.get().equals(plugin.name())) {
                continue;
            }
            if (host.trustProblem(plugin).isPresent()) {
                continue; // reported as untrusted; never executed
            }
            // Read before the sandbox check, which may read the record for the plugin's requests.
            Optional<PluginRecord> cached = metadata.cached(plugin, false);
            try {
                host.sandboxes().check(plugin);
            } catch (SandboxUnavailableException e) {
                sandboxes.put(plugin, e.getMessage());
                continue;
            }
            long start = System.nanoTime();
            PluginRecord fresh = metadata.record(plugin, true, true);
            if (plugin.form() == PluginFile.Form.EXECUTABLE) {
                handshakes.put(plugin, new Examination.Handshake(Duration.ofNanos(System.nanoTime() - start),
                        metadata.callTimeout(plugin)));
            }
            if (cached.isPresent() && !sameAnswer(cached.get(), fresh)) {
                stale.add(plugin);
            }
            if (fresh.kind() != Kind.PLAIN) {
                try {
                    configs.check(plugin.name(), PluginRecord.configSpec(fresh.metadataJson()));
                } catch (ConfigException e) {
                    configurations.put(plugin, e.getMessage());
                }
            }
        }
        // The records were just refreshed, so this reads them from the cache.
        Catalog catalog = host.catalog(false, false);
        return new Examination(host.settings().cli().name(), host.settings().cli().envPrefix(),
                host.settings().env("PATH"), catalog, handshakes, stale, sandboxes, configurations,
                new Programs(host.settings())::find);
    }

    /**
     * Whether two records say the same about a plugin. The free-text detail is left out (a plain
     * program's output may differ from run to run), and so is the raw JSON, which a cached
     * record is read without.
     */
    static boolean sameAnswer(PluginRecord a, PluginRecord b) {
        return a.kind() == b.kind() && a.problems().equals(b.problems()) && Objects.equals(a.version(), b.version())
                && Objects.equals(a.summary(), b.summary()) && a.run().equals(b.run()) && a.requires().equals(b.requires())
                && a.subcommands().equals(b.subcommands()) && a.hooks().equals(b.hooks());
    }
}
