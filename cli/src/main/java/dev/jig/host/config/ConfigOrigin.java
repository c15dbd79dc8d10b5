package dev.jig.host.config;

import java.nio.file.Path;
import java.util.Objects;

/** Which layer set a value, as {@code config list --show-origin} shows it. */
public sealed interface ConfigOrigin {

    /** The form {@code --show-origin} prints, like {@code git config --show-origin}. */
    String describe();

    /** Where the value was set, for "(set in ...)" at the end of a problem. */
    String where();

    /** The host's own default, such as {@code core.hook_timeout_ms}. */
    record HostDefault() implements ConfigOrigin {
        @Override
        public String describe() {
            return "default";
        }

        @Override
        public String where() {
            return "the defaults";
        }
    }

    /** The {@code config.defaults} a plugin declares in its metadata. */
    record PluginDefaults(String plugin) implements ConfigOrigin {
        public PluginDefaults {
            Objects.requireNonNull(plugin, "plugin");
        }

        @Override
        public String describe() {
            return "plugin " + plugin + " (defaults)";
        }

        @Override
        public String where() {
            return "the defaults of plugin " + plugin;
        }
    }

    /** A merge patch a plugin returned from a hook. */
    record ConfigHook(String plugin) implements ConfigOrigin {
        public ConfigHook {
            Objects.requireNonNull(plugin, "plugin");
        }

        @Override
        public String describe() {
            return "plugin " + plugin + " (config hook)";
        }

        @Override
        public String where() {
            return "a config hook of plugin " + plugin;
        }
    }

    /** A configuration file. */
    record File(Path path, Scope scope) implements ConfigOrigin {
        public File {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(scope, "scope");
        }

        @Override
        public String describe() {
            return "file:" + path;
        }

        @Override
        public String where() {
            return path.toString();
        }
    }

    /** An environment variable {@code <PREFIX>CONFIG_<KEY>}. */
    record Environment(String variable) implements ConfigOrigin {
        public Environment {
            Objects.requireNonNull(variable, "variable");
        }

        @Override
        public String describe() {
            return "env:" + variable;
        }

        @Override
        public String where() {
            return "environment variable " + variable;
        }
    }

    /** A {@code -c key=value} flag. */
    record CommandLine(String assignment) implements ConfigOrigin {
        public CommandLine {
            Objects.requireNonNull(assignment, "assignment");
        }

        @Override
        public String describe() {
            return "command line: -c " + assignment;
        }

        @Override
        public String where() {
            return "-c " + assignment;
        }
    }
}
