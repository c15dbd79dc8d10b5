package dev.jig.host.sandbox;

import java.util.Map;

/**
 * The confinement settings of the user's configuration, read from every layer but the project's
 * file: a cloned repository cannot loosen them.
 *
 * @param defaultProfile     {@code security.sandbox}: the profile of every plugin that names none
 * @param profiles           {@code plugins.<name>.sandbox}, by plugin name
 * @param grants             {@code plugins.<name>.grant}, by plugin name
 * @param minimalEnvironment {@code security.env = "minimal"}
 */
public record SandboxSettings(Profile defaultProfile, Map<String, Profile> profiles, Map<String, Grants> grants,
                              boolean minimalEnvironment) {

    /** No sandbox, the whole environment: the defaults. */
    public static final SandboxSettings NONE = new SandboxSettings(Profile.NONE, Map.of(), Map.of(), false);

    public SandboxSettings {
        profiles = Map.copyOf(profiles);
        grants = Map.copyOf(grants);
    }

    /** How the plugin called {@code plugin} is confined. */
    public Confinement confinement(String plugin) {
        return new Confinement(profiles.getOrDefault(plugin, defaultProfile), grants.getOrDefault(plugin, Grants.NONE),
                minimalEnvironment);
    }
}
