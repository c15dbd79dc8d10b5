package dev.jig.host.sandbox;

import java.util.Locale;
import java.util.Optional;

/** A sandbox profile, as {@code security.sandbox} and {@code plugins.<name>.sandbox} name it. */
public enum Profile {
    /** No sandbox: the plugin may do anything its user may. */
    NONE,
    /**
     * Under bubblewrap: a read-only system, an empty home, a private {@code /tmp}, the working
     * directory read-only, no network, its own PID, IPC and UTS namespaces, no capabilities;
     * loosened only by what the user grants.
     */
    STRICT;

    /** Every profile name, for messages: {@code none or strict}. */
    public static final String NAMES = "none or strict";

    /** The name in configuration files and the audit log. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The profile called {@code id}, if there is one. */
    public static Optional<Profile> of(String id) {
        for (Profile profile : values()) {
            if (profile.id().equals(id)) {
                return Optional.of(profile);
            }
        }
        return Optional.empty();
    }
}
