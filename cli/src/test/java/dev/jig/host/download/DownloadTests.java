package dev.jig.host.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a real HTTP server on 127.0.0.1 and from real files. */
class DownloadTests {

    private static final String AGENT = "jig-test/0.1.0";
    private static final byte[] ARTIFACT = new byte[300 * 1024 + 17];

    static {
        new Random(42).nextBytes(ARTIFACT);
    }

    @TempDir
    Path dir;

    private HttpServer server;
    private ExecutorService handlers;
    /** Released when the test ends, so stalling handlers return. */
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> agents = new ArrayList<>();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        server.createContext("/plugin.tar.gz", exchange -> {
            synchronized (agents) {
                agents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
            }
            send(exchange, 200, ARTIFACT);
        });
        server.createContext("/missing", exchange -> send(exchange, 404, "no such thing".getBytes()));
        server.createContext("/broken", exchange -> send(exchange, 503, new byte[0]));
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/plugin.tar.gz");
            send(exchange, 302, new byte[0]);
        });
        server.createContext("/truncated", exchange -> {
            exchange.sendResponseHeaders(200, 4096);
            OutputStream body = exchange.getResponseBody();
            body.write(ARTIFACT, 0, 1000);
            body.flush();
            // Closing with bytes still owed makes the server drop the connection.
            exchange.close();
        });
        server.createContext("/stall-body", exchange -> {
            exchange.sendResponseHeaders(200, ARTIFACT.length);
            OutputStream body = exchange.getResponseBody();
            body.write(ARTIFACT, 0, 1024);
            body.flush();
            hold();
            exchange.close();
        });
        server.createContext("/stall-headers", exchange -> {
            hold();
            send(exchange, 200, ARTIFACT);
        });
        server.createContext("/chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(ARTIFACT);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        server.stop(0);
        handlers.shutdownNow();
        assertTrue(handlers.awaitTermination(30, TimeUnit.SECONDS), "server handlers ended");
    }

    @Test
    void fetchesAFileAndComputesItsSha256WhileStreaming() throws Exception {
        Path target = dir.resolve("plugin.tar.gz");
        Download.Fetched fetched = download(Duration.ofSeconds(30), Long.MAX_VALUE).fetch(url("/plugin.tar.gz"), target);
        assertEquals(target, fetched.file());
        assertEquals(ARTIFACT.length, fetched.bytes());
        assertEquals(sha256(ARTIFACT), fetched.sha256());
        assertArrayEquals(ARTIFACT, Files.readAllBytes(target));
        assertEquals(List.of(AGENT), agents);
    }

    @Test
    void truncatesAnExistingTarget() throws Exception {
        Path target = Files.write(dir.resolve("plugin.tar.gz"), new byte[ARTIFACT.length * 2]);
        download(Duration.ofSeconds(30), Long.MAX_VALUE).fetch(url("/plugin.tar.gz"), target);
        assertArrayEquals(ARTIFACT, Files.readAllBytes(target));
    }

    @Test
    void followsARedirect() throws Exception {
        Download.Fetched fetched = download(Duration.ofSeconds(30), Long.MAX_VALUE)
                .fetch(url("/moved"), dir.resolve("plugin.tar.gz"));
        assertEquals(sha256(ARTIFACT), fetched.sha256());
    }

    @Test
    void aStatusOtherThan2xxNamesTheUrlAndTheStatus() {
        Path target = dir.resolve("missing");
        DownloadException e = fails(url("/missing"), target, Duration.ofSeconds(30), Long.MAX_VALUE);
        assertEquals(DownloadException.Kind.STATUS, e.kind());
        assertEquals(url("/missing") + " answered HTTP 404 Not Found; check the URL", e.getMessage());
        assertFalse(Files.exists(target));

        e = fails(url("/broken"), target, Duration.ofSeconds(30), Long.MAX_VALUE);
        assertEquals(url("/broken") + " answered HTTP 503 Service Unavailable; the server failed, try again later",
                e.getMessage());
    }

    @Test
    void aBodyShorterThanItsContentLengthIsTruncated() {
        Path target = dir.resolve("truncated");
        DownloadException e = fails(url("/truncated"), target, Duration.ofSeconds(30), Long.MAX_VALUE);
        assertEquals(DownloadException.Kind.TRUNCATED, e.kind(), e.getMessage());
        assertEquals(url("/truncated") + ": truncated: 1,000 of 4,096 bytes arrived before the connection closed;"
                + " try again", e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void aStalledBodyIsAbortedAndItsPartialFileRemoved() {
        Path target = dir.resolve("stalled");
        // Long enough that the first 1,024 bytes surely arrive first, even on a loaded machine.
        Duration stall = Duration.ofSeconds(2);
        long started = System.nanoTime();
        DownloadException e = fails(url("/stall-body"), target, stall, Long.MAX_VALUE);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(DownloadException.Kind.STALLED, e.kind(), e.getMessage());
        assertEquals(url("/stall-body") + " stalled: no data for 2.0 s after 1,024 bytes; try again", e.getMessage());
        // The handler holds the body open for far longer; only the watchdog ends the call this early.
        assertTrue(took.compareTo(stall.plusSeconds(15)) < 0, "gave up after " + took);
        assertFalse(Files.exists(target));
    }

    @Test
    void anInterruptedFetchEndsAndRemovesItsPartialFile() throws Exception {
        Path target = dir.resolve("interrupted");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread fetcher = new Thread(() -> {
            try {
                download(Duration.ofSeconds(120), Long.MAX_VALUE).fetch(url("/stall-body"), target);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        fetcher.start();
        // The server sends 1,024 bytes, then holds the body open.
        for (int i = 0; i < 300 && !(Files.exists(target) && Files.size(target) == 1024); i++) {
            Thread.sleep(100);
        }
        assertEquals(1024, Files.size(target));
        fetcher.interrupt();
        fetcher.join(30_000);
        assertFalse(fetcher.isAlive(), "the fetch ended");
        assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
        assertFalse(Files.exists(target));
    }

    @Test
    void aTargetThatCannotBeWrittenNamesIt() {
        Path target = dir.resolve("no/such/dir/plugin.tar.gz");
        DownloadException e = fails(url("/plugin.tar.gz"), target, Duration.ofSeconds(30), Long.MAX_VALUE);
        assertEquals(DownloadException.Kind.IO, e.kind());
        assertEquals("cannot save " + url("/plugin.tar.gz") + " to " + target + ": no such file or directory",
                e.getMessage());
    }

    @Test
    void aServerThatNeverAnswersStallsToo() {
        Path target = dir.resolve("stalled");
        DownloadException e = fails(url("/stall-headers"), target, Duration.ofMillis(500), Long.MAX_VALUE);
        assertEquals(DownloadException.Kind.STALLED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("after 0 bytes"), e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void aBodyLargerThanTheLimitIsRefused() {
        Path target = dir.resolve("big");
        // Declared too large: refused before the body is read.
        DownloadException declared = fails(url("/plugin.tar.gz"), target, Duration.ofSeconds(30), 100_000);
        assertEquals(DownloadException.Kind.TOO_LARGE, declared.kind());
        assertEquals(url("/plugin.tar.gz") + " is larger than the limit of 100,000 bytes; refusing to download it",
                declared.getMessage());
        assertFalse(Files.exists(target));
        // Not declared (chunked): counted as it arrives.
        DownloadException counted = fails(url("/chunked"), target, Duration.ofSeconds(30), 100_000);
        assertEquals(DownloadException.Kind.TOO_LARGE, counted.kind(), counted.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void aChunkedBodyWithinTheLimitArrivesWhole() throws Exception {
        Download.Fetched fetched = download(Duration.ofSeconds(30), ARTIFACT.length)
                .fetch(url("/chunked"), dir.resolve("chunked"));
        assertEquals(sha256(ARTIFACT), fetched.sha256());
    }

    @Test
    void aClosedPortIsRefused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port + "/plugin.tar.gz");
        Path target = dir.resolve("refused");
        DownloadException e = fails(closed, target, Duration.ofSeconds(30), Long.MAX_VALUE);
        assertEquals(DownloadException.Kind.CONNECT, e.kind(), e.getMessage());
        assertEquals("cannot connect to " + closed + ": connection refused; check the URL and that the server is up",
                e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void copiesAFileUrl() throws Exception {
        Path source = Files.write(dir.resolve("source.zip"), ARTIFACT);
        Download.Fetched fetched = download(Duration.ofSeconds(30), Long.MAX_VALUE)
                .fetch(source.toUri(), dir.resolve("copy.zip"));
        assertEquals(ARTIFACT.length, fetched.bytes());
        assertEquals(sha256(ARTIFACT), fetched.sha256());
        assertArrayEquals(ARTIFACT, Files.readAllBytes(dir.resolve("copy.zip")));
    }

    @Test
    void aMissingFileUrlSaysSo() {
        URI missing = dir.resolve("nowhere.zip").toUri();
        Path target = dir.resolve("copy.zip");
        DownloadException e = fails(missing, target, Duration.ofSeconds(30), Long.MAX_VALUE);
        assertEquals(DownloadException.Kind.MISSING, e.kind());
        assertEquals(missing + ": no such file; check the path", e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void aFileLargerThanTheLimitIsRefused() throws Exception {
        Path source = Files.write(dir.resolve("source.zip"), ARTIFACT);
        Path target = dir.resolve("copy.zip");
        assertEquals(DownloadException.Kind.TOO_LARGE, fails(source.toUri(), target, Duration.ofSeconds(30), 10).kind());
        assertFalse(Files.exists(target));
    }

    @Test
    void anUnsupportedSchemeIsRefused() {
        DownloadException e = fails(URI.create("ftp://example.org/plugin.zip"), dir.resolve("x"),
                Duration.ofSeconds(30), Long.MAX_VALUE);
        assertEquals(DownloadException.Kind.UNSUPPORTED, e.kind());
        assertEquals("cannot download ftp://example.org/plugin.zip: unsupported scheme 'ftp'; use https:, http: or file:",
                e.getMessage());
    }

    @Test
    void bytesReadsSmallDocumentsOverBothTransports() throws Exception {
        Download download = download(Duration.ofSeconds(30), Long.MAX_VALUE);
        assertArrayEquals(ARTIFACT, download.bytes(url("/plugin.tar.gz"), ARTIFACT.length));
        Path index = Files.writeString(dir.resolve("index.json"), "{\"plugins\":[]}");
        assertArrayEquals(Files.readAllBytes(index), download.bytes(index.toUri(), 1024));

        DownloadException large = assertThrows(DownloadException.class,
                () -> download.bytes(url("/chunked"), 1000));
        assertEquals(DownloadException.Kind.TOO_LARGE, large.kind());
        assertEquals(DownloadException.Kind.STATUS,
                assertThrows(DownloadException.class, () -> download.bytes(url("/missing"), 1000)).kind());
    }

    @Test
    void progressHearsTheStartEveryAdvanceAndTheEnd() throws Exception {
        List<String> events = new ArrayList<>();
        List<Long> advances = new ArrayList<>();
        Progress recording = new Progress() {
            @Override
            public synchronized void start(URI source, long total) {
                events.add("start " + source + " " + total);
            }

            @Override
            public synchronized void advance(long bytesSoFar) {
                advances.add(bytesSoFar);
            }

            @Override
            public synchronized void finish(long bytes, Duration took) {
                events.add("finish " + bytes);
            }

            @Override
            public synchronized void abort() {
                events.add("abort");
            }
        };
        Download download = download(Duration.ofSeconds(30), Long.MAX_VALUE).withProgress(recording);
        download.fetch(url("/plugin.tar.gz"), dir.resolve("a"));
        assertEquals(List.of("start " + url("/plugin.tar.gz") + " " + ARTIFACT.length, "finish " + ARTIFACT.length),
                events);
        assertFalse(advances.isEmpty());
        for (int i = 1; i < advances.size(); i++) {
            assertTrue(advances.get(i) > advances.get(i - 1), "advances grow: " + advances);
        }
        assertEquals(ARTIFACT.length, advances.get(advances.size() - 1));

        events.clear();
        assertThrows(DownloadException.class, () -> download.fetch(url("/truncated"), dir.resolve("b")));
        assertEquals(List.of("start " + url("/truncated") + " 4096", "abort"), events);
    }

    private Download download(Duration stall, long maxBytes) {
        return Download.of(AGENT, Duration.ofSeconds(10), stall, maxBytes);
    }

    private DownloadException fails(URI source, Path target, Duration stall, long maxBytes) {
        return assertThrows(DownloadException.class, () -> download(stall, maxBytes).fetch(source, target));
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void hold() {
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
