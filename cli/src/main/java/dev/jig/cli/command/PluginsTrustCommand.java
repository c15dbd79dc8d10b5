package dev.jig.cli.command;

import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import dev.jig.host.trust.TreeDigest;
import dev.jig.host.trust.TrustStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code plugins trust NAME|PATH}: lets a plugin from an untrusted directory run, as long as its content stays the same. */
@Command(description = "Trust a plugin from an untrusted directory (./plugins, or one listed in security.untrusted):"
        + " records the SHA-256 of its file (of its whole tree for a directory plugin). It runs, is asked for"
        + " its metadata and receives hooks until its content changes; then it must be trusted again.")
final class PluginsTrustCommand extends TargetCommand {

    PluginsTrustCommand(PluginHost host) {
        super(host);
    }

    @Override
    int run(TrustTarget trusted, PrintWriter out, PrintWriter err) {
        String cli = host.settings().cli().name();
        Optional<TrustStore> store = host.trust().store();
        if (store.isEmpty()) {
            err.println(cli + ": cannot record trust: neither XDG_CONFIG_HOME nor HOME is an absolute path. Set HOME.");
            return ExitStatus.FAILURE;
        }
        TrustStore.Entry entry;
        try {
            entry = store.get().trust(trusted.key(), trusted.tree(), TreeDigest::sha256);
        } catch (IOException e) {
            err.println(cli + ": cannot trust " + trusted.key() + ": " + e.getMessage());
            return ExitStatus.FAILURE;
        }
        out.println("trusted " + trusted.key());
        out.println("sha256 " + entry.sha256() + (trusted.tree() ? " (whole directory)" : ""));
        trusted.plugin().filter(plugin -> host.trust().trustedSource(plugin.dir())).ifPresent(plugin ->
                out.println("note: plugins in " + plugin.dir().directory() + " are trusted anyway; the record counts"
                        + " if that directory is marked untrusted."));
        return ExitStatus.OK;
    }
}
