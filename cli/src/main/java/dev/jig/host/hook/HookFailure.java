package dev.jig.host.hook;

/**
 * A hook failed: the plugin crashed, timed out, or answered an error or something malformed.
 * After a fatal failure (no answer, or output that breaks the stream) the session is gone; after
 * any other the plugin keeps it and gets later events.
 */
final class HookFailure extends Exception {

    private final boolean fatal;

    /** @param reason one line, e.g. {@code did not answer prerun within 5000 ms} */
    HookFailure(String reason, boolean fatal) {
        super(reason, null, false, false);
        this.fatal = fatal;
    }

    /** Whether the session ended with it. */
    boolean fatal() {
        return fatal;
    }
}
