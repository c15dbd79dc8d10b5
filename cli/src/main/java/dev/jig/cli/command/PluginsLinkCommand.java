package dev.jig.cli.command;

import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import dev.jig.host.config.Configuration;
import dev.jig.host.install.InstallException;
import dev.jig.host.install.PluginManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code plugins link PATH}: makes a plugin under development available where it is. */
@Command(description = "Link a plugin you are developing (an executable named after the CLI, or a plugin directory)"
        + " into the user plugin directory: it runs from where it is, so every change shows at once. Remove the"
        + " link with 'plugins uninstall NAME'. Exit status 10 when PATH is no plugin or the name is taken.")
final class PluginsLinkCommand extends ManagementCommand {

    @Parameters(paramLabel = "PATH", description = "The plugin's executable or directory.")
    private Path path;

    PluginsLinkCommand(PluginHost host, Configuration config) {
        super(host, config);
    }

    @Override
    int run(PluginManager manager, PrintWriter out) throws InstallException, InterruptedException, IOException {
        print(List.of(manager.link(path)), out);
        return ExitStatus.OK;
    }
}
