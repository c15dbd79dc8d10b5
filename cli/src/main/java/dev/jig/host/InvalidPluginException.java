package dev.jig.host;

import dev.jig.host.discovery.PluginFile;
import dev.jig.host.discovery.PluginProblem;
import java.util.List;

/** A plugin that must not run: its metadata is wrong or a requirement is not met. */
public class InvalidPluginException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient PluginFile plugin;
    private final transient List<PluginProblem> problems;

    InvalidPluginException(PluginFile plugin, List<PluginProblem> problems) {
        super(problems.get(0).message());
        this.plugin = plugin;
        this.problems = List.copyOf(problems);
    }

    /** The plugin. */
    public PluginFile plugin() {
        return plugin;
    }

    /** Every reason, never empty. */
    public List<PluginProblem> problems() {
        return problems;
    }
}
