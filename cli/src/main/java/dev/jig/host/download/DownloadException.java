package dev.jig.host.download;

import java.net.URI;

/** A download that failed; the message is one line naming the URL and, where it helps, what to do. */
public final class DownloadException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that treat some failures differently (a retry, say). */
    public enum Kind {
        /** The server answered with a status other than 2xx. */
        STATUS,
        /** No connection: refused, unknown host, TLS failure or connect timeout. */
        CONNECT,
        /** The body ended before its declared {@code Content-Length}. */
        TRUNCATED,
        /** No byte arrived for the stall timeout. */
        STALLED,
        /** The artifact is larger than the limit. */
        TOO_LARGE,
        /** A {@code file:} source that does not exist or is not a regular file. */
        MISSING,
        /** The URL cannot be fetched at all (scheme, syntax). */
        UNSUPPORTED,
        /** Any other I/O failure, reading or writing. */
        IO
    }

    private final transient URI source;
    private final Kind kind;

    DownloadException(URI source, Kind kind, String message) {
        super(message);
        this.source = source;
        this.kind = kind;
    }

    DownloadException(URI source, Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.source = source;
        this.kind = kind;
    }

    /** The URL that was asked for (before any redirect). */
    public URI source() {
        return source;
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }
}
