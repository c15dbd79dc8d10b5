package dev.jig.host.install;

/**
 * Why a plugin was not installed, upgraded, uninstalled or linked. Its message is one line that
 * names the plugin, file or URL and says what to do; nothing was changed.
 */
public final class InstallException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitStatus;

    /**
     * @param message    one line, without the CLI's name
     * @param exitStatus the documented exit status ({@link dev.jig.host.ExitStatus})
     */
    public InstallException(String message, int exitStatus) {
        super(message);
        this.exitStatus = exitStatus;
    }

    /** The exit status the command returns. */
    public int exitStatus() {
        return exitStatus;
    }
}
