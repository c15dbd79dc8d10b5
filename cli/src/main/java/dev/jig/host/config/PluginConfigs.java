package dev.jig.host.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.host.hook.HookConfig;
import dev.jig.host.hook.Subscriber;
import dev.jig.protocol.metadata.ConfigSpec;
import dev.jig.protocol.metadata.PluginMetadata;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every plugin's view of one invocation's configuration, made once per plugin and kept, so that
 * a {@code config} hook's patch is seen by the plugin's later hooks and by its run. Safe to use
 * from the threads that start hook sessions.
 */
public final class PluginConfigs implements HookConfig {

    private final Configuration config;
    private final Map<String, PluginConfig> views = new HashMap<>();
    /** Plugins whose config hook patched their namespace. */
    private final Set<String> patched = new HashSet<>();

    public PluginConfigs(Configuration config) {
        this.config = config;
    }

    /**
     * What a plugin may read, for {@code <PREFIX>CONFIG} and protocol params: {@code core} and
     * its own namespace. A plugin whose name cannot be a key (it has a dot) has no namespace.
     *
     * @param metadata the plugin's metadata, for its defaults and schema; empty for a plain plugin
     * @throws ConfigException when the namespace breaks the plugin's schema: every violation, one
     *                         per line, each naming the key and where it was set
     */
    public synchronized ObjectNode delivery(String plugin, Optional<PluginMetadata> metadata) throws ConfigException {
        Optional<PluginConfig> view = view(plugin, metadata);
        if (view.isEmpty()) {
            return withoutNamespace();
        }
        // Only the plugin's own defaults: nothing the user or a hook set can break its schema,
        // and the validator is not loaded for nothing.
        List<String> problems = config.isEmpty() && !patched.contains(plugin) ? List.of() : view.get().problems();
        if (!problems.isEmpty()) {
            throw new ConfigException("the configuration of plugin '" + plugin + "' does not fit its schema: "
                    + String.join("; ", problems) + ". Change it with '" + config.cliName() + " config set' or '"
                    + config.cliName() + " config unset'.");
        }
        return view.get().delivery();
    }

    @Override
    public Duration timeout() {
        return config.hookTimeout();
    }

    @Override
    public boolean required(Subscriber plugin) {
        return config.required(plugin.name());
    }

    @Override
    public synchronized JsonNode view(Subscriber plugin) {
        return view(plugin.name(), plugin.record().metadata()).map(PluginConfig::delivery).orElseGet(this::withoutNamespace);
    }

    @Override
    public synchronized Optional<String> accept(Subscriber plugin, JsonNode patch) {
        Optional<PluginConfig> view = view(plugin.name(), plugin.record().metadata());
        if (view.isEmpty()) {
            return Optional.of("plugin '" + plugin.name() + "' has no namespace: its name is not a configuration key");
        }
        Optional<String> rejected = view.get().applyHookPatch(patch);
        if (rejected.isEmpty()) {
            patched.add(plugin.name());
        }
        return rejected;
    }

    private Optional<PluginConfig> view(String plugin, Optional<PluginMetadata> metadata) {
        if (!ConfigKey.isSegment(plugin)) {
            return Optional.empty();
        }
        ConfigSpec spec = metadata.map(PluginMetadata::config).orElse(null);
        return Optional.of(views.computeIfAbsent(plugin, name -> config.forPlugin(name, spec)));
    }

    private ObjectNode withoutNamespace() {
        ObjectNode delivery = JsonNodeFactory.instance.objectNode();
        delivery.putObject("core").put("hook_timeout_ms", config.hookTimeout().toMillis());
        delivery.putObject("plugins");
        return delivery;
    }
}
