package dev.jig.host.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.host.ExitStatus;
import dev.jig.host.HostSettings;
import dev.jig.host.sandbox.Grants;
import dev.jig.host.sandbox.Profile;
import dev.jig.host.sandbox.SandboxSettings;
import dev.jig.protocol.metadata.ConfigSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The configuration as the files, the environment and the command line give it. Layers, lowest
 * precedence first, each an RFC 7386 merge patch over the ones below:
 * <ol>
 *   <li>plugin defaults ({@code config.defaults} in a plugin's metadata, inside
 *       {@code plugins.<name>} only), then its config hook patches;
 *   <li>the system, user and project files (see {@link ConfigLocations});
 *   <li>environment variables {@code <PREFIX>CONFIG_<KEY>}: the rest of the name lower-cased,
 *       {@code __} for {@code .}, applied in name order ({@code JIG_CONFIG_PLUGINS__GREET__LANG=fr}
 *       sets {@code plugins.greet.lang}); {@code <PREFIX>CONFIG} alone is not a layer;
 *   <li>{@code -c key=value} flags, in order.
 * </ol>
 * Values of variables and flags are read by {@link ValueText}; {@code null} deletes a key.
 *
 * <p>Loading checks only that files exist when there are none, and touches no JSON or TOML
 * library then: a run without configuration pays a few {@code stat} calls.
 */
public final class Configuration {

    /** {@code core.hook_timeout_ms} when nothing sets it. */
    public static final long DEFAULT_HOOK_TIMEOUT_MS = 5000;

    /** {@code core.complete_timeout_ms} when nothing sets it: a TAB must not keep the user waiting. */
    public static final long DEFAULT_COMPLETE_TIMEOUT_MS = 500;
    /** {@code core.download_timeout_ms} when nothing sets it. */
    public static final long DEFAULT_DOWNLOAD_TIMEOUT_MS = 30_000;

    /** {@code security.audit_max_bytes} when nothing sets it: 1 MiB. */
    public static final long DEFAULT_AUDIT_MAX_BYTES = 1 << 20;

    private final String cli;
    private final ConfigLocations locations;
    private final Map<Scope, Layer> files;
    private final List<Layer> environment;
    private final List<Layer> flags;
    private final List<ConfigException> problems;
    private Merged merged;
    private Merged policy;

    private Configuration(String cli, ConfigLocations locations, Map<Scope, Layer> files, List<Layer> environment,
            List<Layer> flags, List<ConfigException> problems) {
        this.cli = cli;
        this.locations = locations;
        this.files = files;
        this.environment = List.copyOf(environment);
        this.flags = List.copyOf(flags);
        this.problems = List.copyOf(problems);
    }

    /**
     * Reads every layer and checks it.
     *
     * @param flagAssignments the {@code -c} flags' {@code key=value} texts, in order
     * @throws ConfigException the first problem: a file that cannot be read or is not TOML, a bad
     *                         key, a host setting of the wrong type
     */
    public static Configuration load(HostSettings settings, List<String> flagAssignments) throws ConfigException {
        Configuration config = read(settings, flagAssignments);
        config.check();
        return config;
    }

    /**
     * No file, variable or flag: every setting at its default. For an embedding CLI that keeps
     * its own settings, and for tests.
     */
    public static Configuration defaults(HostSettings settings) {
        return new Configuration(settings.cli().name(), ConfigLocations.of(settings), new EnumMap<>(Scope.class),
                List.of(), List.of(), List.of());
    }

    /**
     * Reads every layer, keeping values of the wrong type as {@link #problems()} instead of
     * failing: {@code config unset} must work on a file that holds one.
     *
     * @throws ConfigException when a file cannot be read or is not TOML, or a flag's key is bad
     */
    public static Configuration read(HostSettings settings, List<String> flagAssignments) throws ConfigException {
        String cli = settings.cli().name();
        ConfigLocations locations = ConfigLocations.of(settings);
        Map<Scope, Layer> files = new EnumMap<>(Scope.class);
        List<ConfigException> problems = new ArrayList<>();
        for (Scope scope : Scope.values()) {
            Optional<Path> path = locations.file(scope);
            if (path.isEmpty()) {
                settings.tracer().step("config", () -> scope.name().toLowerCase(Locale.ROOT) + " layer: no file");
            }
            if (path.isPresent()) {
                Optional<ObjectNode> content = ConfigFile.read(path.get(), cli);
                settings.tracer().step("config", () -> scope.name().toLowerCase(Locale.ROOT) + " layer: " + path.get()
                        + (content.isPresent() ? " (read)" : " (absent)"));
                if (content.isPresent()) {
                    Layer layer = new Layer(new ConfigOrigin.File(path.get(), scope), content.get());
                    files.put(scope, layer);
                    Shape.check(layer.patch()).ifPresent(problem -> problems.add(new ConfigException(path.get() + ": "
                            + problem.message() + ". Fix the file" + unsetAdvice(cli, problem, scope) + ".")));
                }
            }
        }
        List<Layer> environment = new ArrayList<>();
        String prefix = settings.cli().envPrefix() + "CONFIG_";
        for (Map.Entry<String, String> variable : new TreeMap<>(settings.environment()).entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith(prefix) || name.length() == prefix.length()) {
                continue;
            }
            String keyText = name.substring(prefix.length()).toLowerCase(Locale.ROOT).replace("__", ".");
            Optional<ConfigKey> key = ConfigKey.parse(keyText);
            if (key.isEmpty()) {
                problems.add(new ConfigException("environment variable " + name + ": '" + keyText + "' is not a valid key ("
                        + ConfigKey.SYNTAX + "; '__' stands for '.'). Rename or unset the variable."));
                continue;
            }
            settings.tracer().step("config", () -> "environment layer: " + name);
            Layer layer = new Layer(new ConfigOrigin.Environment(name), key.get().patch(ValueText.parse(variable.getValue())));
            environment.add(layer);
            Shape.check(layer.patch()).ifPresent(problem -> problems.add(new ConfigException("environment variable "
                    + name + ": " + problem.message() + ". Change or unset the variable.")));
        }
        List<Layer> flags = new ArrayList<>();
        for (String assignment : flagAssignments) {
            int equals = assignment.indexOf('=');
            String keyText = equals < 0 ? assignment : assignment.substring(0, equals);
            Optional<ConfigKey> key = ConfigKey.parse(keyText);
            if (equals < 0 || key.isEmpty()) {
                throw new ConfigException("-c " + assignment + ": expected key=value with a key of " + ConfigKey.SYNTAX
                        + ", e.g. -c plugins.greet.lang=fr", ExitStatus.USAGE);
            }
            settings.tracer().step("config", () -> "command-line layer: -c " + assignment);
            Layer layer = new Layer(new ConfigOrigin.CommandLine(assignment),
                    key.get().patch(ValueText.parse(assignment.substring(equals + 1))));
            flags.add(layer);
            Shape.check(layer.patch()).ifPresent(problem -> problems.add(new ConfigException("-c " + assignment + ": "
                    + problem.message() + ". Fix the option.")));
        }
        return new Configuration(cli, locations, files, environment, flags, problems);
    }

    private static String unsetAdvice(String cli, Shape.Problem problem, Scope scope) {
        return ConfigKey.parse(problem.key())
                .map(key -> " or run '" + cli + " config unset " + scope.option() + " " + key + "'")
                .orElse("");
    }

    /** Throws the first of {@link #problems()}, if any. */
    public void check() throws ConfigException {
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
    }

    /** Values of the wrong type for the host, each naming its layer and what to do; empty when there are none. */
    public List<ConfigException> problems() {
        return problems;
    }

    /** Whether no file, variable or flag exists: then every setting has its default. */
    public boolean isEmpty() {
        return files.isEmpty() && environment.isEmpty() && flags.isEmpty();
    }

    /** Where the files are. */
    public ConfigLocations locations() {
        return locations;
    }

    /** The name of the CLI the configuration is for. */
    public String cliName() {
        return cli;
    }

    /** The files, variables and flags, lowest precedence first. */
    public List<Layer> layers() {
        List<Layer> layers = new ArrayList<>(files.values()); // EnumMap: system, user, project
        layers.addAll(environment);
        layers.addAll(flags);
        return layers;
    }

    /** The layer of one file, if it exists. */
    public Optional<Layer> file(Scope scope) {
        return Optional.ofNullable(files.get(scope));
    }

    /** A copy in which the file of {@code scope} holds {@code content} (as {@code config set} would leave it). */
    public Configuration withFile(Scope scope, Path path, ObjectNode content) {
        Map<Scope, Layer> replaced = new EnumMap<>(Scope.class);
        replaced.putAll(files);
        replaced.put(scope, new Layer(new ConfigOrigin.File(path, scope), content));
        return new Configuration(cli, locations, replaced, environment, flags, problems);
    }

    /** The host's defaults, then every layer: what the host itself reads. */
    public Merged merged() {
        if (merged == null) {
            List<Layer> layers = new ArrayList<>();
            layers.add(hostDefaults());
            layers.addAll(layers());
            merged = Merged.of(layers);
        }
        return merged;
    }

    /**
     * The host's defaults and every layer except the project's file: where the settings that
     * loosen a plugin's confinement are read ({@code security.*} but {@code security.untrusted},
     * and the host's keys under {@code plugins.<name>} but {@code required}). A project's file
     * comes with the code it configures; a cloned repository must not grant its own plugins
     * the network or turn their sandbox off.
     */
    public Merged policy() {
        if (policy == null) {
            List<Layer> layers = new ArrayList<>();
            layers.add(hostDefaults());
            for (Layer layer : layers()) {
                if (!(layer.origin() instanceof ConfigOrigin.File file && file.scope() == Scope.PROJECT)) {
                    layers.add(layer);
                }
            }
            policy = Merged.of(layers);
        }
        return policy;
    }

    /**
     * What {@code config list} shows: the host's defaults, the defaults of the installed plugins
     * (no hook runs), then every layer.
     *
     * @param plugins each installed plugin's config spec by plugin name
     */
    public Merged effective(Map<String, ConfigSpec> plugins) {
        List<Layer> layers = new ArrayList<>();
        layers.add(hostDefaults());
        new TreeMap<>(plugins).forEach((name, spec) -> pluginDefaults(name, spec).ifPresent(layers::add));
        layers.addAll(layers());
        return Merged.of(layers);
    }

    /** Whether the user marked a plugin required ({@code plugins.<name>.required = true}): its hook failures stop commands. */
    public boolean required(String plugin) {
        if (isEmpty() || !ConfigKey.isSegment(plugin)) {
            return false;
        }
        return ConfigKey.of("plugins", plugin, "required").find(merged().value()).map(JsonNode::asBoolean).orElse(false);
    }

    /** The plugins marked required ({@code plugins.<name>.required = true}), by name, sorted. */
    public List<String> requiredPlugins() {
        if (isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        merged().value().path("plugins").fields().forEachRemaining(entry -> {
            if (entry.getValue().path("required").asBoolean(false)) {
                names.add(entry.getKey());
            }
        });
        names.sort(null);
        return names;
    }

    /**
     * The directories marked untrusted ({@code security.untrusted}): their plugins run only when
     * the user trusted them one by one, as those of {@code ./plugins}. Empty by default.
     *
     * <p>Unlike every other setting, the lists of all layers are combined rather than merged: a
     * higher layer (a cloned project's {@code .<cli>/config.toml}, say) cannot take back a
     * directory that a lower one marked untrusted.
     */
    public List<Path> untrustedDirectories() {
        if (isEmpty()) {
            return List.of();
        }
        List<Path> dirs = new ArrayList<>();
        for (Layer layer : layers()) {
            Shape.UNTRUSTED.find(layer.patch()).filter(Shape::validDirectories).ifPresent(array ->
                    array.forEach(entry -> {
                        Path dir = Path.of(entry.asText()).normalize();
                        if (!dirs.contains(dir)) {
                            dirs.add(dir);
                        }
                    }));
        }
        return List.copyOf(dirs);
    }

    /** How long a hook may take: {@code core.hook_timeout_ms}, 5 seconds by default. */
    public Duration hookTimeout() {
        if (isEmpty()) {
            return Duration.ofMillis(DEFAULT_HOOK_TIMEOUT_MS);
        }
        return Duration.ofMillis(Shape.HOOK_TIMEOUT.find(merged().value())
                .filter(Shape::validTimeout).map(JsonNode::asLong).orElse(DEFAULT_HOOK_TIMEOUT_MS));
    }

    /**
     * How long a download of a plugin or an index may go without receiving a byte before it
     * fails: {@code core.download_timeout_ms}, 30 seconds by default.
     */
    public Duration downloadTimeout() {
        if (isEmpty()) {
            return Duration.ofMillis(DEFAULT_DOWNLOAD_TIMEOUT_MS);
        }
        return limit(Shape.DOWNLOAD_TIMEOUT).map(TimeLimit::duration).orElse(Duration.ofMillis(DEFAULT_DOWNLOAD_TIMEOUT_MS));
    }

    /**
     * How long a plugin that completes its own words has, from its start to its answer:
     * {@code core.complete_timeout_ms}, 500 ms by default.
     */
    public Duration completeTimeout() {
        if (isEmpty()) {
            return Duration.ofMillis(DEFAULT_COMPLETE_TIMEOUT_MS);
        }
        return limit(Shape.COMPLETE_TIMEOUT).map(TimeLimit::duration)
                .orElse(Duration.ofMillis(DEFAULT_COMPLETE_TIMEOUT_MS));
    }

    /**
     * How long {@code plugin} has to answer each protocol request (its handshake probe, its hook
     * session's start and each hook): {@code plugins.<name>.call_timeout_ms}, read from
     * {@link #policy()}; empty when not set.
     */
    public Optional<Duration> callTimeout(String plugin) {
        return pluginLimit(plugin, Shape.CALL_TIMEOUT).map(TimeLimit::duration);
    }

    /**
     * How long a run of {@code plugin} may take: {@code plugins.<name>.run_timeout_ms}, else
     * {@code core.run_timeout_ms}, read from {@link #policy()}; empty when neither is set (no limit).
     */
    public Optional<TimeLimit> runTimeout(String plugin) {
        if (isEmpty()) {
            return Optional.empty();
        }
        Optional<TimeLimit> own = pluginLimit(plugin, Shape.PLUGIN_RUN_TIMEOUT);
        return own.isPresent() ? own : limit(Shape.RUN_TIMEOUT);
    }

    private Optional<TimeLimit> pluginLimit(String plugin, String name) {
        if (isEmpty() || !ConfigKey.isSegment(plugin)) {
            return Optional.empty();
        }
        return limit(ConfigKey.of("plugins", plugin, name));
    }

    private Optional<TimeLimit> limit(ConfigKey key) {
        return key.find(policy().value()).filter(Shape::validTimeout)
                .map(value -> new TimeLimit(Duration.ofMillis(value.asLong()), key.toString()));
    }

    /**
     * Whether plugin executions are written to the audit log: {@code security.audit}, off by
     * default (the launcher's fast path cannot write it, so auditing turns the fast path off).
     */
    public boolean auditEnabled() {
        if (isEmpty()) {
            return false;
        }
        return Shape.AUDIT.find(merged().value()).filter(JsonNode::isBoolean).map(JsonNode::asBoolean).orElse(false);
    }

    /** The size an audit log file may reach before it is rotated: {@code security.audit_max_bytes}, 1 MiB by default. */
    public long auditMaxBytes() {
        if (isEmpty()) {
            return DEFAULT_AUDIT_MAX_BYTES;
        }
        return Shape.AUDIT_MAX_BYTES.find(merged().value()).filter(Shape::validMaxBytes).map(JsonNode::asLong)
                .orElse(DEFAULT_AUDIT_MAX_BYTES);
    }

    /**
     * How plugins are confined, read from {@link #policy()}: {@code security.sandbox} (default
     * {@code none}), {@code security.env} (default {@code inherit}), and each plugin's
     * {@code plugins.<name>.sandbox} and {@code plugins.<name>.grant}.
     */
    public SandboxSettings sandboxSettings() {
        if (isEmpty()) {
            return SandboxSettings.NONE;
        }
        JsonNode policy = policy().value();
        Profile defaultProfile = Shape.SANDBOX.find(policy).flatMap(value -> Profile.of(value.asText())).orElse(Profile.NONE);
        Map<String, Profile> profiles = new TreeMap<>();
        Map<String, Grants> grants = new TreeMap<>();
        policy.path("plugins").properties().forEach(plugin -> {
            JsonNode profile = plugin.getValue().get("sandbox");
            if (profile != null) {
                Profile.of(profile.asText()).ifPresent(found -> profiles.put(plugin.getKey(), found));
            }
            if (plugin.getValue().has("grant")) {
                grants.put(plugin.getKey(), Grants.of(plugin.getValue().get("grant")));
            }
        });
        boolean minimal = Shape.ENV.find(policy).map(JsonNode::asText).filter("minimal"::equals).isPresent();
        return new SandboxSettings(defaultProfile, profiles, grants, minimal);
    }

    /**
     * Whether only plugins with a good signature by a trusted key may execute:
     * {@code security.require_signatures}, off by default. Read from {@link #policy()}: a
     * project's file cannot turn it off.
     */
    public boolean requireSignatures() {
        if (isEmpty()) {
            return false;
        }
        return Shape.REQUIRE_SIGNATURES.find(policy().value()).filter(JsonNode::isBoolean).map(JsonNode::asBoolean)
                .orElse(false);
    }

    /**
     * The plugin indexes ({@code indexes.<name> = "<url>"}), in the order they are first defined:
     * the system file, the user file, then variables and {@code -c} flags, each in its own order.
     * Read from {@link #policy()}: a project's file cannot add an index or point one elsewhere,
     * as a cloned repository must not choose where plugins are downloaded from. Empty by default.
     */
    public Map<String, URI> indexes() {
        if (isEmpty()) {
            return Map.of();
        }
        Map<String, URI> indexes = new LinkedHashMap<>();
        policy().value().path(Shape.INDEXES).properties().forEach(index -> {
            if (Shape.validIndexUrl(index.getValue())) {
                indexes.put(index.getKey(), URI.create(index.getValue().asText()));
            }
        });
        return Collections.unmodifiableMap(indexes);
    }

    /**
     * One plugin's view: its defaults and schema from {@code spec}, every layer, and the config
     * hook patches it returns.
     *
     * @param spec the plugin's {@code config} metadata; null when it declares none
     */
    public PluginConfig forPlugin(String name, ConfigSpec spec) {
        if (!ConfigKey.isSegment(name)) {
            throw new IllegalArgumentException("not a plugin name usable as a key: '" + name + "'");
        }
        return new PluginConfig(this, name, spec);
    }

    /** {@code core.hook_timeout_ms = 5000}. */
    static Layer hostDefaults() {
        ObjectNode defaults = JsonNodeFactory.instance.objectNode();
        defaults.putObject("core").put("hook_timeout_ms", Math.toIntExact(DEFAULT_HOOK_TIMEOUT_MS)); // an int, as a file's 5000 reads
        return new Layer(new ConfigOrigin.HostDefault(), defaults);
    }

    /**
     * A plugin's defaults as a layer inside {@code plugins.<name>}; the host's keys there belong
     * to the user, and members whose names are not keys are dropped.
     */
    static Optional<Layer> pluginDefaults(String name, ConfigSpec spec) {
        if (spec == null || spec.defaults() == null || !spec.defaults().isObject() || !ConfigKey.isSegment(name)) {
            return Optional.empty();
        }
        ObjectNode namespace = Shape.keysOnly((ObjectNode) spec.defaults());
        namespace.remove(Shape.PLUGIN_HOST_KEYS);
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.putObject("plugins").set(name, namespace);
        return Optional.of(new Layer(new ConfigOrigin.PluginDefaults(name), patch));
    }
}
