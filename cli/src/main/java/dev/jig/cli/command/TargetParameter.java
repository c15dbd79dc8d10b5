package dev.jig.cli.command;

import dev.jig.host.PluginHost;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Parameters;

/** The {@code NAME|PATH} operand of the {@code plugins} commands that act on one plugin: trust, untrust, verify, sign. */
final class TargetParameter {

    @Parameters(paramLabel = "NAME|PATH", description = "A plugin's name as on the search path, or the path of its"
            + " executable or directory.")
    String text;

    /** What it names; empty after printing {@link #notFound} to {@code err}. */
    Optional<TrustTarget> resolve(PluginHost host, PrintWriter err) {
        Optional<TrustTarget> found = TrustTarget.resolve(host, text);
        if (found.isEmpty()) {
            err.println(notFound(host));
        }
        return found;
    }

    /** The one line that says it names nothing. */
    String notFound(PluginHost host) {
        String cli = host.settings().cli().name();
        return cli + ": no plugin or file '" + text + "'. See '" + cli + " plugins list'.";
    }
}
