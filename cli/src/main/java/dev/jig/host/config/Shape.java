package dev.jig.host.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.host.sandbox.Grants;
import dev.jig.host.sandbox.Profile;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The checks the host makes on every layer before merging it: keys are valid, and the keys the
 * host owns have the right type. A JSON {@code null} (a deletion) always passes.
 *
 * <ul>
 *   <li>{@code core}, {@code plugins} and each {@code plugins.<name>} are tables;
 *   <li>{@code core.hook_timeout_ms} is an integer of at least 1;
 *   <li>{@code core.run_timeout_ms}, {@code core.complete_timeout_ms}, {@code core.download_timeout_ms},
 *       {@code plugins.<name>.call_timeout_ms} and
 *       {@code plugins.<name>.run_timeout_ms} are integers from 1 to {@link #MAX_TIMEOUT_MS};
 *   <li>{@code plugins.<name>.required} is a boolean, {@code plugins.<name>.sandbox} a profile
 *       name and {@code plugins.<name>.grant} a table of grants ({@link #grantProblem});
 *   <li>{@code security} is a table, {@code security.audit} a boolean,
 *       {@code security.audit_max_bytes} an integer of at least 1, {@code security.untrusted}
 *       an array of absolute paths, {@code security.sandbox} a profile name,
 *       {@code security.env} {@code inherit} or {@code minimal} and
 *       {@code security.require_signatures} a boolean;
 *   <li>{@code indexes} is a table of plugin index URLs by name, each a {@code file:},
 *       {@code http:} or {@code https:} URL ({@link #validIndexUrl});
 *   <li>no key is a host key misspelt with {@code -} for {@code _}
 *       ({@code security.require-signatures}): it would be ignored while it seems to work.
 * </ul>
 * Other keys are left alone: a newer CLI's file stays readable, and each plugin's schema judges
 * its own namespace.
 */
final class Shape {

    /** How long a hook may take, in milliseconds. */
    static final ConfigKey HOOK_TIMEOUT = ConfigKey.of("core", "hook_timeout_ms");

    /** How long any plugin run may take, in milliseconds, unless the plugin's own limit says otherwise. */
    static final ConfigKey RUN_TIMEOUT = ConfigKey.of("core", "run_timeout_ms");

    /** How long a plugin that completes its own words has to answer, in milliseconds. */
    static final ConfigKey COMPLETE_TIMEOUT = ConfigKey.of("core", "complete_timeout_ms");

    /** How long a download may go without receiving a byte, in milliseconds. */
    static final ConfigKey DOWNLOAD_TIMEOUT = ConfigKey.of("core", "download_timeout_ms");

    /** In {@code plugins.<name>}: how long that plugin has to answer each protocol request, in milliseconds. */
    static final String CALL_TIMEOUT = "call_timeout_ms";

    /** In {@code plugins.<name>}: how long a run of that plugin may take, in milliseconds. */
    static final String PLUGIN_RUN_TIMEOUT = "run_timeout_ms";

    /** Whether plugin executions are written to the audit log. */
    static final ConfigKey AUDIT = ConfigKey.of("security", "audit");

    /** The size an audit log file may reach before it is rotated. */
    static final ConfigKey AUDIT_MAX_BYTES = ConfigKey.of("security", "audit_max_bytes");

    /** Directories whose plugins are not trusted by default, besides {@code ./plugins}. */
    static final ConfigKey UNTRUSTED = ConfigKey.of("security", "untrusted");

    /** The sandbox profile of every plugin that names none. */
    static final ConfigKey SANDBOX = ConfigKey.of("security", "sandbox");

    /** What plugins inherit of the environment: {@code inherit} or {@code minimal}. */
    static final ConfigKey ENV = ConfigKey.of("security", "env");

    /** Whether only plugins with a good signature by a trusted key may execute. */
    static final ConfigKey REQUIRE_SIGNATURES = ConfigKey.of("security", "require_signatures");

    /** The table of plugin indexes: {@code indexes.<name> = "<url>"}. */
    static final String INDEXES = "indexes";

    /**
     * The host's settings outside {@code plugins}; with {@link #PLUGIN_HOST_KEYS}, what a key
     * misspelt with {@code -} for {@code _} is compared with.
     */
    static final List<ConfigKey> HOST_KEYS = List.of(HOOK_TIMEOUT, RUN_TIMEOUT, COMPLETE_TIMEOUT, DOWNLOAD_TIMEOUT, AUDIT, AUDIT_MAX_BYTES, UNTRUSTED,
            SANDBOX, ENV, REQUIRE_SIGNATURES);

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
            Optional<Problem> run = limit(core, RUN_TIMEOUT.toString());
            if (run.isPresent()) {
                return run;
            }
            Optional<Problem> complete = limit(core, COMPLETE_TIMEOUT.toString());
            if (complete.isPresent()) {
                return complete;
            }
            Optional<Problem> download = limit(core, DOWNLOAD_TIMEOUT.toString());
            if (download.isPresent()) {
                return download;
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
            JsonNode sandbox = security.get("sandbox");
            if (sandbox != null && !sandbox.isNull() && !validProfile(sandbox)) {
                return wrongType(SANDBOX.toString(), Profile.NAMES, sandbox);
            }
            JsonNode env = security.get("env");
            if (env != null && !env.isNull() && !(env.isTextual() && List.of("inherit", "minimal").contains(env.asText()))) {
                return wrongType(ENV.toString(), "inherit or minimal", env);
            }
            JsonNode requireSignatures = security.get("require_signatures");
            if (requireSignatures != null && !requireSignatures.isNull() && !requireSignatures.isBoolean()) {
                return wrongType(REQUIRE_SIGNATURES.toString(), "true or false", requireSignatures);
            }
        }
        JsonNode indexes = patch.get(INDEXES);
        if (indexes != null && !indexes.isNull()) {
            if (!indexes.isObject()) {
                return wrongType(INDEXES, "a table of index URLs by name", indexes);
            }
            for (Map.Entry<String, JsonNode> index : indexes.properties()) {
                JsonNode url = index.getValue();
                if (!url.isNull() && !validIndexUrl(url)) {
                    return wrongType(INDEXES + "." + index.getKey(), "a file:, http: or https: URL", url);
                }
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
                JsonNode sandbox = namespace.get("sandbox");
                if (sandbox != null && !sandbox.isNull() && !validProfile(sandbox)) {
                    return wrongType(key + ".sandbox", Profile.NAMES, sandbox);
                }
                JsonNode grant = namespace.get("grant");
                if (grant != null && !grant.isNull()) {
                    Optional<Problem> problem = grantProblem(key + ".grant", grant);
                    if (problem.isPresent()) {
                        return problem;
                    }
                }
                for (String limit : List.of(CALL_TIMEOUT, PLUGIN_RUN_TIMEOUT)) {
                    Optional<Problem> problem = limit(namespace, key + "." + limit);
                    if (problem.isPresent()) {
                        return problem;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code value} may be a plugin index's location: an absolute {@code file:},
     * {@code http:} or {@code https:} URL (a {@code http(s):} one with a host).
     */
    static boolean validIndexUrl(JsonNode value) {
        if (!value.isTextual()) {
            return false;
        }
        try {
            URI url = new URI(value.asText());
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            return switch (scheme) {
                case "file" -> url.getPath() != null && url.getPath().startsWith("/");
                case "http", "https" -> url.getHost() != null;
                default -> false;
            };
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Whether {@code value} names a sandbox profile. */
    private static boolean validProfile(JsonNode value) {
        return value.isTextual() && Profile.of(value.asText()).isPresent();
    }

    /**
     * What is wrong with a {@code plugins.<name>.grant} table: a member that is not one of
     * {@link Grants#MEMBERS}, {@code network} not a boolean, {@code cwd} not {@code read} or
     * {@code write}, {@code read} or {@code write} not an array of absolute or {@code ~/} paths,
     * {@code env} not an array of variable names.
     */
    static Optional<Problem> grantProblem(String key, JsonNode grant) {
        if (!grant.isObject()) {
            return wrongType(key, "a table", grant);
        }
        for (Map.Entry<String, JsonNode> member : grant.properties()) {
            String name = key + "." + member.getKey();
            JsonNode value = member.getValue();
            if (!Grants.MEMBERS.contains(member.getKey())) {
                return Optional.of(new Problem(name, "'" + name + "' is not a grant (" + String.join(", ", Grants.MEMBERS) + ")"));
            }
            boolean valid = value.isNull() || switch (member.getKey()) {
                case "network" -> value.isBoolean();
                case "cwd" -> value.isTextual() && List.of("read", "write").contains(value.asText());
                case "env" -> allText(value, Grants::isVariable);
                default -> allText(value, Grants::isPath);
            };
            if (!valid) {
                return wrongType(name, switch (member.getKey()) {
                    case "network" -> "true or false";
                    case "cwd" -> "read or write";
                    case "env" -> "an array of environment variable names";
                    default -> "an array of absolute or ~/ paths";
                }, value);
            }
        }
        return Optional.empty();
    }

    private static boolean allText(JsonNode value, Predicate<String> valid) {
        if (!value.isArray()) {
            return false;
        }
        for (JsonNode entry : value) {
            if (!entry.isTextual() || !valid.test(entry.asText())) {
                return false;
            }
        }
        return true;
    }

    /** The longest time limit: an hour. */
    static final long MAX_TIMEOUT_MS = 3_600_000;

    /** Whether {@code value} may be a time limit such as {@code core.hook_timeout_ms}: 1 ms to an hour. */
    static boolean validTimeout(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= 1
                && value.asLong() <= MAX_TIMEOUT_MS;
    }

    /** The problem of the time limit at the last segment of {@code key} in {@code table}, if it has one. */
    private static Optional<Problem> limit(JsonNode table, String key) {
        JsonNode value = table.get(key.substring(key.lastIndexOf('.') + 1));
        if (value == null || value.isNull() || validTimeout(value)) {
            return Optional.empty();
        }
        return wrongType(key, "an integer of milliseconds from 1 to " + MAX_TIMEOUT_MS, value);
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
