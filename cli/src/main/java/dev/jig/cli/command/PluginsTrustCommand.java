package dev.jig.cli.command;

import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import dev.jig.host.trust.TreeDigest;
import dev.jig.host.trust.TrustStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code plugins trust NAME|PATH}: lets a plugin from an untrusted directory run, as long as its content stays the same. */
@Command(description = "Trust a plugin from an untrusted directory (./plugins, or one listed in security.untrusted):"
        + " records the SHA-256 of its file (of its whole tree for a directory plugin). It runs, is asked for"
        + " its metadata and receives hooks until its content changes; then it must be trusted again.")
final class PluginsTrustCommand implements Callable<Integer> {

    private final PluginHost host;

    @Spec
    private CommandSpec spec;

    @Mixin
    private TargetParameter target;

    PluginsTrustCommand(PluginHost host) {
        this.host = host;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String cli = host.settings().cli().name();
        Optional<TrustTarget> found = target.resolve(host, err);
        if (found.isEmpty()) {
            return ExitStatus.NOT_FOUND;
        }
        Optional<TrustStore> store = host.trust().store();
        if (store.isEmpty()) {
            err.println(cli + ": cannot record trust: neither XDG_CONFIG_HOME nor HOME is an absolute path. Set HOME.");
            return ExitStatus.FAILURE;
        }
        TrustTarget trusted = found.get();
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
