package dev.jig.cli.command;

import dev.jig.host.CliIdentity;
import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code version}: prints the CLI's name and version. */
@Command(description = "Print the version.")
final class VersionCommand implements Callable<Integer> {

    private final PluginHost host;

    @Spec
    private CommandSpec spec;

    VersionCommand(PluginHost host) {
        this.host = host;
    }

    @Override
    public Integer call() {
        CliIdentity cli = host.settings().cli();
        spec.commandLine().getOut().println(cli.name() + " version " + cli.version());
        return ExitStatus.OK;
    }
}
