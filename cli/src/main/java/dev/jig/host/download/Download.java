package dev.jig.host.download;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fetches one artifact to a file while computing its SHA-256. {@code http:} and {@code https:}
 * go through the JDK's {@link HttpClient} (redirects followed except from https to http);
 * {@code file:} URLs are copied. Every failure is a {@link DownloadException} with a one-line
 * message naming the URL, and leaves no partial file behind.
 *
 * <p>The JDK client has no idle timeout, so the calling thread watches the transfer itself: when
 * nothing arrives for the stall timeout (while waiting for the answer or inside the body) it
 * cancels the exchange. This class starts no thread of its own; the JDK client's threads live as
 * long as the {@code Download} (a Java 17 client cannot be closed).
 */
public final class Download {

    private final String userAgent;
    private final Duration connectTimeout;
    private final Duration stallTimeout;
    private final long maxBytes;
    private final Progress progress;
    private final AtomicReference<HttpClient> client;

    private Download(String userAgent, Duration connectTimeout, Duration stallTimeout, long maxBytes,
                     Progress progress, AtomicReference<HttpClient> client) {
        this.userAgent = userAgent;
        this.connectTimeout = connectTimeout;
        this.stallTimeout = stallTimeout;
        this.maxBytes = maxBytes;
        this.progress = progress;
        this.client = client;
    }

    /**
     * A download with no progress shown.
     *
     * @param userAgent      the {@code User-Agent} header, naming the CLI and its version
     * @param connectTimeout how long to wait for a connection
     * @param stallTimeout   how long to wait for the next byte, from the request on
     * @param maxBytes       the largest artifact accepted by {@link #fetch}
     */
    public static Download of(String userAgent, Duration connectTimeout, Duration stallTimeout, long maxBytes) {
        Objects.requireNonNull(userAgent, "userAgent");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative");
        }
        return new Download(userAgent, connectTimeout, stallTimeout, maxBytes, Progress.NONE, new AtomicReference<>());
    }

    /** The same download, telling {@code progress} how {@link #fetch} advances. */
    public Download withProgress(Progress progress) {
        return new Download(userAgent, connectTimeout, stallTimeout, maxBytes, Objects.requireNonNull(progress), client);
    }

    /**
     * A fetched artifact.
     *
     * @param file   where it was written
     * @param bytes  its length
     * @param sha256 its SHA-256 in lower-case hex
     */
    public record Fetched(Path file, long bytes, String sha256) {
        /** Checks that nothing is missing. */
        public Fetched {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /**
     * Streams {@code source} into {@code target} (created, or truncated when it exists), computing
     * its SHA-256 on the way. On failure {@code target} is deleted.
     *
     * @param target a file in a directory the caller owns (a staging directory)
     */
    public Fetched fetch(URI source, Path target) throws DownloadException, InterruptedException {
        long started = System.nanoTime();
        boolean done = false;
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            Sink sink = new Sink(source, Channels.newOutputStream(channel), maxBytes, progress);
            transfer(source, sink, progress);
            channel.force(false);
            Fetched fetched = new Fetched(target, sink.bytes(), sink.sha256());
            done = true;
            progress.finish(fetched.bytes(), Duration.ofNanos(System.nanoTime() - started));
            return fetched;
        } catch (IOException e) {
            throw new DownloadException(source, DownloadException.Kind.IO, "cannot save " + Urls.display(source)
                    + " to " + target + ": " + Failures.reason(e), e);
        } finally {
            if (!done) {
                progress.abort();
                try {
                    Files.deleteIfExists(target);
                } catch (IOException e) {
                    // The caller removes its staging directory anyway.
                }
            }
        }
    }

    /**
     * The whole of a small document (an index), in memory; the same transports and failures as
     * {@link #fetch}, with no progress shown.
     *
     * @param maxBytes the largest document accepted
     */
    public byte[] bytes(URI source, long maxBytes) throws DownloadException, InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transfer(source, new Sink(source, out, maxBytes, Progress.NONE), Progress.NONE);
        return out.toByteArray();
    }

    private void transfer(URI source, Sink sink, Progress shown) throws DownloadException, InterruptedException {
        String scheme = source.getScheme() == null ? "" : source.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "http":
            case "https":
                http(source, sink, shown);
                break;
            case "file":
                file(source, sink, shown);
                break;
            default:
                throw Failures.unsupported(source, scheme.isEmpty() ? "not an absolute URL; use https:, http: or file:"
                        : "unsupported scheme '" + scheme + "'; use https:, http: or file:");
        }
    }

    private void file(URI source, Sink sink, Progress shown) throws DownloadException {
        Path file;
        try {
            file = Path.of(source);
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            throw Failures.unsupported(source, "not a local file URL (" + Failures.reason(e) + ")");
        }
        if (Files.isDirectory(file)) {
            throw Failures.missing(source, "is a directory, not a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            if (size > sink.maxBytes()) {
                throw Failures.tooLarge(source, sink.maxBytes());
            }
            shown.start(source, size);
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sink.write(buffer, 0, n);
            }
        } catch (NoSuchFileException e) {
            throw Failures.missing(source, "no such file");
        } catch (IOException e) {
            throw new DownloadException(source, DownloadException.Kind.IO, "cannot read " + Urls.display(source) + ": "
                    + Failures.reason(e), e);
        }
    }

    private void http(URI source, Sink sink, Progress shown) throws DownloadException, InterruptedException {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(source).GET().header("User-Agent", userAgent).build();
        } catch (IllegalArgumentException e) {
            throw Failures.unsupported(source, Failures.reason(e));
        }
        AtomicReference<SinkSubscriber> body = new AtomicReference<>();
        AtomicLong declared = new AtomicLong(-1);
        HttpResponse.BodyHandler<Void> handler = info -> {
            sink.touch();
            if (info.statusCode() / 100 != 2) {
                return SinkSubscriber.refusing(Failures.status(source, info.statusCode()));
            }
            long length = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            declared.set(length);
            if (length > sink.maxBytes()) {
                return SinkSubscriber.refusing(Failures.tooLarge(source, sink.maxBytes()));
            }
            shown.start(source, length);
            SinkSubscriber subscriber = new SinkSubscriber(sink);
            body.set(subscriber);
            return subscriber;
        };
        CompletableFuture<HttpResponse<Void>> response = client().sendAsync(request, handler);
        boolean done = false;
        try {
            await(source, response, sink);
            done = true;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            DownloadException refused = find(cause);
            if (refused != null) {
                throw refused;
            }
            long expected = declared.get();
            if (body.get() == null) {
                throw Failures.connection(source, cause, connectTimeout);
            }
            if (expected >= 0 && sink.bytes() < expected) {
                throw Failures.truncated(source, sink.bytes(), expected);
            }
            throw new DownloadException(source, DownloadException.Kind.IO, "cannot download " + Urls.display(source)
                    + ": the connection failed after " + Sizes.count(sink.bytes()) + " bytes (" + Failures.reason(cause)
                    + "); try again", cause);
        } finally {
            if (!done) {
                SinkSubscriber subscriber = body.get();
                if (subscriber != null) {
                    subscriber.cancel();
                }
                response.cancel(true);
                sink.close();
            }
        }
        long expected = declared.get();
        if (expected >= 0 && sink.bytes() != expected) {
            throw Failures.truncated(source, sink.bytes(), expected);
        }
    }

    /** Waits for the exchange to end, cancelling it when nothing arrives for the stall timeout. */
    private void await(URI source, CompletableFuture<HttpResponse<Void>> response, Sink sink)
            throws ExecutionException, InterruptedException, DownloadException {
        long stallNanos = stallTimeout.toNanos();
        long pollMillis = Math.max(10, Math.min(250, stallTimeout.toMillis() / 4));
        while (true) {
            try {
                response.get(pollMillis, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (sink.idleNanos() > stallNanos) {
                    throw Failures.stalled(source, stallTimeout, sink.bytes());
                }
            }
        }
    }

    private static DownloadException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DownloadException) {
                return (DownloadException) t;
            }
        }
        return null;
    }

    private HttpClient client() {
        HttpClient existing = client.get();
        if (existing != null) {
            return existing;
        }
        HttpClient created = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(connectTimeout)
                .build();
        return client.compareAndExchange(null, created) == null ? created : client.get();
    }
}
