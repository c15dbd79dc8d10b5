package dev.jig.sdk;

/**
 * Thrown by the default hook handlers of {@link JigPlugin}: the plugin lists the event in its
 * metadata but does not handle it. The SDK answers the request with -32601, which the host treats
 * as a failed hook.
 */
public final class HookNotImplementedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param event the event that has no handler */
    public HookNotImplementedException(String event) {
        super("hook event not implemented: " + event);
    }
}
