package dev.jig.cli.command;

import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import dev.jig.host.config.Configuration;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Builds the built-in command tree and runs one built-in. */
public final class Builtins {

    private Builtins() {
    }

    /**
     * Runs built-in {@code name} with {@code args}.
     *
     * @param config the configuration as loaded for this run; {@code config} reports its problems,
     *               the caller has already refused to run any other command with problems
     * @return the exit status: {@link ExitStatus#USAGE} for a bad command line
     */
    public static int execute(PluginHost host, Configuration config, PrintWriter out, PrintWriter err, String name,
            List<String> args) {
        CommandLine root = commandLine(host, config, out, err);
        List<String> argv = new ArrayList<>();
        argv.add(name);
        argv.addAll(args);
        return root.execute(argv.toArray(String[]::new));
    }

    /**
     * The whole tree, named after the hosting CLI, writing to {@code out} and {@code err}.
     *
     * @param config the configuration as loaded for this run
     */
    public static CommandLine commandLine(PluginHost host, Configuration config, PrintWriter out, PrintWriter err) {
        CommandLine root = new CommandLine(new Root());
        root.setCommandName(host.settings().cli().name());
        root.addSubcommand("help", new HelpCommand(host, config));
        root.addSubcommand("version", new VersionCommand(host));
        root.addSubcommand("plugins", new CommandLine(new PluginsCommand())
                .addSubcommand("list", new PluginsListCommand(host))
                .addSubcommand("info", new PluginsInfoCommand(host))
                .addSubcommand("audit", new PluginsAuditCommand(host))
                .addSubcommand("doctor", new PluginsDoctorCommand(host, config))
                .addSubcommand("trust", new PluginsTrustCommand(host))
                .addSubcommand("untrust", new PluginsUntrustCommand(host))
                .addSubcommand("verify", new PluginsVerifyCommand(host))
                .addSubcommand("test", new PluginsTestCommand(host))
                .addSubcommand("sign", new PluginsSignCommand(host))
                .addSubcommand("new", new PluginsNewCommand(host))
                .addSubcommand("install", new PluginsInstallCommand(host, config))
                .addSubcommand("uninstall", new PluginsUninstallCommand(host, config))
                .addSubcommand("upgrade", new PluginsUpgradeCommand(host, config))
                .addSubcommand("outdated", new PluginsOutdatedCommand(host, config))
                .addSubcommand("search", new PluginsSearchCommand(host, config))
                .addSubcommand("link", new PluginsLinkCommand(host, config)));
        root.addSubcommand("config", ConfigCommand.commandLine(host, config));
        root.addSubcommand("completion", new CompletionCommand(host));
        root.setExpandAtFiles(false);
        root.setOut(out);
        root.setErr(err);
        // Errors are one line, like every other error, and never a stack trace.
        String cli = root.getCommandName();
        root.setParameterExceptionHandler((e, argv) -> {
            err.println(cli + ": " + e.getMessage() + ". See '" + cli + " help" + subcommand(e.getCommandLine()) + "'.");
            return ExitStatus.USAGE;
        });
        root.setExecutionExceptionHandler((e, failed, parsed) -> {
            err.println(cli + ":" + subcommand(failed) + " failed: " + e);
            return ExitStatus.FAILURE;
        });
        return root;
    }

    /** {@code " plugins list"} for that command; empty for the root. */
    private static String subcommand(CommandLine command) {
        String qualified = command.getCommandSpec().qualifiedName(" ");
        return qualified.substring(command.getCommandSpec().root().name().length());
    }

    /** The CLI itself: it only groups the built-ins; global options are parsed before picocli runs. */
    @Command
    static final class Root {
    }
}
