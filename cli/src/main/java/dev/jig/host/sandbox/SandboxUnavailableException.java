package dev.jig.host.sandbox;

/**
 * A sandbox was asked for and cannot be set up (no {@code bwrap}, not Linux, no namespaces):
 * the plugin is not run, never run without it.
 */
public final class SandboxUnavailableException extends Exception {

    private final Profile profile;

    /**
     * @param profile the profile asked for
     * @param reason  why it cannot be set up, one line
     */
    public SandboxUnavailableException(Profile profile, String reason) {
        super(reason);
        this.profile = profile;
    }

    /** The profile asked for. */
    public Profile profile() {
        return profile;
    }

    /** What the user can do: install bubblewrap, or run {@code plugin} without a sandbox. */
    public String advice(String cli, String plugin) {
        return "Install bubblewrap (the 'bubblewrap' package) or run '" + cli + " config set plugins." + plugin
                + ".sandbox none'";
    }
}
