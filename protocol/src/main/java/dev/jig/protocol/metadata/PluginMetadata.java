package dev.jig.protocol.metadata;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Everything a plugin tells the host about itself: the result of {@code initialize}, and the
 * body of a manifest.
 *
 * @param name        the plugin's name: its file name without the CLI prefix (mandatory)
 * @param version     its version, semver (mandatory)
 * @param description one line, shown by {@code help}
 * @param vendor      who makes it
 * @param homepage    where to learn more, a URL
 * @param usage       the synopsis after its command word, e.g. {@code [--shout] NAME...}
 * @param flags       the flags of its own command
 * @param commands    its subcommands, as a tree
 * @param hooks       lifecycle events it subscribes to, e.g. {@code prerun}
 * @param requires    what it needs
 * @param config      the configuration it owns
 * @param permissions what it asks to be allowed inside a sandbox
 * @param completion  whether it answers {@code complete} requests for the words of its command
 *                    line; false when absent
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PluginMetadata(
        String name,
        String version,
        String description,
        String vendor,
        String homepage,
        String usage,
        List<FlagSpec> flags,
        List<CommandSpec> commands,
        List<String> hooks,
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = NoRequirements.class) Requirements requires,
        ConfigSpec config,
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = NoPermissions.class) Permissions permissions,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean completion) {

    public PluginMetadata {
        flags = flags == null ? List.of() : List.copyOf(flags);
        commands = commands == null ? List.of() : List.copyOf(commands);
        hooks = hooks == null ? List.of() : List.copyOf(hooks);
        requires = requires == null ? Requirements.NONE : requires;
        permissions = permissions == null ? Permissions.NONE : permissions;
    }

    /** Metadata that requests no permissions. */
    public PluginMetadata(String name, String version, String description, String vendor, String homepage, String usage,
                          List<FlagSpec> flags, List<CommandSpec> commands, List<String> hooks, Requirements requires,
                          ConfigSpec config) {
        this(name, version, description, vendor, homepage, usage, flags, commands, hooks, requires, config, null);
    }

    /** Metadata of a plugin that does not complete its own words. */
    public PluginMetadata(String name, String version, String description, String vendor, String homepage, String usage,
                          List<FlagSpec> flags, List<CommandSpec> commands, List<String> hooks, Requirements requires,
                          ConfigSpec config, Permissions permissions) {
        this(name, version, description, vendor, homepage, usage, flags, commands, hooks, requires, config, permissions,
                false);
    }

    /** Leaves {@code "requires": {}} out of the JSON: no requirements is the default. */
    static final class NoRequirements {
        @Override
        public boolean equals(Object value) {
            return value == null || Requirements.NONE.equals(value);
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** Leaves {@code "permissions": {}} out of the JSON: nothing requested is the default. */
    static final class NoPermissions {
        @Override
        public boolean equals(Object value) {
            return value == null || Permissions.NONE.equals(value);
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
