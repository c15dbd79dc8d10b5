package dev.jig.protocol.method;

import java.util.List;

/**
 * The events of {@link Methods#HOOK}: those of a command run, in the order they can fire in one
 * invocation, and those of installing, upgrading and removing the plugin itself.
 */
public final class HookEvents {
    /** The host is building the plugin's configuration; the plugin may return a merge patch. */
    public static final String CONFIG = "config";
    /** A command is about to run; the plugin may let it run (with environment additions) or abort it. */
    public static final String PRERUN = "prerun";
    /** A command has run (or was aborted); the plugin observes its exit code and duration. */
    public static final String POSTRUN = "postrun";
    /** No built-in and no plugin matches the command words; the plugin may suggest one. */
    public static final String COMMAND_NOT_FOUND = "command_not_found";
    /** The staged copy of the plugin, with no version installed, is about to go live; it may abort. */
    public static final String INSTALL = "install";
    /** The staged copy of a new version is about to replace the installed one; it may abort. */
    public static final String UPGRADE = "upgrade";
    /** The installed copy is about to be removed; it may refuse. */
    public static final String UNINSTALL = "uninstall";

    /** The events of a command run, in the order they can fire in one invocation. */
    public static final List<String> RUN = List.of(CONFIG, PRERUN, POSTRUN, COMMAND_NOT_FOUND);

    /** The events of plugin management: never sent while a command runs. */
    public static final List<String> LIFECYCLE = List.of(INSTALL, UPGRADE, UNINSTALL);

    /** Every event of protocol version 1: a plugin's metadata may list any of these. */
    public static final List<String> ALL = List.of(CONFIG, PRERUN, POSTRUN, COMMAND_NOT_FOUND, INSTALL, UPGRADE, UNINSTALL);

    private HookEvents() {
    }
}
