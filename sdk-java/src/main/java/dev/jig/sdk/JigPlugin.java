package dev.jig.sdk;

import dev.jig.protocol.metadata.PluginMetadata;

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
 * Protocol mode answers the host's questions ({@link #metadata}, {@link #initialized}); there,
 * {@code System.out} belongs to the protocol, so the SDK points it at stderr while it serves.
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
}
