package dev.jig.host.download;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;

/** Progress as plain lines, for logs and pipes: one at the start, one at the end. */
final class LineProgress implements Progress {

    private final PrintStream err;
    private final String label;

    LineProgress(PrintStream err, String label) {
        this.err = err;
        this.label = label;
    }

    @Override
    public void start(URI source, long total) {
        err.println(ProgressText.started(label, source, total));
    }

    @Override
    public void finish(long bytes, Duration took) {
        err.println(ProgressText.finished(label, bytes, took));
    }
}
