package dev.jig.host.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Layers merged in order, each a merge patch over the result so far, with the layer that set each
 * leaf (a scalar, an array or an empty table).
 *
 * @param value   the merged configuration, never holding JSON {@code null}
 * @param origins for every leaf of {@code value}, the layer that set it, in key order
 */
public record Merged(ObjectNode value, NavigableMap<ConfigKey, ConfigOrigin> origins) {

    public Merged {
        origins = Collections.unmodifiableNavigableMap(new TreeMap<>(origins));
    }

    /** {@code layers} merged, lowest first. */
    public static Merged of(List<Layer> layers) {
        JsonNode value = JsonNodeFactory.instance.objectNode();
        TreeMap<ConfigKey, ConfigOrigin> origins = new TreeMap<>();
        for (Layer layer : layers) {
            value = MergePatch.apply(value, layer.patch());
            track(origins, List.of(), layer.patch(), value, layer.origin());
        }
        return new Merged((ObjectNode) value, origins);
    }

    /** The value at {@code key}, if any. */
    public Optional<JsonNode> get(ConfigKey key) {
        return key.find(value);
    }

    /** The leaves at or under {@code key}, with their origins. */
    public NavigableMap<ConfigKey, ConfigOrigin> originsUnder(ConfigKey key) {
        TreeMap<ConfigKey, ConfigOrigin> under = new TreeMap<>();
        for (Map.Entry<ConfigKey, ConfigOrigin> entry : origins.tailMap(key, true).entrySet()) {
            if (!entry.getKey().startsWith(key)) {
                break;
            }
            under.put(entry.getKey(), entry.getValue());
        }
        return under;
    }

    /**
     * Records {@code origin} for every leaf {@code patch} sets below {@code prefix}, as the merge
     * does; {@code result} is the merged value at {@code prefix} after the patch.
     */
    private static void track(TreeMap<ConfigKey, ConfigOrigin> origins, List<String> prefix, JsonNode patch,
            JsonNode result, ConfigOrigin origin) {
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (!ConfigKey.isSegment(member.getKey())) {
                continue; // merged, but not listed: loading reports such a key as a problem
            }
            ConfigKey key = prefix.isEmpty() ? ConfigKey.of(member.getKey()) : new ConfigKey(prefix).child(member.getKey());
            JsonNode value = member.getValue();
            if (value.isObject()) {
                // A table replaces a leaf that was here; its own members merge below.
                origins.remove(key);
                JsonNode merged = result.get(member.getKey());
                track(origins, key.segments(), value, merged, origin);
                if (merged.isEmpty() && !hasUnder(origins, key)) {
                    origins.put(key, origin);
                }
            } else {
                removeUnder(origins, key);
                if (!value.isNull()) {
                    origins.put(key, origin);
                }
            }
        }
    }

    private static boolean hasUnder(TreeMap<ConfigKey, ConfigOrigin> origins, ConfigKey key) {
        ConfigKey next = origins.ceilingKey(key);
        return next != null && next.startsWith(key);
    }

    private static void removeUnder(TreeMap<ConfigKey, ConfigOrigin> origins, ConfigKey key) {
        for (Iterator<ConfigKey> it = origins.tailMap(key, true).keySet().iterator(); it.hasNext(); ) {
            if (!it.next().startsWith(key)) {
                break;
            }
            it.remove();
        }
    }
}
