package dev.jig.host.discovery;

import java.util.List;

/**
 * A plugin file as {@code plugins list} shows it.
 *
 * @param file     the file and where it was found
 * @param problems why it will not run; empty when it is the file its command runs
 */
public record ListedPlugin(PluginFile file, List<PluginProblem> problems) {
    public ListedPlugin {
        problems = List.copyOf(problems);
    }

    /** Whether typing its command runs this file. */
    public boolean runnable() {
        return problems.isEmpty();
    }
}
