package dev.jig.host.doctor;

import dev.jig.host.discovery.Inventory;
import dev.jig.host.discovery.Origin;
import dev.jig.host.metadata.CatalogEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The search path itself: plugin directories that exist but cannot be read, explicit ones that
 * do not exist, directories
 * holding plugins that anyone may write to, and {@code PATH} entries that make lookups depend on
 * the current directory or repeat.
 */
final class SearchPathCheck implements Check {

    @Override
    public List<Finding> findings(Examination facts) {
        List<Finding> findings = new ArrayList<>();
        for (Inventory.ScannedDir scanned : facts.catalog().searchPath()) {
            Path dir = scanned.dir().directory();
            if (scanned.status() == Inventory.Status.MISSING && Files.isDirectory(dir)
                    && (!Files.isReadable(dir) || !Files.isExecutable(dir))) {
                findings.add(Finding.error("unreadable-directory", Finding.SEARCH_PATH, dir,
                        "the plugin directory " + dir + " (" + scanned.dir().origin().id()
                                + ") cannot be read: its plugins are not found",
                        "chmod u+rx " + dir + ", or remove it from the search path"));
            }
            if (scanned.status() == Inventory.Status.MISSING && scanned.dir().origin() == Origin.EXPLICIT
                    && !Files.exists(dir)) {
                // Only an explicit entry: the default directories need not exist, nor every PATH entry.
                findings.add(Finding.warning("missing-directory", Finding.SEARCH_PATH, dir,
                        "the plugin directory " + dir + " (explicit plugin path) does not exist",
                        "create it, or correct or remove it in --plugin-path or " + facts.envPrefix() + "PLUGIN_PATH"));
            }
            if (scanned.status() == Inventory.Status.SCANNED && holdsPlugins(facts, scanned) && worldWritable(dir)) {
                findings.add(Finding.warning("world-writable-directory", Finding.SEARCH_PATH, dir,
                        "the plugin directory " + dir + " is writable by every user: anyone can add or replace plugins",
                        "chmod o-w " + dir));
            }
        }
        facts.path().ifPresent(path -> pathFindings(path, findings));
        return findings;
    }

    /** Empty, relative and repeated entries of {@code PATH}. */
    static void pathFindings(String path, List<Finding> findings) {
        Set<String> seen = new HashSet<>();
        boolean empty = false;
        for (String entry : path.split(":", -1)) {
            if (entry.isEmpty()) {
                empty = true;
            } else if (!entry.startsWith("/")) {
                findings.add(Finding.warning("path-relative-entry", Finding.SEARCH_PATH, null,
                        "PATH holds the relative directory '" + entry
                                + "': which programs and plugins are found depends on the current directory",
                        "replace '" + entry + "' in PATH by an absolute directory, or remove it"));
            } else if (!seen.add(entry)) {
                findings.add(Finding.warning("path-duplicate-entry", Finding.SEARCH_PATH, entry,
                        "PATH lists " + entry + " more than once", "remove the later entries of " + entry + " from PATH"));
            }
        }
        if (empty) {
            findings.add(Finding.warning("path-empty-entry", Finding.SEARCH_PATH, null,
                    "PATH has an empty entry (a leading, trailing or doubled ':'), which shells read as the current"
                            + " directory", "remove the empty entry from PATH, or write '.' if the current directory is meant"));
        }
    }

    private static boolean holdsPlugins(Examination facts, Inventory.ScannedDir scanned) {
        for (CatalogEntry entry : facts.catalog().plugins()) {
            if (entry.file().dir().equals(scanned.dir())) {
                return true;
            }
        }
        return false;
    }

    private static boolean worldWritable(Path dir) {
        try {
            return Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
