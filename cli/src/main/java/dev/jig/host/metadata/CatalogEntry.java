package dev.jig.host.metadata;

import dev.jig.host.discovery.PluginFile;
import dev.jig.host.discovery.PluginProblem;
import java.util.List;
import java.util.Optional;

/**
 * A plugin as listings show it.
 *
 * @param file     where it is
 * @param record   what it is; empty for a file that never runs (shadowed, not executable, a
 *                 built-in's name), which is not asked
 * @param problems everything that keeps it from running; empty when typing its command runs it
 */
public record CatalogEntry(PluginFile file, Optional<PluginRecord> record, List<PluginProblem> problems) {
    public CatalogEntry {
        problems = List.copyOf(problems);
    }

    /** Whether typing its command runs it. */
    public boolean runnable() {
        return problems.isEmpty();
    }
}
