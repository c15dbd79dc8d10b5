package dev.jig.cli.command;

import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import dev.jig.host.config.Configuration;
import dev.jig.host.install.InstallException;
import dev.jig.host.install.PluginManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plugins upgrade NAME...|--all}: moves plugins installed from an index to their newest fitting release. */
@Command(description = "Upgrade plugins installed from an index to the newest release that fits every installed"
        + " plugin's requirements, sending each its upgrade hook from the new copy before it goes live. Exit status as"
        + " for install.")
final class PluginsUpgradeCommand extends ManagementCommand {

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "The plugins to upgrade.")
    private List<String> names = new ArrayList<>();

    @Option(names = "--all", description = "Upgrade every plugin installed from an index.")
    private boolean all;

    PluginsUpgradeCommand(PluginHost host, Configuration config) {
        super(host, config);
    }

    @Override
    int run(PluginManager manager, PrintWriter out) throws InstallException, InterruptedException, IOException {
        if (all == !names.isEmpty()) {
            throw new InstallException("name the plugins to upgrade, or give --all (not both)", ExitStatus.USAGE);
        }
        print(manager.upgrade(names), out);
        return ExitStatus.OK;
    }
}
