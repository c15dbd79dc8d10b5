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

/** {@code plugins install TARGET...}: installs plugins from indexes, URLs, archives and paths. */
@Command(description = "Install plugins into the user plugin directory and record them in the lock file. A TARGET is"
        + " NAME or NAME@RANGE (a semver range) from the configured indexes, with the plugins it requires; or an"
        + " http(s) or file URL, a .tar.gz or .zip archive, an executable or a plugin directory. Everything is"
        + " downloaded, checked (SHA-256, signatures per security.require_signatures) and staged before anything"
        + " changes. Exit status 7 when an artifact fails its check, 8 when it cannot be fetched, 9 when no release"
        + " fits, 10 when an archive or plugin is refused.")
final class PluginsInstallCommand extends ManagementCommand {

    @Parameters(paramLabel = "TARGET", arity = "0..*", description = "NAME[@RANGE], URL, ARCHIVE or PATH.")
    private List<String> targets = new ArrayList<>();

    @Option(names = "--locked", description = "Install exactly what the lock file lists (every plugin, or the NAMEs"
            + " given): the same versions, sources and digests, with no index consulted. For CI.")
    private boolean locked;

    PluginsInstallCommand(PluginHost host, Configuration config) {
        super(host, config);
    }

    @Override
    int run(PluginManager manager, PrintWriter out) throws InstallException, InterruptedException, IOException {
        if (locked) {
            print(manager.installLocked(targets), out);
            return ExitStatus.OK;
        }
        if (targets.isEmpty()) {
            throw new InstallException("name at least one plugin, URL or path, or give --locked", ExitStatus.USAGE);
        }
        print(manager.install(targets), out);
        return ExitStatus.OK;
    }
}
