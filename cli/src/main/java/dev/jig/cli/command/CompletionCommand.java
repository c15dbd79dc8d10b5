package dev.jig.cli.command;

import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import dev.jig.host.complete.Shell;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code completion SHELL}: prints the script that completes this CLI's command lines in that shell. */
@Command(description = "Print the shell completion script for bash, zsh or fish.")
final class CompletionCommand implements Callable<Integer> {

    private final PluginHost host;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish")
    private String shell;

    CompletionCommand(PluginHost host) {
        this.host = host;
    }

    @Override
    public Integer call() {
        String cli = host.settings().cli().name();
        return Shell.named(shell).map(found -> {
            spec.commandLine().getOut().print(found.script(host.settings().cli()));
            spec.commandLine().getOut().flush();
            return ExitStatus.OK;
        }).orElseGet(() -> {
            spec.commandLine().getErr().println(cli + ": no completion for shell '" + shell
                    + "': use bash, zsh or fish. See '" + cli + " help completion'.");
            return ExitStatus.USAGE;
        });
    }
}
