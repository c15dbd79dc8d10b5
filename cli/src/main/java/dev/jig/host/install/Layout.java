package dev.jig.host.install;

import dev.jig.host.HostSettings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where installed plugins and their records live.
 *
 * @param plugins  the user plugin directory, which holds one link per installed plugin
 * @param store    {@code <data>/plugins}: one directory per installed plugin version
 * @param lockFile the lock file, {@code <config>/plugins.lock.json} unless another is named
 */
public record Layout(Path plugins, Path store, Path lockFile) {

    /** The name of the lock file in the user's configuration directory. */
    public static final String LOCK_FILE = "plugins.lock.json";

    /** The layout of the user {@code settings} describe; empty without a usable home. */
    public static Optional<Layout> of(HostSettings settings) {
        Optional<Path> config = settings.configDirectory();
        Optional<Path> data = settings.dataDirectory();
        if (config.isEmpty() || data.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Layout(config.get().resolve("plugins"), data.get().resolve("plugins"),
                config.get().resolve(LOCK_FILE)));
    }

    /** The same layout, recording installs in {@code lockFile} instead. */
    public Layout withLockFile(Path lockFile) {
        return new Layout(plugins, store, lockFile.toAbsolutePath().normalize());
    }

    /** Where installs are prepared; anything in it belongs to an install that has not finished. */
    Path staging() {
        return store.resolve(".staging");
    }

    /** The file whose lock one install at a time holds. */
    Path guard() {
        return store.resolve(".lock");
    }
}
