package dev.jig.cli.command;

import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import dev.jig.host.trust.TrustStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code plugins untrust NAME|PATH}: forgets that the user trusted a plugin. */
@Command(description = "Forget that a plugin was trusted with 'plugins trust': from an untrusted directory, it no"
        + " longer runs. Plugins in trusted directories stay trusted; list a directory in security.untrusted to"
        + " distrust it.")
final class PluginsUntrustCommand implements Callable<Integer> {

    private final PluginHost host;

    @Spec
    private CommandSpec spec;

    @Mixin
    private TargetParameter target;

    PluginsUntrustCommand(PluginHost host) {
        this.host = host;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String cli = host.settings().cli().name();
        Optional<TrustTarget> found = TrustTarget.resolve(host, target.text);
        Optional<TrustStore> store = host.trust().store();
        if (found.isEmpty() || store.isEmpty()) {
            // A file that is gone can still be forgotten by its path.
            Path path = host.settings().workingDirectory().resolve(target.text).toAbsolutePath().normalize();
            if (store.isEmpty() || !store.get().entries().containsKey(path)) {
                err.println(target.notFound(host));
                return ExitStatus.NOT_FOUND;
            }
            found = Optional.of(new TrustTarget(path, store.get().entries().get(path).tree(), Optional.empty()));
        }
        TrustTarget untrusted = found.get();
        boolean removed;
        try {
            removed = store.get().untrust(untrusted.key());
        } catch (IOException e) {
            err.println(cli + ": cannot untrust " + untrusted.key() + ": " + e.getMessage());
            return ExitStatus.FAILURE;
        }
        out.println((removed ? "no longer trusted " : "was not trusted ") + untrusted.key());
        untrusted.plugin().filter(plugin -> host.trust().trustedSource(plugin.dir())).ifPresent(plugin ->
                out.println("note: plugins in " + plugin.dir().directory() + " are trusted by default; list that"
                        + " directory in security.untrusted to distrust them."));
        return ExitStatus.OK;
    }
}
