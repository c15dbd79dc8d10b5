package dev.jig.protocol.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.protocol.Id;
import dev.jig.protocol.Message;
import dev.jig.protocol.codec.Inbound;
import dev.jig.protocol.codec.Json;
import dev.jig.protocol.codec.JsonLinesReader;
import dev.jig.protocol.codec.JsonLinesWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the JSON Lines codec on small protocol messages, over in-memory streams: each
 * invocation handles two messages (a {@code log} notification and a small request), so every
 * score is in messages per second.
 *
 * <p>Run by {@code scripts/bench}; by hand, after {@code ./mvnw -q -B -DskipTests package}:
 * {@code java -cp "$(cat cp.txt):protocol/target/test-classes:protocol/target/classes" org.openjdk.jmh.Main JsonLinesCodecBenchmark}
 * where {@code cp.txt} comes from {@code ./mvnw -q -B -pl protocol dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class JsonLinesCodecBenchmark {

    /** Copies of the two messages back to back, so one read of the cyclic input fills the reader's buffer. */
    private static final int COPIES = 64;

    private Message log;
    private Message request;
    private Loopback loopback;
    private JsonLinesWriter writer;
    private JsonLinesReader loopbackReader;
    private JsonLinesReader cyclicReader;

    @Setup
    public void setUp() throws IOException {
        log = new Message.Notification("log",
                tree("{\"level\":\"info\",\"message\":\"loaded 5 languages from the phrase book\"}"));
        request = new Message.Request(Id.of(42), "initialize",
                tree("{\"protocolVersions\":[1],\"cli\":{\"name\":\"jig\",\"version\":\"0.1.0\"}}"));

        loopback = new Loopback();
        writer = new JsonLinesWriter(loopback.output());
        loopbackReader = new JsonLinesReader(loopback.input());

        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        JsonLinesWriter encoder = new JsonLinesWriter(lines);
        for (int i = 0; i < COPIES; i++) {
            encoder.write(log);
            encoder.write(request);
        }
        cyclicReader = new JsonLinesReader(new CyclicInput(lines.toByteArray()));

        // The codec must give back what it was given, or the numbers mean nothing.
        for (Message message : new Message[] {log, request}) {
            writer.write(message);
            Inbound back = loopbackReader.read();
            if (!(back instanceof Inbound.Received received) || !received.message().equals(message)) {
                throw new IllegalStateException("round trip changed " + message + " into " + back);
            }
        }
        for (int i = 0; i < 2 * COPIES; i++) {
            if (!(cyclicReader.read() instanceof Inbound.Received)) {
                throw new IllegalStateException("the encoded lines do not read back");
            }
        }
    }

    /** Encodes a {@code log} notification and a request to a memory buffer. */
    @Benchmark
    @OperationsPerInvocation(2)
    public void write() throws IOException {
        writer.write(log);
        writer.write(request);
        loopback.clear();
    }

    /** Decodes a {@code log} notification and a request from pre-encoded lines. */
    @Benchmark
    @OperationsPerInvocation(2)
    public void read(Blackhole blackhole) throws IOException {
        blackhole.consume(cyclicReader.read());
        blackhole.consume(cyclicReader.read());
    }

    /** Encodes each message and decodes it again through one in-memory stream. */
    @Benchmark
    @OperationsPerInvocation(2)
    public void roundTrip(Blackhole blackhole) throws IOException {
        writer.write(log);
        blackhole.consume(loopbackReader.read());
        writer.write(request);
        blackhole.consume(loopbackReader.read());
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A single-threaded in-memory pipe: what the output side wrote, the input side reads. */
    static final class Loopback {
        private byte[] bytes = new byte[4096];
        private int readAt;
        private int writeAt;

        OutputStream output() {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    ensure(1);
                    bytes[writeAt++] = (byte) b;
                }

                @Override
                public void write(byte[] source, int offset, int length) {
                    ensure(length);
                    System.arraycopy(source, offset, bytes, writeAt, length);
                    writeAt += length;
                }
            };
        }

        InputStream input() {
            return new InputStream() {
                @Override
                public int read() {
                    if (readAt == writeAt) {
                        return -1;
                    }
                    int b = bytes[readAt++] & 0xff;
                    compact();
                    return b;
                }

                @Override
                public int read(byte[] target, int offset, int length) {
                    if (readAt == writeAt) {
                        return -1;
                    }
                    int n = Math.min(length, writeAt - readAt);
                    System.arraycopy(bytes, readAt, target, offset, n);
                    readAt += n;
                    compact();
                    return n;
                }
            };
        }

        void clear() {
            readAt = 0;
            writeAt = 0;
        }

        private void compact() {
            if (readAt == writeAt) {
                clear();
            }
        }

        private void ensure(int more) {
            if (writeAt + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, writeAt + more));
            }
        }
    }

    /** Serves the same bytes over and over, never reaching the end. */
    static final class CyclicInput extends InputStream {
        private final byte[] bytes;
        private int position;

        CyclicInput(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            int b = bytes[position] & 0xff;
            position = (position + 1) % bytes.length;
            return b;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            int n = Math.min(length, bytes.length - position);
            System.arraycopy(bytes, position, target, offset, n);
            position = (position + n) % bytes.length;
            return n;
        }
    }
}
