package dev.jig.sdk;

import java.io.PrintStream;

/** The run-mode log: {@code name: message}, or {@code name: warn: message}, on stderr. */
final class StderrLog implements Log {

    private final String pluginName;
    private final PrintStream err;

    StderrLog(String pluginName, PrintStream err) {
        this.pluginName = pluginName;
        this.err = err;
    }

    @Override
    public void log(Level level, String message) {
        if (level == Level.DEBUG) {
            return;
        }
        String prefix = level == Level.INFO ? pluginName + ": " : pluginName + ": " + level.wireName() + ": ";
        StringBuilder text = new StringBuilder();
        message.lines().forEach(line -> text.append(prefix).append(line).append(System.lineSeparator()));
        synchronized (err) {
            err.print(text);
            err.flush();
        }
    }
}
