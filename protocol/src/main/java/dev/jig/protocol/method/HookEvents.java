package dev.jig.protocol.method;

import java.util.List;

/** The lifecycle events of {@link Methods#HOOK}, in the order they can fire in one invocation. */
public final class HookEvents {
    /** The host is building the plugin's configuration; the plugin may return a merge patch. */
    public static final String CONFIG = "config";
    /** A command is about to run; the plugin may let it run (with environment additions) or abort it. */
    public static final String PRERUN = "prerun";
    /** A command has run (or was aborted); the plugin observes its exit code and duration. */
    public static final String POSTRUN = "postrun";
    /** No built-in and no plugin matches the command words; the plugin may suggest one. */
    public static final String COMMAND_NOT_FOUND = "command_not_found";

    /** Every event of protocol version 1. */
    public static final List<String> ALL = List.of(CONFIG, PRERUN, POSTRUN, COMMAND_NOT_FOUND);

    private HookEvents() {
    }
}
