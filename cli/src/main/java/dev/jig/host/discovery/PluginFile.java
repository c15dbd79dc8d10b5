package dev.jig.host.discovery;

import java.nio.file.Path;
import java.util.List;

/**
 * A plugin found on the search path: an executable, or a directory with a manifest.
 *
 * @param command the command it implements
 * @param path    the executable, or the manifest file ({@code plugin.json} or {@code package.json})
 * @param dir     the search-path directory it was found in
 * @param form    which of the two it is
 */
public record PluginFile(CommandPath command, Path path, PluginDir dir, Form form) {

    /** The two shapes a plugin takes on disk. */
    public enum Form {
        /** An executable file named {@code <cli>-<name>}. */
        EXECUTABLE,
        /** A directory {@code <name>/} holding {@code plugin.json} or {@code package.json}. */
        MANIFEST
    }

    /** The manifest file names, in the order they are looked for. */
    public static final List<String> MANIFESTS = List.of("plugin.json", "package.json");

    /**
     * The detached signature of a directory plugin, at the top of its directory; its tree digest
     * leaves this file out. An executable's signature is the file beside it named
     * {@code <executable>}{@link #SIGNATURE_SUFFIX}.
     */
    public static final String SIGNATURE = "plugin.sig";

    /** What an executable's detached signature adds to its file name; no plugin's name ends with it. */
    public static final String SIGNATURE_SUFFIX = ".sig";

    /** The plugin's name: its file or directory name without the CLI prefix, e.g. {@code foo_bar-baz}. */
    public String name() {
        return command.pluginName();
    }

    /** The directory a manifest plugin lives in; for an executable, the directory holding it. */
    public Path home() {
        return path.getParent();
    }
}
