package dev.jig.host;

import dev.jig.host.discovery.Dispatch;
import dev.jig.host.discovery.Inventory;
import dev.jig.host.discovery.ListedPlugin;
import dev.jig.host.discovery.PluginResolver;
import dev.jig.host.discovery.SearchPath;
import dev.jig.host.exec.PluginLaunchException;
import dev.jig.host.exec.PluginRunner;
import dev.jig.host.suggest.Suggestions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The host's entry point for an embedding CLI: decide what a command line means, run plugins,
 * and describe what is installed.
 *
 * <pre>{@code
 * PluginHost host = new PluginHost(HostSettings.ofCurrentProcess(
 *         new CliIdentity("acme", "2.1.0", Optional.empty()), Set.of("help", "deploy")));
 * Dispatch dispatch = host.resolve(List.of(args));
 * if (dispatch instanceof Dispatch.Plugin plugin) {
 *     System.exit(host.run(plugin));
 * }
 * }</pre>
 */
public final class PluginHost {

    private final HostSettings settings;
    private final SearchPath searchPath;

    public PluginHost(HostSettings settings) {
        this.settings = settings;
        this.searchPath = SearchPath.of(settings);
    }

    /** The settings this host was built with. */
    public HostSettings settings() {
        return settings;
    }

    /**
     * What {@code args} (the command line after the CLI's own options, not empty) selects. Only
     * file metadata is read; nothing runs.
     */
    public Dispatch resolve(List<String> args) {
        return new PluginResolver(settings.cli().filePrefix(), settings.builtins(), searchPath).resolve(args);
    }

    /**
     * Runs a resolved plugin with the terminal, relaying signals, and returns its exit status.
     *
     * @throws PluginLaunchException when the operating system cannot start the file
     */
    public int run(Dispatch.Plugin plugin) throws PluginLaunchException {
        return new PluginRunner(settings).run(plugin);
    }

    /** Scans the whole search path. */
    public Inventory inventory() {
        return Inventory.scan(settings.cli().filePrefix(), settings.builtins(), searchPath);
    }

    /** Built-in and plugin command names close to a mistyped {@code word}, best first. */
    public List<String> suggestions(String word) {
        Set<String> known = new LinkedHashSet<>(settings.builtins());
        for (ListedPlugin plugin : inventory().runnable()) {
            known.add(plugin.file().command().words().get(0));
        }
        return Suggestions.closest(word, known);
    }
}
