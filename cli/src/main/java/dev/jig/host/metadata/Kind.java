package dev.jig.host.metadata;

import java.util.Locale;

/** How the host learned about a plugin. */
public enum Kind {
    /** An executable that does not speak the protocol: it just runs. */
    PLAIN,
    /** An executable that answered the handshake. */
    PROTOCOL,
    /** A directory with a manifest: metadata read from a file, no process started. */
    MANIFEST;

    /** Lower-case, for tables and JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
