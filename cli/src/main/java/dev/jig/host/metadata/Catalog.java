package dev.jig.host.metadata;

import dev.jig.host.discovery.Inventory;
import java.util.List;

/**
 * Every plugin on the search path with what it is and whether it runs, and the search path as
 * the scan found it.
 *
 * @param searchPath the directories, with whether each was scanned
 * @param plugins    every plugin, in search-path order
 */
public record Catalog(List<Inventory.ScannedDir> searchPath, List<CatalogEntry> plugins) {
    public Catalog {
        searchPath = List.copyOf(searchPath);
        plugins = List.copyOf(plugins);
    }
}
