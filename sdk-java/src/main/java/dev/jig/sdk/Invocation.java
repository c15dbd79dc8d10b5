package dev.jig.sdk;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/**
 * One run of a plugin's command.
 *
 * <p>The streams are the process's own when started by {@link Jig#serve(JigPlugin, String[])};
 * a test passes its own (see {@code PluginTestKit.run}). Writing through them rather than
 * through {@code System.out} keeps a plugin testable.
 *
 * @param args    the command line after the words that selected the plugin, verbatim; never null
 * @param context what the host told the plugin about itself and the command; never null
 * @param log     messages for the user, on stderr; never null
 * @param in      the standard input; never null
 * @param out     the standard output; never null
 * @param err     the standard error; never null
 */
public record Invocation(List<String> args, HostContext context, Log log,
                         InputStream in, PrintStream out, PrintStream err) {

    /** Copies {@code args} and checks that nothing is null. */
    public Invocation {
        args = List.copyOf(args);
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /**
     * The plugin's configuration, read from the file the host names in {@code JIG_CONFIG}:
     * {@code context().config()}.
     *
     * @return the configuration; empty without a host, never null
     * @throws ConfigException naming the file, when it cannot be read
     */
    public PluginConfig config() {
        return context.config();
    }
}
