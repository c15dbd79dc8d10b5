package dev.jig.sdk;

import dev.jig.protocol.metadata.PluginMetadata;
import dev.jig.protocol.method.CompleteParams;
import dev.jig.protocol.method.CompleteResult;
import dev.jig.protocol.method.HookResult;
import java.util.List;

/**
 * A jig plugin written in Java. Implement the two required methods and hand an instance to
 * {@link Jig#serve(JigPlugin, String[])}:
 *
 * <pre>{@code
 * public final class Hello implements JigPlugin {
 *     public static void main(String[] args) {
 *         System.exit(Jig.serve(new Hello(), args));
 *     }
 *
 *     public PluginMetadata metadata() {
 *         return new PluginMetadata("hello", "1.0.0", "Say hello", null, null, "[NAME]",
 *                 null, null, null, null, null);
 *     }
 *
 *     public int run(Invocation invocation) {
 *         invocation.out().println("Hello, " + String.join(" ", invocation.args()) + "!");
 *         return 0;
 *     }
 * }
 * }</pre>
 *
 * <p>One process runs in one of two modes. Run mode ({@link #run}) is the command the user typed.
 * Protocol mode answers the host's questions ({@link #metadata}, {@link #initialized}) and its
 * lifecycle events (the {@code on...} hook handlers); there, {@code System.out} belongs to the
 * protocol, so the SDK points it at stderr while it serves.
 *
 * <p><b>Hooks.</b> To take part in the lifecycle of every command, list the events in the
 * metadata's {@code hooks} and override their handlers:
 *
 * <pre>{@code
 * public PluginMetadata metadata() {
 *     return new PluginMetadata("audit", "1.0.0", null, null, null, null, null, null,
 *             List.of(HookEvents.PRERUN), null, null);
 * }
 *
 * public HookResult onPrerun(HookContext hook) {
 *     if (hook.config().plugin().path("frozen").asBoolean()) {
 *         return HookResult.abort("audit: the repository is frozen", 3);
 *     }
 *     return HookResult.proceed(Map.of("AUDIT_COMMAND", String.join(" ", hook.params().command())));
 * }
 * }</pre>
 *
 * <p>The SDK sends a handler only the events the metadata lists (others get -32601). A listed
 * event whose handler is not overridden also gets -32601, and a handler that throws gets -32603
 * with one line naming the exception; the host reports either as a failed hook and goes on. The
 * handlers run one at a time, on the thread that serves the protocol.
 *
 * <p><b>Completion.</b> A plugin whose metadata says {@code completion} (the last component of
 * {@link PluginMetadata}) is asked for the words of its command line the user completes with TAB
 * and answers in {@link #complete}; the host waits {@code core.complete_timeout_ms} (500 ms by
 * default) at most, so answer from what is at hand.
 */
public interface JigPlugin {

    /**
     * What this plugin tells the host about itself. Its {@code name} must be the plugin's file
     * name without the CLI prefix ({@code wordcount} for {@code jig-wordcount}), its
     * {@code version} a semantic version, and {@code requires.protocol}, when not empty, the
     * protocol versions it speaks.
     *
     * <p>Called in both modes, possibly more than once; keep it cheap and free of side effects.
     *
     * @return the metadata, never null
     */
    PluginMetadata metadata();

    /**
     * Runs the command the user typed. The arguments are the rest of the command line,
     * verbatim; the terminal is the plugin's own.
     *
     * @param invocation the arguments, the host's context, the standard streams and a log
     * @return the exit status of the command: 0 for success
     * @throws Exception on failure: the SDK prints one line naming the plugin on stderr and the
     *                   exit status is 1
     */
    int run(Invocation invocation) throws Exception;

    /**
     * Called in protocol mode once the host and the plugin agreed on a protocol version, before
     * the answer to {@code initialize} is sent. A plugin may keep {@link Handshake#log()} to
     * report progress later. The default does nothing.
     *
     * @param handshake the agreed version, the host's identity and a log, never null
     */
    default void initialized(Handshake handshake) {
    }

    /**
     * The {@code config} event: the host is building the configuration. Return
     * {@link HookResult#patch} with a merge patch of the whole configuration that touches only
     * {@code plugins.<name>}, or {@link HookResult#empty()} to change nothing. The patch ranks
     * just above the plugin's defaults, so the user's settings win.
     *
     * @param hook the params, the configuration so far, the host's context and a log
     * @return the result, never null
     * @throws Exception on failure: the host reports the hook as failed
     */
    default HookResult onConfig(HookContext hook) throws Exception {
        throw new HookNotImplementedException(hook.event());
    }

    /**
     * The {@code prerun} event: a command is about to run. Return {@link HookResult#proceed} (with
     * environment variables for a plugin command's process, possibly none) or
     * {@link HookResult#abort} (a one-line message and an exit code from 1 to 255).
     *
     * @param hook the command, its arguments, the configuration, the host's context and a log
     * @return the result, never null
     * @throws Exception on failure: the host reports the hook as failed
     */
    default HookResult onPrerun(HookContext hook) throws Exception {
        throw new HookNotImplementedException(hook.event());
    }

    /**
     * The {@code postrun} event: the command ran, or a {@code prerun} hook aborted it
     * ({@code hook.params().ran()} says which). The result is ignored: return
     * {@link HookResult#empty()}.
     *
     * @param hook the command, its exit status and duration, the configuration, the host's
     *             context and a log
     * @return the result, never null
     * @throws Exception on failure: the host reports the hook as failed
     */
    default HookResult onPostrun(HookContext hook) throws Exception {
        throw new HookNotImplementedException(hook.event());
    }

    /**
     * The {@code command_not_found} event: the words the user typed match no command. Return
     * {@link HookResult#suggest} with what the user may have meant, one line each, or
     * {@link HookResult#empty()}.
     *
     * @param hook the words, the configuration, the host's context and a log
     * @return the result, never null
     * @throws Exception on failure: the host reports the hook as failed
     */
    default HookResult onCommandNotFound(HookContext hook) throws Exception {
        throw new HookNotImplementedException(hook.event());
    }

    /**
     * The {@code install} event: this copy of the plugin, staged in {@code hook.params().directory()},
     * is about to be installed, and no version of it is. Prepare what it needs and return
     * {@link HookResult#proceed} (its {@code env} is ignored), or {@link HookResult#abort} with a
     * one-line message to stop the installation; nothing is installed then.
     *
     * @param hook the plugin's name, the new version, the staged directory, the configuration,
     *             the host's context and a log
     * @return the result, never null
     * @throws Exception on failure: the host reports the hook as failed and does not install
     */
    default HookResult onInstall(HookContext hook) throws Exception {
        throw new HookNotImplementedException(hook.event());
    }

    /**
     * The {@code upgrade} event: this staged copy is about to replace the installed version
     * {@code hook.params().previous()}. Answer as for {@link #onInstall}; an abort keeps the
     * installed version.
     *
     * @param hook the plugin's name, the new and the previous version, the staged directory, the
     *             configuration, the host's context and a log
     * @return the result, never null
     * @throws Exception on failure: the host reports the hook as failed and keeps the installed version
     */
    default HookResult onUpgrade(HookContext hook) throws Exception {
        throw new HookNotImplementedException(hook.event());
    }

    /**
     * The {@code uninstall} event: this installed copy, in {@code hook.params().directory()}, is
     * about to be removed. Clean up and return {@link HookResult#proceed}, or
     * {@link HookResult#abort} to refuse; the user may then force the removal.
     *
     * @param hook the plugin's name, its installed version and directory, the configuration, the
     *             host's context and a log
     * @return the result, never null
     * @throws Exception on failure: the host reports the hook as failed and does not remove it unless forced
     */
    default HookResult onUninstall(HookContext hook) throws Exception {
        throw new HookNotImplementedException(hook.event());
    }

    /**
     * The {@code complete} request: the values only this plugin knows for the word the user is
     * completing, e.g. the environments after {@code --env}. Called only when the metadata says
     * {@code completion}; the host keeps the candidates that start with {@code params.current()}.
     * The default offers nothing.
     *
     * @param params the command words, the arguments before the word, and the word so far
     * @return the candidates, never null
     * @throws Exception on failure: answered with -32603; the host offers nothing
     */
    default CompleteResult complete(CompleteParams params) throws Exception {
        return new CompleteResult(List.of(), false);
    }
}
