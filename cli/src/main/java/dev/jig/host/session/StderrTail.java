package dev.jig.host.session;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Drains a process's stderr on a daemon thread, keeping the last bytes for diagnostics and,
 * when asked, passing each line on as it comes.
 */
final class StderrTail {

    private static final int KEEP = 2048;
    /** A longer line is passed on in pieces of this many bytes. */
    private static final int MAX_LINE = 4096;

    private final byte[] ring = new byte[KEEP];
    private final Consumer<String> lines;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final CountDownLatch drained = new CountDownLatch(1);
    private long written;

    private StderrTail(Consumer<String> lines) {
        this.lines = lines;
    }

    static StderrTail follow(Process process) {
        return follow(process, null);
    }

    /** @param lines receives each line, without its line break; null to keep the tail only */
    static StderrTail follow(Process process, Consumer<String> lines) {
        StderrTail tail = new StderrTail(lines);
        Thread thread = new Thread(() -> tail.drain(process.getErrorStream()), "plugin-stderr-" + process.pid());
        thread.setDaemon(true);
        thread.start();
        return tail;
    }

    private void drain(InputStream in) {
        byte[] chunk = new byte[1024];
        try {
            int read;
            while ((read = in.read(chunk)) > 0) {
                append(chunk, read);
                if (lines != null) {
                    split(chunk, read);
                }
            }
        } catch (IOException e) {
            // the process closed its stderr: what we have is all there is
        }
        if (lines != null && line.size() > 0) {
            lines.accept(line.toString(StandardCharsets.UTF_8));
        }
        drained.countDown();
    }

    /** Waits until the end of the stream has been read, at most {@code timeout}. */
    void awaitDrained(Duration timeout) throws InterruptedException {
        drained.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void split(byte[] chunk, int length) {
        for (int i = 0; i < length; i++) {
            if (chunk[i] == '\n' || line.size() == MAX_LINE) {
                lines.accept(line.toString(StandardCharsets.UTF_8));
                line.reset();
            }
            if (chunk[i] != '\n') {
                line.write(chunk[i]);
            }
        }
    }

    private synchronized void append(byte[] chunk, int length) {
        for (int i = 0; i < length; i++) {
            ring[(int) (written++ % KEEP)] = chunk[i];
        }
    }

    /** The kept bytes as text, oldest first, trimmed. */
    synchronized String text() {
        int size = (int) Math.min(written, KEEP);
        byte[] ordered = new byte[size];
        for (int i = 0; i < size; i++) {
            ordered[i] = ring[(int) ((written - size + i) % KEEP)];
        }
        return new String(ordered, StandardCharsets.UTF_8).strip();
    }
}
