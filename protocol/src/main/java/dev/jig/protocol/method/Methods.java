package dev.jig.protocol.method;

/** Method names of protocol version 1. */
public final class Methods {
    /** Host to plugin, request: the handshake. Params {@link InitializeParams}, result {@link InitializeResult}. */
    public static final String INITIALIZE = "initialize";
    /** Plugin to host, notification: a log line for the user. Params {@link LogParams}. */
    public static final String LOG = "log";
    /**
     * Host to plugin, request: a lifecycle event the plugin subscribed to in its metadata's
     * {@code hooks}. Params {@link HookParams}, result {@link HookResult}.
     */
    public static final String HOOK = "hook";
    /**
     * Host to plugin, request: candidates for a word of the plugin's command line, sent only to
     * plugins whose metadata says {@code "completion": true}. Params {@link CompleteParams},
     * result {@link CompleteResult}.
     */
    public static final String COMPLETE = "complete";

    private Methods() {
    }
}
