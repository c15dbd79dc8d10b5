package dev.jig.host.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks the host makes on every layer before merging it: keys are valid, and the keys the
 * host owns have the right type. A JSON {@code null} (a deletion) always passes.
 *
 * <ul>
 *   <li>{@code core}, {@code plugins} and each {@code plugins.<name>} are tables;
 *   <li>{@code core.hook_timeout_ms} is an integer of at least 1;
 *   <li>{@code plugins.<name>.required} is a boolean;
 *   <li>{@code security} is a table, {@code security.audit} a boolean,
 *       {@code security.audit_max_bytes} an integer of at least 1 and {@code security.untrusted}
 *       an array of absolute paths, {@code security.require_signatures} a boolean;
 *   <li>no key is a host key misspelt with {@code -} for {@code _}
 *       ({@code security.require-signatures}): it would be ignored while it seems to work.
 * </ul>
 * Other keys are left alone: a newer CLI's file stays readable, and each plugin's schema judges
 * its own namespace.
 */
final class Shape {

    /** The one core setting: how long a hook may take, in milliseconds. */
    static final ConfigKey HOOK_TIMEOUT = ConfigKey.of("core", "hook_timeout_ms");

    /** Whether plugin executions are written to the audit log. */
    static final ConfigKey AUDIT = ConfigKey.of("security", "audit");

    /** The size an audit log file may reach before it is rotated. */
    static final ConfigKey AUDIT_MAX_BYTES = ConfigKey.of("security", "audit_max_bytes");

    /** Directories whose plugins are not trusted by default, besides {@code ./plugins}. */
    static final ConfigKey UNTRUSTED = ConfigKey.of("security", "untrusted");

    /** Whether only plugins with a good signature by a trusted key may execute. */
    static final ConfigKey REQUIRE_SIGNATURES = ConfigKey.of("security", "require_signatures");

    /**
     * The host's settings outside {@code plugins}; with {@link #PLUGIN_HOST_KEYS}, what a key
     * misspelt with {@code -} for {@code _} is compared with.
     */
    static final List<ConfigKey> HOST_KEYS = List.of(HOOK_TIMEOUT, AUDIT, AUDIT_MAX_BYTES, UNTRUSTED, REQUIRE_SIGNATURES);

    /**
     * The keys of {@code plugins.<name>} that are the host's, not the plugin's: they are never
     * delivered to the plugin, never checked against its schema, and never set by its defaults or
     * its config hook.
     */
    static final Set<String> PLUGIN_HOST_KEYS = Set.of("required", "sandbox", "grant", "call_timeout_ms", "run_timeout_ms");

    /**
     * A value in the wrong place.
     *
     * @param key     the dotted key as written, which may itself be the problem
     * @param message what is wrong, naming the key
     */
    record Problem(String key, String message) {
    }

    private Shape() {
    }

    /** The first problem of {@code patch}, in document order. */
    static Optional<Problem> check(JsonNode patch) {
        Optional<Problem> keys = keys("", patch);
        if (keys.isPresent()) {
            return keys;
        }
        Optional<Problem> misspelt = misspelt(List.of(), patch);
        if (misspelt.isPresent()) {
            return misspelt;
        }
        JsonNode core = patch.get("core");
        if (core != null && !core.isNull()) {
            if (!core.isObject()) {
                return wrongType("core", "a table", core);
            }
            JsonNode timeout = core.get("hook_timeout_ms");
            if (timeout != null && !timeout.isNull() && !validTimeout(timeout)) {
                return wrongType(HOOK_TIMEOUT.toString(), "an integer of at least 1", timeout);
            }
        }
        JsonNode security = patch.get("security");
        if (security != null && !security.isNull()) {
            if (!security.isObject()) {
                return wrongType("security", "a table", security);
            }
            JsonNode audit = security.get("audit");
            if (audit != null && !audit.isNull() && !audit.isBoolean()) {
                return wrongType(AUDIT.toString(), "true or false", audit);
            }
            JsonNode maxBytes = security.get("audit_max_bytes");
            if (maxBytes != null && !maxBytes.isNull() && !validMaxBytes(maxBytes)) {
                return wrongType(AUDIT_MAX_BYTES.toString(), "an integer of at least 1", maxBytes);
            }
            JsonNode untrusted = security.get("untrusted");
            if (untrusted != null && !untrusted.isNull() && !validDirectories(untrusted)) {
                return wrongType(UNTRUSTED.toString(), "an array of absolute directory paths", untrusted);
            }
            JsonNode requireSignatures = security.get("require_signatures");
            if (requireSignatures != null && !requireSignatures.isNull() && !requireSignatures.isBoolean()) {
                return wrongType(REQUIRE_SIGNATURES.toString(), "true or false", requireSignatures);
            }
        }
        JsonNode plugins = patch.get("plugins");
        if (plugins != null && !plugins.isNull()) {
            if (!plugins.isObject()) {
                return wrongType("plugins", "a table", plugins);
            }
            for (Map.Entry<String, JsonNode> plugin : plugins.properties()) {
                String key = "plugins." + plugin.getKey();
                JsonNode namespace = plugin.getValue();
                if (namespace.isNull()) {
                    continue;
                }
                if (!namespace.isObject()) {
                    return wrongType(key, "a table", namespace);
                }
                JsonNode required = namespace.get("required");
                if (required != null && !required.isNull() && !required.isBoolean()) {
                    return wrongType(key + ".required", "true or false", required);
                }
            }
        }
        return Optional.empty();
    }

    /** The longest {@code core.hook_timeout_ms}: an hour. */
    static final long MAX_TIMEOUT_MS = 3_600_000;

    /** Whether {@code value} may be {@code core.hook_timeout_ms}: 1 ms to an hour. */
    static boolean validTimeout(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= 1
                && value.asLong() <= MAX_TIMEOUT_MS;
    }

    /** Whether {@code value} may be {@code security.audit_max_bytes}. */
    static boolean validMaxBytes(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= 1;
    }

    /** Whether {@code value} may be {@code security.untrusted}: an array of absolute paths. */
    static boolean validDirectories(JsonNode value) {
        if (!value.isArray()) {
            return false;
        }
        for (JsonNode entry : value) {
            if (!entry.isTextual() || !entry.asText().startsWith("/")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first key below {@code path} that is a host key but for a {@code -} written where the
     * host key has {@code _}, such as {@code security.require-signatures} or
     * {@code plugins.<name>.run-timeout-ms}.
     */
    private static Optional<Problem> misspelt(List<String> path, JsonNode node) {
        if (!node.isObject()) {
            return Optional.empty();
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            List<String> key = new ArrayList<>(path);
            key.add(member.getKey());
            Optional<String> meant = hostSpelling(key);
            if (meant.isPresent()) {
                String written = String.join(".", key);
                return Optional.of(new Problem(written, "'" + written + "' is not a setting; did you mean '"
                        + meant.get() + "'? (host keys are written with '_')"));
            }
            Optional<Problem> inner = misspelt(key, member.getValue());
            if (inner.isPresent()) {
                return inner;
            }
        }
        return Optional.empty();
    }

    /** The host key {@code key} spells with {@code -} for {@code _}; empty when it is not one. */
    static Optional<String> hostSpelling(List<String> key) {
        String last = key.get(key.size() - 1);
        if (!last.contains("-")) {
            return Optional.empty(); // the host's tables have no '_' to misspell; a plugin's name may have '-'
        }
        List<String> underscored = new ArrayList<>(key.subList(0, key.size() - 1));
        underscored.add(last.replace('-', '_'));
        ConfigKey candidate = new ConfigKey(underscored);
        boolean host = HOST_KEYS.contains(candidate) || (underscored.size() == 3 && underscored.get(0).equals("plugins")
                && PLUGIN_HOST_KEYS.contains(underscored.get(2)));
        return host ? Optional.of(candidate.toString()) : Optional.empty();
    }

    private static Optional<Problem> keys(String prefix, JsonNode node) {
        if (!node.isObject()) {
            return Optional.empty();
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            String key = prefix.isEmpty() ? member.getKey() : prefix + "." + member.getKey();
            if (!ConfigKey.isSegment(member.getKey())) {
                return Optional.of(new Problem(key, "'" + key + "' is not a valid key (" + ConfigKey.SYNTAX + ")"));
            }
            Optional<Problem> inner = keys(key, member.getValue());
            if (inner.isPresent()) {
                return inner;
            }
        }
        return Optional.empty();
    }

    /**
     * A copy of {@code table} without members whose names are not keys, at any depth, and
     * without {@code null}s (which mean nothing in a default).
     */
    static ObjectNode keysOnly(ObjectNode table) {
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> member : table.properties()) {
            JsonNode value = member.getValue();
            if (ConfigKey.isSegment(member.getKey()) && !value.isNull()) {
                copy.set(member.getKey(), value.isObject() ? keysOnly((ObjectNode) value) : value.deepCopy());
            }
        }
        return copy;
    }

    private static Optional<Problem> wrongType(String key, String expected, JsonNode actual) {
        return Optional.of(new Problem(key, "'" + key + "' must be " + expected + ", not " + describe(actual)));
    }

    /** {@code a string ("x")}, {@code a table}: enough to recognise the value. */
    static String describe(JsonNode value) {
        String text = value.toString();
        String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
        return switch (value.getNodeType()) {
            case OBJECT -> "a table";
            case ARRAY -> "an array";
            case STRING -> "a string (" + shown + ")";
            case BOOLEAN -> shown;
            case NUMBER -> shown;
            default -> shown;
        };
    }
}
