package dev.jig.host.metadata;

import dev.jig.host.discovery.CommandPath;
import java.nio.file.Path;
import java.util.Optional;

/** What a plugin's requirements are checked against, besides the host itself. */
public interface Surroundings {

    /**
     * A runnable plugin of that name, if there is one.
     *
     * @param name a plugin name, e.g. {@code auth}
     */
    Optional<Installed> plugin(String name);

    /** The plugin that {@code command} runs, if any: a subcommand a plugin declares may be taken. */
    Optional<Path> pluginAt(CommandPath command);

    /** Whether an executable of that name is on {@code PATH}. */
    boolean onPath(String program);

    /**
     * A plugin as a requirement sees it.
     *
     * @param version its version, or null for a plain plugin
     */
    record Installed(String version) {
    }
}
