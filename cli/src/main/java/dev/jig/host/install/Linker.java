package dev.jig.host.install;

import dev.jig.host.ExitStatus;
import dev.jig.host.discovery.CommandPath;
import dev.jig.host.discovery.Origin;
import dev.jig.host.discovery.PluginDir;
import dev.jig.host.discovery.PluginResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Links a plugin under development into the user plugin directory: the plugin is found where it
 * is, so every change to it shows at the next run. A link is not recorded in the lock file.
 */
final class Linker {

    private final Store store;
    private final String filePrefix;
    private final Consumer<String> report;

    Linker(Store store, String filePrefix, Consumer<String> report) {
        this.store = store;
        this.filePrefix = filePrefix;
        this.report = report;
    }

    /** Links {@code path}: an executable named {@code <prefix><name>}, or a plugin directory. */
    Change link(Path path) throws InstallException, InterruptedException {
        Path target = path.toAbsolutePath().normalize();
        if (!Files.exists(target)) {
            throw new InstallException(target + " does not exist; give the path of an executable " + filePrefix
                    + "NAME or of a plugin directory", ExitStatus.FETCH_FAILED);
        }
        String fileName = target.getFileName().toString();
        String entry;
        String name;
        if (Files.isDirectory(target)) {
            if (PluginResolver.manifestIn(new PluginDir(target.getParent(), Origin.EXPLICIT), fileName, filePrefix) == null) {
                throw new InstallException(target + " is a directory without plugin.json (or a package.json with a '"
                        + filePrefix.substring(0, filePrefix.length() - 1) + "' key), so it is no plugin", ExitStatus.REFUSED);
            }
            entry = fileName;
            name = fileName;
        } else {
            if (!fileName.startsWith(filePrefix) || !Files.isExecutable(target)) {
                throw new InstallException(target + " is not an executable named " + filePrefix + "NAME, so it is no plugin",
                        ExitStatus.REFUSED);
            }
            entry = fileName;
            name = fileName.substring(filePrefix.length());
        }
        if (CommandPath.fromFileName("", name).isEmpty()) {
            throw new InstallException("'" + name + "' (" + target + ") is not a plugin name: letters, digits, '.' and '_'"
                    + " in parts separated by '-'", ExitStatus.REFUSED);
        }
        try (Transaction transaction = Transaction.open(store, report)) {
            Path at = store.layout().plugins().resolve(entry);
            if (Files.exists(at, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new InstallException(at + " exists; uninstall plugin '" + name + "' first, or move it away",
                        ExitStatus.REFUSED);
            }
            store.link(entry, target);
            transaction.finish();
            return new Change(name, Change.Action.LINKED, null, null, target.toString());
        } catch (IOException e) {
            throw new InstallException("cannot link " + target + ": " + e.getMessage(), ExitStatus.FAILURE);
        }
    }
}
