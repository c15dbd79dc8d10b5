package dev.jig.host.sandbox;

/**
 * How one plugin is confined.
 *
 * @param profile            its sandbox profile
 * @param grants             what the user allows it inside the sandbox; its {@code env} also
 *                           applies without one
 * @param minimalEnvironment whether it inherits only the {@link MinimalEnvironment} of the host
 */
public record Confinement(Profile profile, Grants grants, boolean minimalEnvironment) {

    /** Whether it runs in a sandbox. */
    public boolean sandboxed() {
        return profile != Profile.NONE;
    }

    /** Whether it inherits the host's variable {@code name}. */
    public boolean inherits(String name) {
        return !minimalEnvironment || MinimalEnvironment.allows(name) || grants.env().contains(name);
    }
}
