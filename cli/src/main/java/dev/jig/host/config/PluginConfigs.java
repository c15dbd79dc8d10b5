package dev.jig.host.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.host.hook.HookConfig;
import dev.jig.host.hook.Subscriber;
import dev.jig.protocol.metadata.ConfigSpec;
import dev.jig.host.metadata.PluginRecord;
import dev.jig.protocol.codec.Json;
import java.nio.charset.StandardCharsets;
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
     * @param spec the plugin's configuration defaults and schema; empty when it declares none
     * @throws ConfigException when the namespace breaks the plugin's schema: every violation, one
     *                         per line, each naming the key and where it was set
     */
    public synchronized ObjectNode delivery(String plugin, Optional<ConfigSpec> spec) throws ConfigException {
        Optional<PluginConfig> view = view(plugin, spec.orElse(null));
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

    /**
     * Checks the plugin's configuration against its schema, as {@link #delivery} does; with no
     * configuration anywhere there is nothing to check.
     *
     * @throws ConfigException when the namespace breaks the plugin's schema
     */
    public synchronized void check(String plugin, Optional<ConfigSpec> spec) throws ConfigException {
        if (!config.isEmpty() || patched.contains(plugin)) {
            delivery(plugin, spec);
        }
    }

    /**
     * {@link #delivery} as the bytes of a JSON file. With no configuration anywhere, no defaults
     * and no hook patch, that is a constant, written without a JSON library: a plain plugin run
     * then loads none.
     */
    public synchronized byte[] deliveryBytes(String plugin, Optional<ConfigSpec> spec) throws ConfigException {
        boolean noDefaults = spec.map(ConfigSpec::defaults).map(d -> d.isNull() || d.isEmpty()).orElse(true);
        if (config.isEmpty() && noDefaults && !patched.contains(plugin)) {
            StringBuilder json = new StringBuilder("{\"core\":{\"hook_timeout_ms\":")
                    .append(Configuration.DEFAULT_HOOK_TIMEOUT_MS).append("},\"plugins\":{");
            if (ConfigKey.isSegment(plugin)) {
                json.append('"').append(plugin).append("\":{}"); // letters, digits, '_' and '-': nothing to escape
            }
            return json.append("}}").toString().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Json.mapper().writeValueAsBytes(delivery(plugin, spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written", e);
        }
    }

    @Override
    public Duration timeout(Subscriber plugin) {
        return config.callTimeout(plugin.name()).orElseGet(config::hookTimeout);
    }

    @Override
    public boolean required(Subscriber plugin) {
        return config.required(plugin.name());
    }

    @Override
    public List<String> requiredPlugins() {
        return config.requiredPlugins();
    }

    @Override
    public synchronized JsonNode view(Subscriber plugin) {
        return view(plugin.name(), spec(plugin)).map(PluginConfig::delivery).orElseGet(this::withoutNamespace);
    }

    @Override
    public synchronized Optional<String> accept(Subscriber plugin, JsonNode patch) {
        Optional<PluginConfig> view = view(plugin.name(), spec(plugin));
        if (view.isEmpty()) {
            return Optional.of("plugin '" + plugin.name() + "' has no namespace: its name is not a configuration key");
        }
        Optional<String> rejected = view.get().applyHookPatch(patch);
        if (rejected.isEmpty()) {
            patched.add(plugin.name());
        }
        return rejected;
    }

    private static ConfigSpec spec(Subscriber plugin) {
        return PluginRecord.configSpec(plugin.record().metadataJson()).orElse(null);
    }

    private Optional<PluginConfig> view(String plugin, ConfigSpec spec) {
        if (!ConfigKey.isSegment(plugin)) {
            return Optional.empty();
        }
        return Optional.of(views.computeIfAbsent(plugin, name -> config.forPlugin(name, spec)));
    }

    private ObjectNode withoutNamespace() {
        ObjectNode delivery = JsonNodeFactory.instance.objectNode();
        delivery.putObject("core").put("hook_timeout_ms", config.hookTimeout().toMillis());
        delivery.putObject("plugins");
        return delivery;
    }
}
