package dev.jig.host;

/**
 * The exit codes the host itself produces. Any other code comes from the plugin, unchanged; a
 * plugin killed by signal N yields {@code 128 + N}, as in a POSIX shell.
 */
public final class ExitStatus {
    /** The command succeeded. */
    public static final int OK = 0;
    /** The host failed: an internal error, or an I/O error it could not work around. */
    public static final int FAILURE = 1;
    /** The command line was wrong: an unknown option, a missing argument. */
    public static final int USAGE = 2;
    /** {@code plugins verify}: the plugin has no signature. */
    public static final int SIGNATURE_MISSING = 3;
    /** {@code plugins verify}: the plugin is signed by a key the user does not trust. */
    public static final int SIGNATURE_UNKNOWN_KEY = 4;
    /** {@code plugins verify}: the signature is damaged, or the plugin changed since it was signed. */
    public static final int SIGNATURE_BAD = 5;
    /** {@code plugins test}: the plugin failed at least one conformance check. */
    public static final int TEST_FAILED = 6;
    /**
     * {@code plugins install/upgrade}: an artifact is not what its index or the lock file says:
     * another SHA-256, a bad signature, or none where signatures are required. Nothing changed.
     */
    public static final int NOT_VERIFIED = 7;
    /**
     * {@code plugins install/upgrade/search/outdated}: an index or artifact could not be fetched
     * or read: an HTTP error, a refused connection, a truncated or stalled download, a missing file.
     * Nothing changed.
     */
    public static final int FETCH_FAILED = 8;
    /**
     * {@code plugins install/upgrade}: what was asked for cannot be found or fitted together: no
     * index has the plugin, no release matches the range or this platform, requirements conflict,
     * the lock file does not list it. Nothing changed.
     */
    public static final int UNRESOLVED = 9;
    /**
     * {@code plugins install/upgrade/uninstall/link}: refused: an archive entry escapes it or is a
     * special file, the artifact holds no plugin, a lifecycle hook refused, another plugin needs
     * the one to uninstall, or something that was not installed is in the way. Nothing changed.
     */
    public static final int REFUSED = 10;
    /**
     * A plugin run exceeded its wall-clock limit ({@code plugins.<name>.run_timeout_ms} or
     * {@code core.run_timeout_ms}) and was stopped with every process it started; as
     * {@code timeout(1)} reports it.
     */
    public static final int TIMED_OUT = 124;
    /**
     * A {@code config} or {@code prerun} hook of a plugin that the configuration marks required
     * ({@code plugins.<name>.required}) crashed, timed out or answered garbage.
     */
    public static final int HOOK_FAILED = 125;
    /**
     * A plugin's sandbox cannot be set up (as sysexits' {@code EX_UNAVAILABLE}): {@code bwrap} is
     * missing, this is not Linux, or namespaces are not allowed. The plugin did not run.
     */
    public static final int SANDBOX_UNAVAILABLE = 69;
    /**
     * {@code plugins new}: the plugin cannot be created (as sysexits' {@code EX_CANTCREAT}): a
     * plugin of that name exists there, or the directory cannot be written. Nothing was written.
     */
    public static final int CANNOT_CREATE = 73;
    /**
     * A configuration file or setting is malformed or invalid (as sysexits' {@code EX_CONFIG}): a
     * file that is not TOML, a value of the wrong type, a value a plugin's schema rejects.
     */
    public static final int CONFIG = 78;
    /**
     * A plugin was found but cannot run: not executable, a bad {@code #!} line, invalid (wrong
     * metadata, a requirement not met), not trusted, or without a good signature when
     * signatures are required.
     */
    public static final int CANNOT_EXECUTE = 126;
    /** No built-in and no plugin matches the command. */
    public static final int NOT_FOUND = 127;
    /** The host was interrupted (SIGINT) while it, not a plugin, was working. */
    public static final int INTERRUPTED = 130;

    private ExitStatus() {
    }
}
