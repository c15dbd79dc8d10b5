package dev.jig.sdk;

import dev.jig.protocol.Protocol;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The entry point of a Java plugin. Its {@code main} is one line:
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     System.exit(Jig.serve(new MyPlugin(), args));
 * }
 * }</pre>
 *
 * <p>With {@value dev.jig.protocol.Protocol#ARGUMENT} as the first argument the process speaks
 * the protocol on its standard input and output until the host closes the input (see
 * {@link ProtocolServer}); otherwise it runs the plugin's command.
 */
public final class Jig {

    private Jig() {
    }

    /**
     * Runs {@code plugin} as the host asked, reading the context from {@code JIG_*} variables.
     *
     * @param plugin the plugin, not null
     * @param args   the process's arguments, as given to {@code main}
     * @return the exit status to pass to {@link System#exit(int)}
     */
    public static int serve(JigPlugin plugin, String[] args) {
        return serve(plugin, args, HostContext.DEFAULT_PREFIX);
    }

    /**
     * Runs {@code plugin} as the host asked, for a host that names its variables with another
     * prefix: {@code ACME_} for a CLI called {@code acme} that embeds jig's host.
     *
     * <p>In protocol mode, standard output carries protocol messages only: while the plugin is
     * served, {@code System.out} is pointed at standard error (so a stray {@code println} cannot
     * corrupt the stream) and {@code System.in} is empty; both are restored afterwards.
     *
     * @param plugin    the plugin, not null
     * @param args      the process's arguments, as given to {@code main}
     * @param envPrefix the prefix of the context variables, e.g. {@code JIG_}
     * @return the exit status to pass to {@link System#exit(int)}
     */
    public static int serve(JigPlugin plugin, String[] args, String envPrefix) {
        Objects.requireNonNull(plugin, "plugin");
        HostContext context = HostContext.fromEnvironment(System.getenv(), envPrefix);
        if (args.length > 0 && Protocol.ARGUMENT.equals(args[0])) {
            return serveProtocol(plugin, context);
        }
        return run(plugin, Arrays.asList(args), context, System.in, System.out, System.err);
    }

    /**
     * Run mode on given streams: what {@link #serve} does without the protocol argument. The
     * plugin gets a {@link Log} that writes to {@code err}. An exception from
     * {@link JigPlugin#run} becomes one line on {@code err}, {@code <plugin>: <type>: <message>},
     * and status 1. Both output streams are flushed before this returns.
     *
     * @param plugin  the plugin, not null
     * @param args    its arguments, not null
     * @param context the host's context, not null
     * @param in      its standard input, not null
     * @param out     its standard output, not null
     * @param err     its standard error, not null
     * @return the exit status of the command
     */
    public static int run(JigPlugin plugin, List<String> args, HostContext context,
                          InputStream in, PrintStream out, PrintStream err) {
        Objects.requireNonNull(plugin, "plugin");
        Invocation invocation = new Invocation(args, context, new StderrLog(PluginName.of(plugin), err), in, out, err);
        try {
            return plugin.run(invocation);
        } catch (Exception e) {
            err.println(PluginName.of(plugin) + ": " + PluginName.describe(e));
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int serveProtocol(JigPlugin plugin, HostContext context) {
        PrintStream stdout = System.out;
        InputStream stdin = System.in;
        PrintStream stderr = System.err;
        stdout.flush();
        System.setOut(stderr);
        System.setIn(InputStream.nullInputStream());
        try {
            return new ProtocolServer(plugin, context, stderr).serve(stdin, new CheckedOutput(stdout));
        } finally {
            System.setIn(stdin);
            System.setOut(stdout);
        }
    }
}
