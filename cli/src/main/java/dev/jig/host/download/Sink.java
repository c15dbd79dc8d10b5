package dev.jig.host.download;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where a body goes: written, digested, counted against the limit, and timed for the stall
 * check. Writes may come from an HTTP client thread while the caller closes the sink to abort;
 * both are serialised, and nothing is written once it is closed.
 */
final class Sink {

    private final URI source;
    private final OutputStream out;
    private final long maxBytes;
    private final Progress progress;
    private final MessageDigest sha;
    private final byte[] chunk = new byte[64 * 1024];
    private long bytes;
    private boolean closed;
    private volatile long lastActivity = System.nanoTime();

    Sink(URI source, OutputStream out, long maxBytes, Progress progress) {
        this.source = source;
        this.out = out;
        this.maxBytes = maxBytes;
        this.progress = progress;
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Writes {@code buffer}'s remaining bytes. */
    synchronized void write(ByteBuffer buffer) throws DownloadException {
        while (buffer.hasRemaining()) {
            int n = Math.min(chunk.length, buffer.remaining());
            buffer.get(chunk, 0, n);
            write(chunk, 0, n);
        }
    }

    /** Writes {@code length} bytes of {@code data} from {@code offset}. */
    synchronized void write(byte[] data, int offset, int length) throws DownloadException {
        if (closed) {
            throw new DownloadException(source, DownloadException.Kind.IO, Urls.display(source) + ": download aborted");
        }
        if (bytes + length > maxBytes) {
            throw Failures.tooLarge(source, maxBytes);
        }
        try {
            out.write(data, offset, length);
        } catch (IOException e) {
            throw new DownloadException(source, DownloadException.Kind.IO,
                    "cannot save " + Urls.display(source) + ": " + Failures.reason(e), e);
        }
        sha.update(data, offset, length);
        bytes += length;
        touch();
        progress.advance(bytes);
    }

    /** Something arrived (headers, or a body chunk): the stall clock starts again. */
    void touch() {
        lastActivity = System.nanoTime();
    }

    /** Nanoseconds since anything arrived. */
    long idleNanos() {
        return System.nanoTime() - lastActivity;
    }

    long maxBytes() {
        return maxBytes;
    }

    synchronized long bytes() {
        return bytes;
    }

    /** The SHA-256 of what was written, in lower-case hex. */
    synchronized String sha256() {
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Stops accepting writes; waits for a write in progress to end. */
    synchronized void close() {
        closed = true;
    }
}
