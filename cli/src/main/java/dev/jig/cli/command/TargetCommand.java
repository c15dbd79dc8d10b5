package dev.jig.cli.command;

import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A {@code plugins} command that acts on the one plugin its {@code NAME|PATH} operand names; 127 when it names nothing. */
abstract class TargetCommand implements Callable<Integer> {

    final PluginHost host;

    @Spec
    CommandSpec spec;

    @Mixin
    TargetParameter target;

    TargetCommand(PluginHost host) {
        this.host = host;
    }

    @Override
    public final Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<TrustTarget> found = target.resolve(host, err);
        return found.isEmpty() ? ExitStatus.NOT_FOUND : run(found.get(), spec.commandLine().getOut(), err);
    }

    /** Acts on {@code target}; the exit status. */
    abstract int run(TrustTarget target, PrintWriter out, PrintWriter err) throws IOException;
}
