package dev.jig.cli.command;

import dev.jig.host.ExitStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code plugins}: groups the plugin management commands; alone, it shows their usage. */
@Command(description = "Install, upgrade, remove and link plugins; inspect and diagnose them, decide which to trust,"
        + " check or make their signatures, test them against the protocol, and start new ones.")
final class PluginsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitStatus.OK;
    }
}
