package dev.jig.host.install;

import dev.jig.host.ExitStatus;
import dev.jig.host.discovery.CommandPath;
import dev.jig.host.discovery.Origin;
import dev.jig.host.discovery.PluginDir;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.discovery.PluginResolver;
import dev.jig.host.hook.LifecycleParams;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Removes installed plugins and development links. A plugin another installed plugin needs
 * stays unless forced; one whose {@code uninstall} hook refuses stays unless forced.
 */
final class Uninstaller {

    private final Store store;
    private final LifecycleHook hooks;
    private final String filePrefix;
    private final Consumer<String> report;

    Uninstaller(Store store, LifecycleHook hooks, String filePrefix, Consumer<String> report) {
        this.store = store;
        this.hooks = hooks;
        this.filePrefix = filePrefix;
        this.report = report;
    }

    /** Removes plugin {@code name}. */
    Change uninstall(String name, boolean force) throws InstallException, InterruptedException {
        try (Transaction transaction = Transaction.open(store, report)) {
            Map<String, Store.Managed> managed = store.managed();
            Store.Managed installed = managed.get(name);
            if (installed == null) {
                Change unlinked = unlink(name);
                transaction.finish();
                return unlinked;
            }
            List<String> dependents = new ArrayList<>();
            managed.values().forEach(other -> {
                String range = other.receipt().locked().requires().get(name);
                if (range != null && !other.name().equals(name)) {
                    dependents.add(other.name() + " (requires " + name + " " + range + ")");
                }
            });
            if (!dependents.isEmpty() && !force) {
                throw new InstallException("plugin '" + name + "' is needed by " + String.join(", ", dependents)
                        + "; uninstall " + (dependents.size() == 1 ? "that" : "those") + " first, or use --force",
                        ExitStatus.REFUSED);
            }
            Path link = store.layout().plugins().resolve(installed.entry());
            Optional<String> refusal = hooks.fire(pluginFile(installed, link),
                    LifecycleParams.uninstall(installed.receipt().locked().version()));
            if (refusal.isPresent()) {
                if (!force) {
                    throw new InstallException(refusal.get() + "; it is still installed (use --force to remove it anyway)",
                            ExitStatus.REFUSED);
                }
                report.accept(refusal.get() + "; removing it anyway (--force)");
            }
            store.unlink(installed.entry());
            transaction.finish();
            return new Change(name, Change.Action.UNINSTALLED, installed.receipt().locked().version(), null,
                    installed.receipt().locked().source());
        } catch (IOException e) {
            throw new InstallException("cannot uninstall plugin '" + name + "': " + e.getMessage(), ExitStatus.FAILURE);
        }
    }

    /** Removes the development link of {@code name}, if it is one. */
    private Change unlink(String name) throws IOException, InstallException {
        for (Store.Linked linked : store.linked()) {
            if (linked.entry().equals(name) || linked.entry().equals(filePrefix + name)) {
                store.unlink(linked.entry());
                return new Change(name, Change.Action.UNINSTALLED, null, null, linked.target().toString());
            }
        }
        Path plugins = store.layout().plugins();
        throw new InstallException("plugin '" + name + "' was not installed with 'plugins install' or 'plugins link'"
                + " (nothing of that name is linked in " + plugins + "); remove it by hand if it is elsewhere",
                ExitStatus.UNRESOLVED);
    }

    /** The installed plugin as the search path finds it: through its link in the user plugin directory. */
    private PluginFile pluginFile(Store.Managed installed, Path link) {
        PluginDir dir = new PluginDir(link.getParent(), Origin.USER);
        CommandPath command = CommandPath.fromFileName("", installed.name()).orElseThrow();
        if (installed.receipt().directory()) {
            return new PluginFile(command, PluginResolver.manifestIn(dir, installed.entry(), filePrefix), dir,
                    PluginFile.Form.MANIFEST);
        }
        return new PluginFile(command, link, dir, PluginFile.Form.EXECUTABLE);
    }
}
