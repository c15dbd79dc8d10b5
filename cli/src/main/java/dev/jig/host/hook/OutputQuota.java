package dev.jig.host.hook;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Passes on at most {@link #LINES} lines of what one hook plugin says in an invocation (stderr
 * and log lines together), then a single line saying that the rest is not shown: a plugin that
 * floods must not bury the command's own output or the line that reports its failure.
 */
final class OutputQuota implements Consumer<String> {

    /** Lines shown per plugin and invocation: far more than a hook has reason to say. */
    static final int LINES = 100;

    private final Consumer<String> out;
    private final String cli;
    private final String plugin;
    private final AtomicInteger said = new AtomicInteger();

    /**
     * @param out    where the lines go
     * @param cli    the CLI's name, for the line that says the rest is not shown
     * @param plugin the plugin whose lines these are
     */
    OutputQuota(Consumer<String> out, String cli, String plugin) {
        this.out = out;
        this.cli = cli;
        this.plugin = plugin;
    }

    @Override
    public void accept(String line) {
        int count = said.incrementAndGet(); // lines come from the stderr thread and the session's
        if (count <= LINES) {
            out.accept(line);
        } else if (count == LINES + 1) {
            out.accept(cli + ": plugin '" + plugin + "' wrote more than " + LINES + " lines; the rest is not shown");
        }
    }
}
