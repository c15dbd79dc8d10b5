package dev.jig.sdk;

import java.util.Locale;

/**
 * Messages for the user. In protocol mode each line becomes a {@code log} notification, which
 * the host shows on stderr prefixed with the plugin's name (debug only when verbose); in run
 * mode the line goes straight to stderr, prefixed with the plugin's name, and debug is dropped.
 *
 * <p>A message with several lines is sent line by line. Implementations are thread-safe and
 * never throw: a message that cannot be delivered is lost.
 */
public interface Log {

    /** A log that drops everything. */
    Log NOOP = (level, message) -> {
    };

    /** How much a message matters. */
    enum Level {
        /** Detail for whoever debugs the plugin. */
        DEBUG,
        /** Progress worth telling the user. */
        INFO,
        /** Something looks wrong, but the work goes on. */
        WARN,
        /** Something failed. */
        ERROR;

        /**
         * The name on the wire and in run-mode output.
         *
         * @return {@code debug}, {@code info}, {@code warn} or {@code error}
         */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Sends {@code message} at {@code level}.
     *
     * @param level   how much it matters, not null
     * @param message the text, not null
     */
    void log(Level level, String message);

    /**
     * Sends a debug message.
     *
     * @param message the text, not null
     */
    default void debug(String message) {
        log(Level.DEBUG, message);
    }

    /**
     * Sends an informational message.
     *
     * @param message the text, not null
     */
    default void info(String message) {
        log(Level.INFO, message);
    }

    /**
     * Sends a warning.
     *
     * @param message the text, not null
     */
    default void warn(String message) {
        log(Level.WARN, message);
    }

    /**
     * Sends an error message.
     *
     * @param message the text, not null
     */
    default void error(String message) {
        log(Level.ERROR, message);
    }
}
