package dev.jig.host.index;

/**
 * What the user asked for cannot be installed: an unknown plugin, no release in a range, no
 * artifact for this platform, a CLI too old, or requirements that contradict each other. The
 * message is one line that names the plugin and the chain of requirements that led to it, e.g.
 * {@code cannot resolve plugin 'c': app@1.0.0 requires c ^1.0.0, app@1.0.0 -> lib@2.1.0 requires c ^2.0.0,
 * and no release of c satisfies both (available: 1.4.0, 2.0.1)}.
 */
public final class ResolutionException extends Exception {

    private static final long serialVersionUID = 1L;

    public ResolutionException(String message) {
        super(message);
    }
}
