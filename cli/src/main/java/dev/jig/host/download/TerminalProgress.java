package dev.jig.host.download;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;

/** Progress as one bar redrawn in place with {@code \r}, at most ten times a second. */
final class TerminalProgress implements Progress {

    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream err;
    private final String label;
    private long total = -1;
    private long lastDraw;
    private int drawnWidth;

    TerminalProgress(PrintStream err, String label) {
        this.err = err;
        this.label = label;
    }

    @Override
    public synchronized void start(URI source, long total) {
        this.total = total;
        draw(0);
        lastDraw = System.nanoTime();
    }

    @Override
    public synchronized void advance(long bytesSoFar) {
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            draw(bytesSoFar);
        }
    }

    @Override
    public synchronized void finish(long bytes, Duration took) {
        draw(bytes);
        err.print(" in " + Sizes.seconds(took) + "\n");
        err.flush();
        drawnWidth = 0;
    }

    @Override
    public synchronized void abort() {
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
        }
    }

    private void draw(long bytes) {
        String line = ProgressText.bar(label, bytes, total);
        // Pads over the rest of a longer earlier line (sizes can shrink as units change).
        err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
        err.flush();
        drawnWidth = Math.max(drawnWidth, line.length());
    }
}
