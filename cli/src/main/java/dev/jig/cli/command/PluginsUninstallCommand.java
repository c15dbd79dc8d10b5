package dev.jig.cli.command;

import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import dev.jig.host.config.Configuration;
import dev.jig.host.install.InstallException;
import dev.jig.host.install.PluginManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plugins uninstall NAME}: removes an installed or linked plugin. */
@Command(description = "Remove a plugin installed with 'plugins install' (after its uninstall hook), or a link made"
        + " with 'plugins link'. A plugin another installed plugin requires stays, unless --force. Exit status 9 when"
        + " NAME was not installed so, 10 when refused.")
final class PluginsUninstallCommand extends ManagementCommand {

    @Parameters(paramLabel = "NAME", description = "The plugin.")
    private String name;

    @Option(names = "--force", description = "Remove it even when other plugins need it or its uninstall hook refuses.")
    private boolean force;

    PluginsUninstallCommand(PluginHost host, Configuration config) {
        super(host, config);
    }

    @Override
    int run(PluginManager manager, PrintWriter out) throws InstallException, InterruptedException, IOException {
        print(List.of(manager.uninstall(name, force)), out);
        return ExitStatus.OK;
    }
}
