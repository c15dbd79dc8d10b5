package dev.jig.host.discovery;

import java.nio.file.Path;

/**
 * A plugin file found on the search path.
 *
 * @param command the command it implements
 * @param path    the file, inside {@code dir}
 * @param dir     the search-path directory it was found in
 */
public record PluginFile(CommandPath command, Path path, PluginDir dir) {

    /** The plugin's name: its file name without the CLI prefix, e.g. {@code foo_bar-baz}. */
    public String name() {
        return command.pluginName();
    }
}
