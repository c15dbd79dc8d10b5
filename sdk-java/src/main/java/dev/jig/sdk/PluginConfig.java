package dev.jig.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.protocol.codec.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration the host gives a plugin: {@code core} (the host's own settings) and the
 * plugin's own namespace under {@code plugins.<name>}, already merged from the plugin's defaults,
 * the configuration files, the environment and {@code -c key=value}.
 *
 * <p>In run mode it comes from the JSON file named by {@code JIG_CONFIG} (see
 * {@link HostContext#config()}); in protocol mode from the {@code config} of {@code initialize}
 * and of each {@code hook} request. Read a setting with Jackson's tree API, which never throws
 * for a missing path:
 *
 * <pre>{@code
 * int top = config.plugin().path("top").asInt(10);
 * }</pre>
 *
 * <p>The trees returned are copies: changing them changes nothing here.
 */
public final class PluginConfig {

    private static final PluginConfig EMPTY = new PluginConfig(JsonNodeFactory.instance.objectNode(), Optional.empty());

    private final ObjectNode tree;
    private final Optional<String> pluginName;

    private PluginConfig(ObjectNode tree, Optional<String> pluginName) {
        this.tree = tree;
        this.pluginName = pluginName;
    }

    /**
     * No configuration at all: what a plugin sees when started without a host.
     *
     * @return the empty configuration, never null
     */
    public static PluginConfig empty() {
        return EMPTY;
    }

    /**
     * The configuration in {@code tree}.
     *
     * @param tree       the configuration object; null, JSON {@code null} or missing is empty
     * @param pluginName the plugin's name, which keys its namespace; null to take the one
     *                   namespace the host sent, whatever its name
     * @return the configuration, never null
     * @throws IllegalArgumentException when {@code tree} is not a JSON object
     */
    public static PluginConfig of(JsonNode tree, String pluginName) {
        Optional<String> name = Optional.ofNullable(pluginName).filter(n -> !n.isBlank());
        if (tree == null || tree.isNull() || tree.isMissingNode()) {
            return new PluginConfig(JsonNodeFactory.instance.objectNode(), name);
        }
        if (!tree.isObject()) {
            throw new IllegalArgumentException("the configuration must be a JSON object, not " + tree.getNodeType());
        }
        return new PluginConfig(((ObjectNode) tree).deepCopy(), name);
    }

    /**
     * Reads the configuration from a JSON file, as the host writes it for run mode.
     *
     * @param file       the file, not null
     * @param pluginName the plugin's name, or null (see {@link #of})
     * @return the configuration, never null
     * @throws ConfigException naming the file, when it cannot be read or does not hold a JSON
     *                         object
     */
    public static PluginConfig read(Path file, String pluginName) {
        Objects.requireNonNull(file, "file");
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            String reason = e instanceof java.nio.file.NoSuchFileException ? "no such file" : PluginName.describe(e);
            throw new ConfigException("cannot read the configuration file " + file + ": " + reason, e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ConfigException("the configuration file " + file + " does not hold a JSON object", null);
        }
        return of(tree, pluginName);
    }

    /**
     * The whole configuration object: {@code core} and {@code plugins}.
     *
     * @return a copy, never null
     */
    public ObjectNode tree() {
        return tree.deepCopy();
    }

    /**
     * The host's own settings, e.g. {@code core.hook_timeout_ms}.
     *
     * @return a copy of {@code core}, or an empty object, never null
     */
    public ObjectNode core() {
        return objectAt(tree.path("core"));
    }

    /**
     * The plugin's own namespace: {@code plugins.<name>}. When the plugin's name is unknown, the
     * one namespace the host sent (it sends only the plugin's own).
     *
     * @return a copy of the namespace, or an empty object, never null
     */
    public ObjectNode plugin() {
        JsonNode plugins = tree.path("plugins");
        if (pluginName.isPresent()) {
            return objectAt(plugins.path(pluginName.get()));
        }
        return plugins.size() == 1 ? objectAt(plugins.elements().next()) : JsonNodeFactory.instance.objectNode();
    }

    /**
     * Whether the host sent nothing at all.
     *
     * @return true for an empty configuration
     */
    public boolean isEmpty() {
        return tree.isEmpty();
    }

    private static ObjectNode objectAt(JsonNode node) {
        return node.isObject() ? ((ObjectNode) node).deepCopy() : JsonNodeFactory.instance.objectNode();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PluginConfig that && tree.equals(that.tree) && pluginName.equals(that.pluginName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tree, pluginName);
    }

    @Override
    public String toString() {
        return tree.toString();
    }
}
