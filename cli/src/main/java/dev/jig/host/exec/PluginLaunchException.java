package dev.jig.host.exec;

import java.nio.file.Path;

/** The operating system refused to start a plugin (a bad {@code #!} line, a missing loader). */
public final class PluginLaunchException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    PluginLaunchException(Path path, String reason, Throwable cause) {
        super(reason, cause);
        this.path = path;
    }

    /** The plugin file that could not be started. */
    public Path path() {
        return path;
    }
}
