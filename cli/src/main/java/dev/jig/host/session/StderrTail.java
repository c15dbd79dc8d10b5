package dev.jig.host.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Drains a process's stderr on a daemon thread, keeping only the last bytes for diagnostics. */
final class StderrTail {

    private static final int KEEP = 2048;

    private final byte[] ring = new byte[KEEP];
    private long written;

    static StderrTail follow(Process process) {
        StderrTail tail = new StderrTail();
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
            }
        } catch (IOException e) {
            // the process closed its stderr: what we have is all there is
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
