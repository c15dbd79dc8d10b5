package dev.jig.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.protocol.ErrorCodes;
import dev.jig.protocol.Id;
import dev.jig.protocol.Message;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One bad line is exactly one {@link Inbound.Rejected}, and the line after it reads normally. */
class JsonLinesReaderTests {

    private static final String NEXT = "{\"jsonrpc\":\"2.0\",\"method\":\"next\"}\n";

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static Stream<Arguments> badLines() {
        int depth = 100_000;
        return Stream.of(
                // not JSON, not UTF-8, over a limit: -32700, no id
                Arguments.of("malformed JSON", bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"), ErrorCodes.PARSE_ERROR, null),
                Arguments.of("unquoted key", bytes("{jsonrpc:\"2.0\"}"), ErrorCodes.PARSE_ERROR, null),
                Arguments.of("unterminated string", bytes("{\"jsonrpc\":\"2.0"), ErrorCodes.PARSE_ERROR, null),
                Arguments.of("garbage", bytes("Usage: jig-foo [OPTIONS]"), ErrorCodes.PARSE_ERROR, null),
                Arguments.of("invalid UTF-8", concat(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"x"), new byte[] {(byte) 0xff, (byte) 0xfe},
                        bytes("\"}")), ErrorCodes.PARSE_ERROR, null),
                Arguments.of("overlong UTF-8 encoding", concat(bytes("{\"jsonrpc\":\"2.0\",\"method\":\""),
                        new byte[] {(byte) 0xc0, (byte) 0xaf}, bytes("\"}")), ErrorCodes.PARSE_ERROR, null),
                Arguments.of("UTF-8 surrogate", concat(bytes("{\"jsonrpc\":\"2.0\",\"method\":\""),
                        new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, bytes("\"}")), ErrorCodes.PARSE_ERROR, null),
                Arguments.of("arrays nested 100,000 deep", bytes("[".repeat(depth)), ErrorCodes.PARSE_ERROR, null),
                Arguments.of("objects nested 100,000 deep", bytes("{\"a\":".repeat(depth)), ErrorCodes.PARSE_ERROR, null),
                Arguments.of("deep inside a request", bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\",\"params\":{\"p\":"
                        + "[".repeat(depth) + "]".repeat(depth) + "}}"), ErrorCodes.PARSE_ERROR, null),
                Arguments.of("two values on one line", bytes("{} {}"), ErrorCodes.PARSE_ERROR, null),
                // found by CodecFuzzTests: 1e400 parsed to infinity, which the writer sent on as a string
                Arguments.of("a float beyond a double", bytes("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"a\":[1,-1.5e400]}}"),
                        ErrorCodes.PARSE_ERROR, null),
                Arguments.of("a float beyond a double as an id", bytes("{\"jsonrpc\":\"2.0\",\"id\":1e999,\"method\":\"m\"}"),
                        ErrorCodes.PARSE_ERROR, null),
                Arguments.of("two messages on one line", bytes("{\"jsonrpc\":\"2.0\",\"method\":\"a\"}{\"jsonrpc\":\"2.0\",\"method\":\"b\"}"),
                        ErrorCodes.PARSE_ERROR, null),
                Arguments.of("trailing garbage", bytes("{\"jsonrpc\":\"2.0\",\"method\":\"a\"} x"), ErrorCodes.PARSE_ERROR, null),
                Arguments.of("string over the limit", bytes("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"s\":\""
                        + "x".repeat(Limits.DEFAULT.maxStringLength() + 1) + "\"}}"), ErrorCodes.PARSE_ERROR, null),
                Arguments.of("field name over the limit", bytes("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\""
                        + "k".repeat(Limits.DEFAULT.maxStringLength() + 1) + "\":1}}"), ErrorCodes.PARSE_ERROR, null),
                Arguments.of("number over the limit", bytes("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"n\":"
                        + "9".repeat(1001) + "}}"), ErrorCodes.PARSE_ERROR, null),
                // JSON, but not a JSON-RPC 2.0 object: -32600
                Arguments.of("an array", bytes("[{\"jsonrpc\":\"2.0\",\"method\":\"a\"}]"), ErrorCodes.INVALID_REQUEST, null),
                Arguments.of("a string", bytes("\"hello\""), ErrorCodes.INVALID_REQUEST, null),
                Arguments.of("a number", bytes("42"), ErrorCodes.INVALID_REQUEST, null),
                Arguments.of("null", bytes("null"), ErrorCodes.INVALID_REQUEST, null),
                Arguments.of("true", bytes("true"), ErrorCodes.INVALID_REQUEST, null),
                Arguments.of("an empty object", bytes("{}"), ErrorCodes.INVALID_REQUEST, null),
                Arguments.of("missing jsonrpc", bytes("{\"id\":1,\"method\":\"m\"}"), ErrorCodes.INVALID_REQUEST, Id.of(1)),
                Arguments.of("jsonrpc 1.0", bytes("{\"jsonrpc\":\"1.0\",\"id\":\"a\",\"method\":\"m\"}"), ErrorCodes.INVALID_REQUEST, Id.of("a")),
                Arguments.of("jsonrpc as a number", bytes("{\"jsonrpc\":2.0,\"id\":2,\"method\":\"m\"}"), ErrorCodes.INVALID_REQUEST, Id.of(2)),
                Arguments.of("jsonrpc null", bytes("{\"jsonrpc\":null,\"method\":\"m\"}"), ErrorCodes.INVALID_REQUEST, null),
                Arguments.of("fractional id", bytes("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"m\"}"), ErrorCodes.INVALID_REQUEST, null),
                Arguments.of("boolean id", bytes("{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"m\"}"), ErrorCodes.INVALID_REQUEST, null),
                Arguments.of("object id", bytes("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"m\"}"), ErrorCodes.INVALID_REQUEST, null),
                Arguments.of("array id", bytes("{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"m\"}"), ErrorCodes.INVALID_REQUEST, null),
                Arguments.of("id beyond a long", bytes("{\"jsonrpc\":\"2.0\",\"id\":99999999999999999999,\"method\":\"m\"}"),
                        ErrorCodes.INVALID_REQUEST, null),
                Arguments.of("method not a string", bytes("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":5}"), ErrorCodes.INVALID_REQUEST, Id.of(3)),
                Arguments.of("empty method", bytes("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"\"}"), ErrorCodes.INVALID_REQUEST, Id.of(3)),
                Arguments.of("request with array params", bytes("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"initialize\",\"params\":[1]}"),
                        ErrorCodes.INVALID_REQUEST, Id.of(7)),
                Arguments.of("request with string params", bytes("{\"jsonrpc\":\"2.0\",\"id\":\"s\",\"method\":\"initialize\",\"params\":\"x\"}"),
                        ErrorCodes.INVALID_REQUEST, Id.of("s")),
                Arguments.of("notification with number params", bytes("{\"jsonrpc\":\"2.0\",\"method\":\"log\",\"params\":3}"),
                        ErrorCodes.INVALID_REQUEST, null),
                Arguments.of("both result and error", bytes("{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{},\"error\":{\"code\":1,\"message\":\"m\"}}"),
                        ErrorCodes.INVALID_REQUEST, Id.of(5)),
                Arguments.of("neither method nor result nor error", bytes("{\"jsonrpc\":\"2.0\",\"id\":6}"), ErrorCodes.INVALID_REQUEST, Id.of(6)),
                Arguments.of("response without id", bytes("{\"jsonrpc\":\"2.0\",\"result\":1}"), ErrorCodes.INVALID_REQUEST, null),
                Arguments.of("error without code", bytes("{\"jsonrpc\":\"2.0\",\"id\":8,\"error\":{\"message\":\"m\"}}"),
                        ErrorCodes.INVALID_REQUEST, Id.of(8)),
                Arguments.of("error with a string code", bytes("{\"jsonrpc\":\"2.0\",\"id\":8,\"error\":{\"code\":\"x\",\"message\":\"m\"}}"),
                        ErrorCodes.INVALID_REQUEST, Id.of(8)),
                Arguments.of("error with a fractional code", bytes("{\"jsonrpc\":\"2.0\",\"id\":8,\"error\":{\"code\":1.5,\"message\":\"m\"}}"),
                        ErrorCodes.INVALID_REQUEST, Id.of(8)),
                Arguments.of("error not an object", bytes("{\"jsonrpc\":\"2.0\",\"id\":8,\"error\":\"bad\"}"), ErrorCodes.INVALID_REQUEST, Id.of(8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLines")
    void badLineIsOneRejectionAndTheNextLineReads(String name, byte[] line, int code, Id id) throws IOException {
        JsonLinesReader reader = reader(concat(line, bytes("\n" + NEXT)));
        Inbound.Rejected rejected = assertInstanceOf(Inbound.Rejected.class, reader.read());
        assertEquals(code, rejected.error().code(), rejected.error().message());
        assertEquals(id, rejected.id());
        assertTrue(rejected.excerpt().length() <= 80, "excerpt is bounded: " + rejected.excerpt().length());
        assertNextThenEnd(reader);
    }

    @Test
    void aRejectedRequestCarriesItsIdForTheErrorReply() throws IOException {
        Inbound.Rejected rejected = (Inbound.Rejected) reader(bytes(
                "{\"jsonrpc\":\"2.0\",\"id\":\"init-1\",\"method\":\"initialize\",\"params\":[1]}\n")).read();
        assertEquals(Id.of("init-1"), rejected.id());
        assertEquals(ErrorCodes.INVALID_REQUEST, rejected.error().code());
        assertTrue(rejected.excerpt().startsWith("{\"jsonrpc\":\"2.0\",\"id\":\"init-1\""), rejected.excerpt());
    }

    @Test
    void truncatedLastLineIsRejectedThenTheStreamEnds() throws IOException {
        JsonLinesReader reader = reader(bytes(NEXT + "{\"jsonrpc\":\"2.0\",\"method\":\"cut"));
        assertNext(reader);
        Inbound.Rejected rejected = assertInstanceOf(Inbound.Rejected.class, reader.read());
        assertEquals(ErrorCodes.PARSE_ERROR, rejected.error().code());
        assertTrue(rejected.error().message().contains("truncated"), rejected.error().message());
        assertEquals("{\"jsonrpc\":\"2.0\",\"method\":\"cut", rejected.excerpt());
        assertInstanceOf(Inbound.EndOfStream.class, reader.read());
        assertInstanceOf(Inbound.EndOfStream.class, reader.read(), "the end stays the end");
    }

    @Test
    void aCompleteMessageWithoutItsNewlineIsStillTruncated() throws IOException {
        JsonLinesReader reader = reader(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"m\"}"));
        assertEquals(ErrorCodes.PARSE_ERROR, assertInstanceOf(Inbound.Rejected.class, reader.read()).error().code());
        assertInstanceOf(Inbound.EndOfStream.class, reader.read());
    }

    @Test
    void whitespaceBeforeTheEndIsNotALine() throws IOException {
        JsonLinesReader reader = reader(bytes(NEXT + "  \r"));
        assertNextThenEnd(reader);
    }

    @Test
    void emptyStreamEndsAtOnce() throws IOException {
        assertInstanceOf(Inbound.EndOfStream.class, reader(new byte[0]).read());
    }

    @Test
    void tenMebibyteLineIsSkippedWithoutBufferingIt() throws IOException {
        long size = 10L << 20;
        InputStream huge = new SequenceInputStream(new ByteArrayInputStream(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"s\":\"")),
                new RepeatingInputStream((byte) 'x', size));
        JsonLinesReader reader = new JsonLinesReader(new SequenceInputStream(huge, new ByteArrayInputStream(bytes("\"}}\n" + NEXT))));

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        Inbound.Rejected rejected = assertInstanceOf(Inbound.Rejected.class, reader.read());
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertEquals(ErrorCodes.PARSE_ERROR, rejected.error().code());
        assertTrue(rejected.error().message().contains("longer than " + Limits.DEFAULT.maxLineBytes()), rejected.error().message());
        assertTrue(rejected.excerpt().startsWith("{\"jsonrpc\":\"2.0\",\"method\":\"m\""), rejected.excerpt());
        assertTrue(rejected.excerpt().length() <= 80, "excerpt length " + rejected.excerpt().length());
        assertTrue(allocated < size / 2, "reading a 10 MiB line allocated " + allocated + " bytes");
        assertNextThenEnd(reader);
    }

    @Test
    void aLineOfExactlyTheMaximumLengthIsRead() throws IOException {
        Limits limits = new Limits(1024, 64, 1024);
        String head = "{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"s\":\"";
        String tail = "\"}}";
        String exact = head + "x".repeat(1024 - head.length() - tail.length()) + tail;
        assertEquals(1024, exact.length());
        JsonLinesReader reader = new JsonLinesReader(new ByteArrayInputStream(bytes(exact + "\n" + exact.replace("\"s\"", "\"ss\"")
                + "\n" + NEXT)), limits);
        assertInstanceOf(Inbound.Received.class, reader.read(), "1024 bytes is within the limit");
        Inbound.Rejected rejected = assertInstanceOf(Inbound.Rejected.class, reader.read(), "1025 bytes is over it");
        assertEquals(ErrorCodes.PARSE_ERROR, rejected.error().code());
        assertNextThenEnd(reader);
    }

    @Test
    void nestingUpToTheLimitIsReadAndOneDeeperIsRejected() throws IOException {
        int depth = Limits.DEFAULT.maxNestingDepth();
        // The message object is level 1 and params level 2, so depth - 2 arrays reach the limit.
        String atLimit = "{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"p\":" + "[".repeat(depth - 2) + "]".repeat(depth - 2) + "}}";
        String overLimit = "{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"p\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}}";
        JsonLinesReader reader = reader(bytes(atLimit + "\n" + overLimit + "\n" + NEXT));
        assertInstanceOf(Inbound.Received.class, reader.read());
        assertEquals(ErrorCodes.PARSE_ERROR, assertInstanceOf(Inbound.Rejected.class, reader.read()).error().code());
        assertNextThenEnd(reader);
    }

    @Test
    void blankLinesAreSkipped() throws IOException {
        JsonLinesReader reader = reader(bytes("\n\n   \n\t\r\n\r\n" + NEXT + "\n \n"));
        assertNextThenEnd(reader);
    }

    @Test
    void crlfLineEndsAreAccepted() throws IOException {
        JsonLinesReader reader = reader(bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\"}\r\n" + NEXT.replace("\n", "\r\n")));
        Message.Request request = (Message.Request) assertInstanceOf(Inbound.Received.class, reader.read()).message();
        assertEquals("a", request.method());
        assertNextThenEnd(reader);
    }

    @Test
    void linesArrivingOneByteAtATimeAreReassembled() throws IOException {
        String params = "{\"s\":\"" + "y".repeat(20_000) + "\",\"u\":\"é日本🎉\"}";
        byte[] stream = bytes("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"m\",\"params\":" + params + "}\n" + NEXT);
        JsonLinesReader reader = new JsonLinesReader(new TrickleInputStream(stream));
        Message.Request request = (Message.Request) assertInstanceOf(Inbound.Received.class, reader.read()).message();
        assertEquals("é日本🎉", request.params().path("u").asText());
        assertEquals(20_000, request.params().path("s").asText().length());
        assertNextThenEnd(reader);
    }

    @Test
    void manyBadLinesInARowEachGiveOneRejection() throws IOException {
        StringBuilder stream = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            stream.append("not json ").append(i).append('\n');
        }
        JsonLinesReader reader = reader(bytes(stream + NEXT));
        for (int i = 0; i < 100; i++) {
            assertTrue(reader.read() instanceof Inbound.Rejected, "line " + i);
        }
        assertNextThenEnd(reader);
    }

    @Test
    void nullParamsAndNullErrorDataReadAsAbsent() throws IOException {
        JsonLinesReader reader = reader(bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\",\"params\":null}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32603,\"message\":\"m\",\"data\":null}}\n"));
        assertNull(((Message.Request) ((Inbound.Received) reader.read()).message()).params());
        assertNull(((Message.ErrorResponse) ((Inbound.Received) reader.read()).message()).error().data());
    }

    @Test
    void unknownFieldsAreIgnored() throws IOException {
        JsonLinesReader reader = reader(bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\",\"future\":[1,2],\"meta\":{}}\n"));
        assertEquals(new Message.Request(Id.of(1), "m", null), ((Inbound.Received) reader.read()).message());
    }

    @Test
    void anErrorResponseWithANullIdIsReceived() throws IOException {
        JsonLinesReader reader = reader(bytes("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}\n"));
        Message.ErrorResponse error = (Message.ErrorResponse) assertInstanceOf(Inbound.Received.class, reader.read()).message();
        assertNull(error.id());
        assertEquals(ErrorCodes.PARSE_ERROR, error.error().code());
    }

    private static JsonLinesReader reader(byte[] stream) {
        return new JsonLinesReader(new ByteArrayInputStream(stream));
    }

    private static void assertNext(JsonLinesReader reader) throws IOException {
        Inbound next = reader.read();
        Message message = assertInstanceOf(Inbound.Received.class, next, "the next line reads normally").message();
        assertEquals(new Message.Notification("next", null), message);
    }

    private static void assertNextThenEnd(JsonLinesReader reader) throws IOException {
        assertNext(reader);
        assertInstanceOf(Inbound.EndOfStream.class, reader.read());
    }

    /** {@code count} copies of one byte, produced as they are read. */
    private static final class RepeatingInputStream extends InputStream {
        private final byte value;
        private long remaining;

        RepeatingInputStream(byte value, long count) {
            this.value = value;
            this.remaining = count;
        }

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            remaining--;
            return value & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            Arrays.fill(buffer, offset, offset + n, value);
            remaining -= n;
            return n;
        }
    }

    /** Hands out one byte per read, as a slow pipe might. */
    private static final class TrickleInputStream extends InputStream {
        private final byte[] data;
        private int position;

        TrickleInputStream(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() {
            return position < data.length ? data[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= data.length) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            buffer[offset] = data[position++];
            return 1;
        }
    }
}
