package dev.jig.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.protocol.ErrorCodes;
import dev.jig.protocol.Id;
import dev.jig.protocol.Message;
import dev.jig.protocol.RpcError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The writer emits exactly one flushed line per message and leaves the stream to its owner. */
class JsonLinesWriterTests {

    @Test
    void oneLineEndingInNewlinePerMessage() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLinesWriter writer = new JsonLinesWriter(out);
        ObjectNode params = JsonNodeFactory.instance.objectNode()
                .put("text", "one\ntwo\r\nthree\u2028four\u0000five")
                .put("unicode", "é日本🎉");
        params.putObject("nested").putArray("list").add("a\nb").add(1);
        List<Message> messages = List.of(
                new Message.Request(Id.of(1), "m", params),
                new Message.Notification("log", params),
                new Message.Response(Id.of("r"), params),
                new Message.ErrorResponse(Id.of(2), new RpcError(-1, "multi\nline\nmessage", params)));
        for (Message message : messages) {
            int before = out.size();
            writer.write(message);
            byte[] written = java.util.Arrays.copyOfRange(out.toByteArray(), before, out.size());
            assertEquals('\n', written[written.length - 1], "ends with a newline");
            for (int i = 0; i < written.length - 1; i++) {
                assertTrue(written[i] != '\n' && written[i] != '\r', "no raw line break inside a message, at byte " + i);
            }
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(messages.size(), text.chars().filter(c -> c == '\n').count());
        assertFalse(text.contains("  ") || text.contains("\n{\n"), "compact, not pretty printed");

        JsonLinesReader reader = new JsonLinesReader(new ByteArrayInputStream(out.toByteArray()));
        for (Message message : messages) {
            assertEquals(message, assertInstanceOf(Inbound.Received.class, reader.read()).message());
        }
    }

    @Test
    void writesUtf8() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonLinesWriter(out).write(new Message.Notification("log",
                JsonNodeFactory.instance.objectNode().put("message", "é")));
        byte[] bytes = out.toByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("é") || text.contains("\\u00E9") || text.contains("\\u00e9"), text);
        assertEquals(text, StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString());
    }

    @Test
    void flushesEveryMessageAndNeverCloses() throws IOException {
        RecordingStream out = new RecordingStream();
        JsonLinesWriter writer = new JsonLinesWriter(out);
        writer.write(new Message.Notification("a", null));
        assertEquals(1, out.flushes);
        assertEquals("{\"jsonrpc\":\"2.0\",\"method\":\"a\"}\n", out.flushedText());
        writer.write(new Message.Notification("b", null));
        assertEquals(2, out.flushes);
        assertFalse(out.closed, "the writer never closes the stream it was given");
    }

    @Test
    void fieldOrderPutsTheIdBeforeTheMethod() throws IOException {
        // Line-oriented plugins (a shell script with a regex) find the top-level id first.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ObjectNode params = JsonNodeFactory.instance.objectNode().put("id", "inner");
        new JsonLinesWriter(out).write(new Message.Request(Id.of(4), "m", params));
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"m\",\"params\":{\"id\":\"inner\"}}\n",
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anErrorResponseWithoutIdWritesNullId() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonLinesWriter(out).write(new Message.ErrorResponse(null, RpcError.of(ErrorCodes.PARSE_ERROR, "invalid JSON")));
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"invalid JSON\"}}\n",
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void nullResultIsWrittenAsNull() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonLinesWriter(out).write(new Message.Response(Id.of(1), JsonNodeFactory.instance.nullNode()));
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":null}\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void nullParamsAndDataAreLeftOut() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLinesWriter writer = new JsonLinesWriter(out);
        JsonNode nothing = JsonNodeFactory.instance.nullNode();
        writer.write(new Message.Request(Id.of(1), "m", nothing));
        writer.write(new Message.ErrorResponse(Id.of(1), new RpcError(1, "m", nothing)));
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\"}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":1,\"message\":\"m\"}}\n", out.toString(StandardCharsets.UTF_8));
        assertNull(new Message.Notification("n", nothing).params());
    }

    @Test
    void paramsThatAreNotAnObjectAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new Message.Request(Id.of(1), "m", JsonNodeFactory.instance.arrayNode().add(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new Message.Notification("m", JsonNodeFactory.instance.textNode("x")));
        assertThrows(IllegalArgumentException.class, () -> new Message.Notification("", null));
    }

    @Test
    void concurrentWritersNeverInterleaveLines() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLinesWriter writer = new JsonLinesWriter(out);
        int threads = 8;
        int each = 200;
        String filler = "z".repeat(5_000);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        writer.write(new Message.Request(Id.of(thread + "-" + i), "m",
                                JsonNodeFactory.instance.objectNode().put("filler", filler)));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        JsonLinesReader reader = new JsonLinesReader(new ByteArrayInputStream(out.toByteArray()));
        Set<Id> ids = new HashSet<>();
        Inbound next;
        while (!((next = reader.read()) instanceof Inbound.EndOfStream)) {
            ids.add(((Message.Request) assertInstanceOf(Inbound.Received.class, next).message()).id());
        }
        assertEquals(threads * each, ids.size());
    }

    /** Records what was flushed and whether it was closed. */
    private static final class RecordingStream extends FilterOutputStream {
        private final ByteArrayOutputStream written;
        private String flushed = "";
        private int flushes;
        private boolean closed;

        RecordingStream() {
            this(new ByteArrayOutputStream());
        }

        private RecordingStream(ByteArrayOutputStream written) {
            super(written);
            this.written = written;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            written.write(b, off, len);
        }

        @Override
        public void flush() {
            flushes++;
            flushed = written.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            closed = true;
        }

        String flushedText() {
            return flushed;
        }
    }
}
