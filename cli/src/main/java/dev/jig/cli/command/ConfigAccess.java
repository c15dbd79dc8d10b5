package dev.jig.cli.command;

import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import dev.jig.host.config.ConfigException;
import dev.jig.host.config.ConfigKey;
import dev.jig.host.config.ConfigStore;
import dev.jig.host.config.Configuration;
import dev.jig.host.metadata.CatalogEntry;
import dev.jig.host.metadata.PluginRecord;
import dev.jig.protocol.metadata.ConfigSpec;
import dev.jig.protocol.metadata.PluginMetadata;
import java.util.HashMap;
import java.util.Map;

/** What the {@code config} commands share: the loaded configuration and the installed plugins' specs. */
final class ConfigAccess {

    private final PluginHost host;
    private final Configuration config;

    ConfigAccess(PluginHost host, Configuration config) {
        this.host = host;
        this.config = config;
    }

    String cli() {
        return host.settings().cli().name();
    }

    Configuration config() {
        return config;
    }

    /**
     * The store, with the config specs of the runnable plugins when {@code withPlugins} (read from
     * the metadata cache; a plugin not seen before is asked for its metadata, no hook runs).
     */
    ConfigStore store(boolean withPlugins) throws InterruptedException {
        Map<String, ConfigSpec> specs = new HashMap<>();
        if (withPlugins) {
            for (CatalogEntry entry : host.catalog(false, true).plugins()) {
                if (entry.runnable() && ConfigKey.isSegment(entry.file().name())) {
                    entry.record().flatMap(PluginRecord::metadata).map(PluginMetadata::config)
                            .ifPresent(spec -> specs.putIfAbsent(entry.file().name(), spec));
                }
            }
        }
        return new ConfigStore(config, specs);
    }

    /** {@code text} as a key, or a usage error. */
    ConfigKey key(String text) throws ConfigException {
        return ConfigKey.parse(text).orElseThrow(() -> new ConfigException(
                "'" + text + "' is not a valid key (" + ConfigKey.SYNTAX + "), e.g. plugins.greet.lang", ExitStatus.USAGE));
    }
}
