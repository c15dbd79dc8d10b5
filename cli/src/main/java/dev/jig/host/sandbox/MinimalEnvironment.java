package dev.jig.host.sandbox;

import java.util.Set;

/**
 * The variables a plugin inherits with {@code security.env = "minimal"}, besides the host's
 * context variables and those granted to it: what programs need to find programs, files and
 * the user, and to speak the user's language to the user's terminal. Nothing that holds a
 * credential or names a proxy, agent or socket.
 */
public final class MinimalEnvironment {

    /** The variables passed by name; {@code LC_*} are passed too. */
    public static final Set<String> NAMES = Set.of("PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE",
            "TERM", "COLORTERM", "NO_COLOR", "TZ", "TMPDIR", "COLUMNS", "LINES");

    private MinimalEnvironment() {
    }

    /** Whether the host's variable {@code name} is passed on. */
    public static boolean allows(String name) {
        return NAMES.contains(name) || name.startsWith("LC_");
    }
}
