package dev.jig.host.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.host.ExitStatus;
import dev.jig.protocol.metadata.ConfigSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code config get/list/set/unset} do: read the merged configuration or one file, and change
 * one key in one file, checking the new value against the host's rules and the schema of the
 * plugin whose namespace it is in.
 */
public final class ConfigStore {

    private final Configuration config;
    private final Map<String, ConfigSpec> plugins;

    /**
     * @param config  the configuration as loaded
     * @param plugins each installed plugin's config spec by name: their defaults are listed and
     *                their schemas judge {@code set}
     */
    public ConfigStore(Configuration config, Map<String, ConfigSpec> plugins) {
        this.config = config;
        this.plugins = Map.copyOf(plugins);
    }

    /** Everything, defaults included (no hook runs). */
    public Merged effective() {
        return config.effective(plugins);
    }

    /** Only what the file of {@code scope} holds; empty when it does not exist. */
    public Merged file(Scope scope) {
        return Merged.of(config.file(scope).map(List::of).orElse(List.of()));
    }

    /**
     * Sets {@code key} to {@code value} in the file of {@code scope} (creating it), replacing
     * whatever was there; a JSON {@code null} unsets it.
     *
     * @return the file written
     * @throws ConfigException {@link ExitStatus#USAGE} for a key the host does not know;
     *                         {@link ExitStatus#CONFIG} for a value of the wrong type, one the
     *                         plugin's schema rejects, or a file that is not valid TOML (nothing is
     *                         written then)
     * @throws IOException     when the file cannot be written
     */
    public Path set(Scope scope, ConfigKey key, JsonNode value) throws ConfigException, IOException {
        checkSettable(key);
        Path path = target(scope);
        if (value.isNull()) {
            unset(scope, key);
            return path;
        }
        Optional<Shape.Problem> shape = Shape.check(key.patch(value));
        if (shape.isPresent()) {
            throw new ConfigException("cannot set " + key + ": " + shape.get().message() + "; nothing was written.");
        }
        new ConfigWriter(path, scope, config.cliName()).update(current -> {
            ObjectNode next = (ObjectNode) MergePatch.apply(MergePatch.apply(current, key.patch(NullNode.getInstance())),
                    key.patch(value));
            checkSchema(key, scope, path, current, next);
            return Optional.of(next);
        });
        return path;
    }

    /**
     * Removes {@code key} from the file of {@code scope}, and tables it leaves empty.
     *
     * @return whether the file held the key (and was rewritten)
     * @throws ConfigException when the file is not valid TOML (it is left untouched)
     * @throws IOException     when the file cannot be written
     */
    public boolean unset(Scope scope, ConfigKey key) throws ConfigException, IOException {
        Path path = target(scope);
        if (!Files.exists(path)) {
            return false;
        }
        return new ConfigWriter(path, scope, config.cliName()).update(current -> {
            if (key.find(current).isEmpty()) {
                return Optional.empty();
            }
            ObjectNode next = (ObjectNode) MergePatch.apply(current, key.patch(NullNode.getInstance()));
            pruneEmptyTables(next, key);
            return Optional.of(next);
        });
    }

    /** The file {@code scope} writes to. */
    public Path target(Scope scope) throws ConfigException {
        return config.locations().target(scope).orElseThrow(() -> new ConfigException(
                "there is no user config file: neither XDG_CONFIG_HOME nor HOME is an absolute path."
                        + " Set HOME, or use " + Scope.PROJECT.option() + "."));
    }

    /**
     * Keys outside the host's own ({@link Shape#HOST_KEYS}), {@code indexes.<name>} and {@code plugins.<name>...} are
     * typos; a host key misspelt with {@code -} for {@code _} is named with its right spelling.
     */
    private static void checkSettable(ConfigKey key) throws ConfigException {
        List<String> segments = key.segments();
        String first = segments.get(0);
        Optional<String> meant = Shape.hostSpelling(segments);
        if (meant.isPresent()) {
            throw new ConfigException("unknown key '" + key + "': did you mean '" + meant.get() + "'?", ExitStatus.USAGE);
        }
        if (first.equals("core") || first.equals("security")) {
            List<String> settable = Shape.HOST_KEYS.stream().filter(host -> host.segments().get(0).equals(first))
                    .map(ConfigKey::toString).toList();
            if (!settable.contains(key.toString())) {
                throw new ConfigException("unknown key '" + key + "': the " + first + " settings are "
                        + String.join(", ", settable), ExitStatus.USAGE);
            }
        } else if (first.equals(Shape.INDEXES)) {
            if (segments.size() != 2) {
                throw new ConfigException("name one index: " + Shape.INDEXES + ".<name>, set to its URL", ExitStatus.USAGE);
            }
        } else if (first.equals("plugins")) {
            if (segments.size() < 2) {
                throw new ConfigException("name a plugin's setting: plugins.<plugin>.<key>", ExitStatus.USAGE);
            }
        } else {
            throw new ConfigException("unknown key '" + key + "': settings are under 'core.', 'security.', 'indexes.'"
                    + " and 'plugins.<plugin>.'",
                    ExitStatus.USAGE);
        }
    }

    /** Refuses a value that adds a schema violation to an installed plugin's namespace. */
    private void checkSchema(ConfigKey key, Scope scope, Path path, ObjectNode current, ObjectNode next)
            throws ConfigException {
        if (!key.segments().get(0).equals("plugins")) {
            return;
        }
        String plugin = key.segments().get(1);
        ConfigSpec spec = plugins.get(plugin);
        if (spec == null || spec.schema() == null) {
            return;
        }
        List<String> before = config.withFile(scope, path, current).forPlugin(plugin, spec).problems();
        List<String> after = new ArrayList<>(config.withFile(scope, path, next).forPlugin(plugin, spec).problems());
        after.removeAll(before);
        if (!after.isEmpty()) {
            throw new ConfigException("cannot set " + key + ", plugin " + plugin + " does not accept it: "
                    + after.get(0) + "; nothing was written.");
        }
    }

    private static void pruneEmptyTables(ObjectNode root, ConfigKey removed) {
        List<String> segments = removed.segments();
        for (int depth = segments.size() - 1; depth >= 1; depth--) {
            ConfigKey table = new ConfigKey(segments.subList(0, depth));
            Optional<JsonNode> node = table.find(root);
            if (node.isEmpty() || !node.get().isObject() || !node.get().isEmpty()) {
                return;
            }
            JsonNode parent = depth == 1 ? root : new ConfigKey(segments.subList(0, depth - 1)).find(root)
                    .orElse(JsonNodeFactory.instance.objectNode());
            ((ObjectNode) parent).remove(segments.get(depth - 1));
        }
    }
}
