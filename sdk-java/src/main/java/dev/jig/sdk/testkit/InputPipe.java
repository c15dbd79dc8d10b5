package dev.jig.sdk.testkit;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The plugin's standard input: bytes the test sends, then the end of the stream once the test
 * closes it. Unlike {@link java.io.PipedInputStream}, it does not care which thread writes, and
 * writing never blocks.
 */
final class InputPipe extends InputStream {

    private static final byte[] END = new byte[0];

    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private byte[] chunk = new byte[0];
    private int position;
    private volatile boolean closed;

    /** Queues {@code bytes} for the reader; fails once the pipe is closed. */
    void send(byte[] bytes) {
        if (closed) {
            throw new IllegalStateException("the plugin's input is already closed");
        }
        chunks.add(Arrays.copyOf(bytes, bytes.length));
    }

    /** Ends the stream: the reader sees the end after the bytes already sent. Idempotent. */
    void end() {
        if (!closed) {
            closed = true;
            chunks.add(END);
        }
    }

    @Override
    public int read() throws InterruptedIOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws InterruptedIOException {
        if (length == 0) {
            return 0;
        }
        while (position == chunk.length) {
            if (chunk == END) {
                return -1;
            }
            try {
                chunk = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for input");
            }
            position = 0;
        }
        int count = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, buffer, offset, count);
        position += count;
        return count;
    }
}
