package dev.jig.host.index;

/**
 * An index document that cannot be used. The message is one line naming the index (its
 * configured name and URL) and, for a bad field, its JSON path, e.g.
 * {@code index 'main' (https://example.org/index.json): plugins.greet.versions.1.2.0.artifacts[0].sha256 is not 64 hex digits}.
 */
public final class IndexException extends Exception {

    private static final long serialVersionUID = 1L;

    public IndexException(String message) {
        super(message);
    }
}
