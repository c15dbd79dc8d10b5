package dev.jig.cli.command;

import dev.jig.host.ExitStatus;
import dev.jig.host.config.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A {@code config} subcommand: its errors are one line on stderr and an exit status. */
abstract class ConfigSubcommand implements Callable<Integer> {

    final ConfigAccess access;

    @Spec
    CommandSpec spec;

    @Mixin
    ScopeOptions scope;

    ConfigSubcommand(ConfigAccess access) {
        this.access = access;
    }

    @Override
    public final Integer call() throws InterruptedException {
        try {
            return run(spec.commandLine().getOut());
        } catch (ConfigException e) {
            spec.commandLine().getErr().println(access.cli() + ": " + e.getMessage());
            return e.exitStatus();
        } catch (IOException e) {
            spec.commandLine().getErr().println(access.cli() + ": cannot write the config file: " + e);
            return ExitStatus.FAILURE;
        }
    }

    abstract int run(PrintWriter out) throws ConfigException, IOException, InterruptedException;
}
