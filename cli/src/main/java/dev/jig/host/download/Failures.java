package dev.jig.host.download;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLException;

/** The one-line messages of failed downloads. */
final class Failures {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(300, "Multiple Choices"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
            Map.entry(303, "See Other"), Map.entry(304, "Not Modified"), Map.entry(307, "Temporary Redirect"),
            Map.entry(308, "Permanent Redirect"), Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(406, "Not Acceptable"), Map.entry(407, "Proxy Authentication Required"),
            Map.entry(408, "Request Timeout"), Map.entry(410, "Gone"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private Failures() {
    }

    /** {@code <url> answered HTTP 404 Not Found; check the URL}. */
    static DownloadException status(URI source, int status) {
        String reason = REASONS.get(status);
        String advice;
        if (status / 100 == 3) {
            advice = "; the redirect was not followed (from https to http, or too many in a row)";
        } else if (status / 100 == 5) {
            advice = "; the server failed, try again later";
        } else {
            advice = "; check the URL";
        }
        return new DownloadException(source, DownloadException.Kind.STATUS, Urls.display(source) + " answered HTTP "
                + status + (reason == null ? "" : " " + reason) + advice);
    }

    static DownloadException tooLarge(URI source, long maxBytes) {
        return new DownloadException(source, DownloadException.Kind.TOO_LARGE, Urls.display(source)
                + " is larger than the limit of " + Sizes.count(maxBytes) + " bytes; refusing to download it");
    }

    static DownloadException truncated(URI source, long bytes, long expected) {
        return new DownloadException(source, DownloadException.Kind.TRUNCATED, Urls.display(source) + ": truncated: "
                + Sizes.count(bytes) + " of " + Sizes.count(expected) + " bytes arrived before the connection closed;"
                + " try again");
    }

    static DownloadException stalled(URI source, Duration stall, long bytes) {
        return new DownloadException(source, DownloadException.Kind.STALLED, Urls.display(source) + " stalled: no data for "
                + Sizes.seconds(stall) + " after " + Sizes.count(bytes) + " bytes; try again");
    }

    static DownloadException missing(URI source, String what) {
        return new DownloadException(source, DownloadException.Kind.MISSING, Urls.display(source) + ": " + what
                + "; check the path");
    }

    static DownloadException unsupported(URI source, String what) {
        return new DownloadException(source, DownloadException.Kind.UNSUPPORTED, "cannot download "
                + Urls.display(source) + ": " + what);
    }

    /**
     * A failure before any response: no connection, unknown host, TLS, or the connection lost.
     *
     * @param connectTimeout the limit that applied, named in its message
     */
    static DownloadException connection(URI source, Throwable failure, Duration connectTimeout) {
        String url = Urls.display(source);
        if (failure instanceof HttpConnectTimeoutException) {
            return new DownloadException(source, DownloadException.Kind.CONNECT, "cannot connect to " + url
                    + ": no answer within " + Sizes.seconds(connectTimeout) + "; check the network or try again", failure);
        }
        if (find(failure, UnresolvedAddressException.class) || find(failure, UnknownHostException.class)) {
            return new DownloadException(source, DownloadException.Kind.CONNECT, "cannot connect to " + url
                    + ": unknown host '" + source.getHost() + "'; check the URL and the network", failure);
        }
        if (find(failure, SSLException.class)) {
            return new DownloadException(source, DownloadException.Kind.CONNECT, "cannot connect to " + url
                    + ": TLS failed (" + reason(failure) + "); check the URL and the system's certificates", failure);
        }
        if (failure instanceof ConnectException) {
            return new DownloadException(source, DownloadException.Kind.CONNECT, "cannot connect to " + url
                    + ": connection refused; check the URL and that the server is up", failure);
        }
        return new DownloadException(source, DownloadException.Kind.IO, "cannot download " + url + ": "
                + reason(failure), failure);
    }

    /** The first line of a failure's message, or its type when it has none. */
    static String reason(Throwable failure) {
        if (failure instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (failure instanceof FileSystemException && ((FileSystemException) failure).getReason() != null) {
            return ((FileSystemException) failure).getReason();
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank() && !(t != failure && message.equals(t.getClass().getName()))) {
                return message.strip().lines().findFirst().orElse(message);
            }
        }
        return failure instanceof IOException ? "I/O error (" + failure.getClass().getSimpleName() + ")"
                : failure.getClass().getSimpleName();
    }

    private static boolean find(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
