package dev.jig.host.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.protocol.metadata.ConfigSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One plugin's view of the configuration: the host's settings and its own namespace
 * {@code plugins.<name>}, with its defaults at the bottom and its config hook patches just above
 * them, below every file. Not thread-safe.
 */
public final class PluginConfig {

    private final Configuration config;
    private final String name;
    private final ConfigSpec spec;
    private final ConfigKey namespaceKey;
    private final List<Layer> hookPatches = new ArrayList<>();
    private Merged merged;

    PluginConfig(Configuration config, String name, ConfigSpec spec) {
        this.config = config;
        this.name = name;
        this.spec = spec;
        this.namespaceKey = ConfigKey.of("plugins", name);
    }

    /** The plugin's name. */
    public String name() {
        return name;
    }

    /**
     * Applies a merge patch a config hook returned, expressed against the whole configuration
     * ({@code {"plugins":{"greet":{"lang":"fr"}}}}). It is rejected as a whole when it touches
     * anything outside {@code plugins.<name>} (or the host's keys in it, such as {@code required}), has
     * a member that is not a key, or makes the namespace break the plugin's schema where it did
     * not before.
     *
     * @return why it was rejected; empty when it was applied
     */
    public Optional<String> applyHookPatch(JsonNode patch) {
        Optional<String> outside = outside(patch);
        if (outside.isPresent()) {
            return outside;
        }
        Optional<Shape.Problem> shape = Shape.check(patch);
        if (shape.isPresent()) {
            return Optional.of("patch is invalid: " + shape.get().message());
        }
        List<String> before = problems();
        hookPatches.add(new Layer(new ConfigOrigin.ConfigHook(name), ((ObjectNode) patch).deepCopy()));
        merged = null;
        List<String> after = new ArrayList<>(problems());
        after.removeAll(before);
        if (!after.isEmpty()) {
            hookPatches.remove(hookPatches.size() - 1);
            merged = null;
            return Optional.of("patch breaks the plugin's config schema: " + after.get(0));
        }
        return Optional.empty();
    }

    private Optional<String> outside(JsonNode patch) {
        if (!patch.isObject()) {
            return Optional.of("patch is not an object");
        }
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (!member.getKey().equals("plugins")) {
                return touches(member.getKey());
            }
            JsonNode plugins = member.getValue();
            if (!plugins.isObject()) {
                return touches("plugins");
            }
            for (Map.Entry<String, JsonNode> plugin : plugins.properties()) {
                if (!plugin.getKey().equals(name)) {
                    return touches("plugins." + plugin.getKey());
                }
                JsonNode namespace = plugin.getValue();
                if (namespace.isObject()) {
                    for (String hostKey : Shape.PLUGIN_HOST_KEYS) {
                        if (namespace.has(hostKey)) {
                            return Optional.of("patch touches '" + namespaceKey + "." + hostKey + "', which only the user sets");
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> touches(String key) {
        return Optional.of("patch touches '" + key + "' outside " + namespaceKey);
    }

    /**
     * Where the plugin's namespace breaks its schema, one line each naming the key and where it
     * was set: {@code plugins.greet.shout: string found, boolean expected (set in
     * /home/u/.config/jig/config.toml)}. Empty without a schema. The host's keys
     * ({@code required}, {@code sandbox}, ...) are not checked against the schema.
     */
    public List<String> problems() {
        JsonNode schema = spec == null ? null : spec.schema();
        if (schema == null || schema.isNull()) {
            return List.of();
        }
        SchemaCheck check;
        try {
            check = SchemaCheck.of(schema);
        } catch (IllegalArgumentException e) {
            return List.of(namespaceKey + ": the plugin's config schema cannot be used (" + e.getMessage() + ")");
        }
        Merged all = merged();
        ObjectNode namespace = namespace(all);
        List<String> problems = new ArrayList<>();
        for (SchemaCheck.Violation violation : check.violations(namespace)) {
            ConfigKey key = namespaceKey;
            JsonNode at = namespace;
            for (String segment : violation.path()) {
                if (!ConfigKey.isSegment(segment)) {
                    break;
                }
                key = key.child(segment);
                at = at.path(segment);
            }
            if (violation.property() != null && ConfigKey.isSegment(violation.property()) && at.has(violation.property())) {
                key = key.child(violation.property()); // an unexpected property: point at it, not its table
            }
            String where = where(all, key);
            problems.add(key + ": " + violation.message() + (where.isEmpty() ? "" : " (set in " + where + ")"));
        }
        return problems;
    }

    /** The layers that set {@code key} or what is under it; else the nearest enclosing value's. */
    private static String where(Merged all, ConfigKey key) {
        Set<String> places = new LinkedHashSet<>();
        all.originsUnder(key).values().forEach(origin -> places.add(origin.where()));
        for (ConfigKey up = key; places.isEmpty() && up.segments().size() > 1;
                up = new ConfigKey(up.segments().subList(0, up.segments().size() - 1))) {
            ConfigOrigin origin = all.origins().get(up);
            if (origin != null) {
                places.add(origin.where());
            }
        }
        return String.join(", ", places);
    }

    /**
     * What the plugin may read: {@code {"core": {...}, "plugins": {"<name>": {...}}}}, the host's
     * effective settings (defaults included) and the plugin's own merged namespace; never another
     * plugin's.
     */
    public ObjectNode delivery() {
        Merged all = merged();
        ObjectNode delivery = JsonNodeFactory.instance.objectNode();
        JsonNode core = all.value().get("core");
        delivery.set("core", core != null && core.isObject() ? core.deepCopy() : JsonNodeFactory.instance.objectNode());
        delivery.putObject("plugins").set(name, namespace(all));
        return delivery;
    }

    /** Every layer as this plugin sees it: host defaults, its defaults, its hook patches, then the files and up. */
    public Merged merged() {
        if (merged == null) {
            List<Layer> layers = new ArrayList<>();
            layers.add(Configuration.hostDefaults());
            Configuration.pluginDefaults(name, spec).ifPresent(layers::add);
            layers.addAll(hookPatches);
            layers.addAll(config.layers());
            merged = Merged.of(layers);
        }
        return merged;
    }

    /** The plugin's namespace without the host's keys, which are the user's word to the host. */
    private ObjectNode namespace(Merged all) {
        ObjectNode namespace = namespaceKey.find(all.value()).filter(JsonNode::isObject)
                .map(node -> ((ObjectNode) node).deepCopy())
                .orElseGet(JsonNodeFactory.instance::objectNode);
        namespace.remove(Shape.PLUGIN_HOST_KEYS);
        return namespace;
    }
}
