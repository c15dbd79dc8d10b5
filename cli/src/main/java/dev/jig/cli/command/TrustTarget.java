package dev.jig.cli.command;

import dev.jig.host.PluginHost;
import dev.jig.host.discovery.ListedPlugin;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.trust.TrustPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code plugins trust}, {@code untrust}, {@code verify} and {@code sign} act on: a plugin named as on the search
 * path ({@code ./plugins} included; the one that runs when several share the name), or a path to
 * an executable, a plugin directory or its manifest.
 *
 * @param key    the path the record is kept under: the executable, or the plugin directory
 * @param tree   whether it is a directory plugin
 * @param plugin the plugin found by name, when it was named
 */
record TrustTarget(Path key, boolean tree, Optional<PluginFile> plugin) {

    /** The target {@code argument} names; empty when it names nothing. */
    static Optional<TrustTarget> resolve(PluginHost host, String argument) {
        if (!argument.contains("/")) {
            List<ListedPlugin> named = host.inventory().plugins().stream()
                    .filter(p -> p.file().name().equals(argument) || p.file().command().toString().equals(argument))
                    .toList();
            Optional<PluginFile> chosen = named.stream().filter(ListedPlugin::runnable).findFirst()
                    .or(() -> named.stream().findFirst()).map(ListedPlugin::file);
            if (chosen.isPresent()) {
                return Optional.of(new TrustTarget(TrustPolicy.key(chosen.get()),
                        chosen.get().form() == PluginFile.Form.MANIFEST, chosen));
            }
        }
        Path path = host.settings().workingDirectory().resolve(argument).toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            return Optional.of(new TrustTarget(path, true, Optional.empty()));
        }
        if (Files.isRegularFile(path)) {
            boolean manifest = PluginFile.MANIFESTS.contains(path.getFileName().toString());
            return Optional.of(manifest ? new TrustTarget(path.getParent(), true, Optional.empty())
                    : new TrustTarget(path, false, Optional.empty()));
        }
        return Optional.empty();
    }
}
