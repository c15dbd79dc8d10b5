package dev.jig.host.config;

import dev.jig.host.ExitStatus;

/**
 * Configuration that cannot be used: a malformed file, an invalid value, a bad key. The message
 * is one line that names where the problem is (file and line, variable or flag) and what to do.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int exitStatus;

    /** A malformed or invalid file or setting: {@link ExitStatus#CONFIG}. */
    public ConfigException(String message) {
        this(message, ExitStatus.CONFIG);
    }

    /**
     * @param exitStatus what the CLI exits with: {@link ExitStatus#CONFIG}, or
     *                   {@link ExitStatus#USAGE} for a bad key typed on the command line
     */
    public ConfigException(String message, int exitStatus) {
        super(message.replaceAll("\\s*\\R\\s*", " "));
        this.exitStatus = exitStatus;
    }

    /** The exit status a CLI should end with. */
    public int exitStatus() {
        return exitStatus;
    }
}
