package dev.jig.host.download;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;

/**
 * Hears how a download advances. Calls for one download come one at a time, in order:
 * {@code start}, any number of {@code advance}, then {@code finish} on success or {@code abort}
 * on failure; they may come from a thread other than the caller's.
 */
public interface Progress {

    /** Shows nothing. */
    Progress NONE = new Progress() {
    };

    /**
     * The body is about to arrive.
     *
     * @param source the URL asked for
     * @param total  the size in bytes, or {@code -1} when the server did not say
     */
    default void start(URI source, long total) {
    }

    /** {@code bytesSoFar} bytes have arrived. */
    default void advance(long bytesSoFar) {
    }

    /** The whole body, {@code bytes} long, arrived in {@code took}. */
    default void finish(long bytes, Duration took) {
    }

    /** The download failed after {@link #start}; whatever was drawn should be cleared. */
    default void abort() {
    }

    /**
     * Progress written to {@code err}: on a terminal a one-line bar redrawn at most ten times a
     * second and ended with a newline; otherwise one line when the download starts and one when it
     * ends, nothing in between (logs stay readable).
     *
     * @param terminal whether {@code err} is a terminal
     * @param label    what is downloaded, such as a plugin name and version
     */
    static Progress forStream(PrintStream err, boolean terminal, String label) {
        return terminal ? new TerminalProgress(err, label) : new LineProgress(err, label);
    }
}
