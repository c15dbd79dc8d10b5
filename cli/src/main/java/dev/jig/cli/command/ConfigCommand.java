package dev.jig.cli.command;

import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import dev.jig.host.config.Configuration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code config}: groups the configuration commands; alone, it shows their usage. */
@Command
final class ConfigCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** {@code config} with its subcommands. */
    static CommandLine commandLine(PluginHost host, Configuration config) {
        ConfigAccess access = new ConfigAccess(host, config);
        CommandLine line = new CommandLine(new ConfigCommand())
                .addSubcommand("get", new ConfigGetCommand(access))
                .addSubcommand("set", new ConfigSetCommand(access))
                .addSubcommand("unset", new ConfigUnsetCommand(access))
                .addSubcommand("list", new ConfigListCommand(access));
        // Named after the hosting CLI, so the text is built here rather than in the annotation;
        // "$${" is picocli's escape for a literal "${".
        String cli = host.settings().cli().name();
        line.getCommandSpec().usageMessage().description(
                "Read and change configuration.",
                "Layers, lowest first: plugin defaults, /etc/" + cli + "/config.toml, $${XDG_CONFIG_HOME:-~/.config}/"
                        + cli + "/config.toml, ." + cli + "/config.toml in this directory or above, "
                        + host.settings().cli().envPrefix() + "CONFIG_<KEY> environment variables ('__' for '.'),"
                        + " then -c key=value options.",
                "Writes rewrite the whole file: its comments and formatting are not kept.");
        return line;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitStatus.OK;
    }
}
