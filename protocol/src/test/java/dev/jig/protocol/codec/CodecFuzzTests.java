package dev.jig.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.protocol.ErrorCodes;
import dev.jig.protocol.Message;
import dev.jig.protocol.Payloads;
import dev.jig.protocol.metadata.PluginMetadata;
import dev.jig.protocol.method.HookParams;
import dev.jig.protocol.method.HookResult;
import dev.jig.protocol.method.InitializeParams;
import dev.jig.protocol.method.InitializeResult;
import dev.jig.protocol.method.LogParams;
import dev.jig.protocol.testing.Fuzz;
import dev.jig.protocol.testing.Generators;
import dev.jig.protocol.testing.RecordFields;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property-based fuzzing of the JSON Lines codec and message decoding: whatever bytes a plugin
 * sends, the reader answers with a message, a rejection or the end of the stream, one per line,
 * within its limits, and never loses its place. Inputs arrive split at random points, as they
 * do from a pipe. Each property runs over many seeded cases ({@link Fuzz}); see RELIABILITY.md,
 * "Fuzzing".
 */
class CodecFuzzTests {

    /** Numbers compare by value: 1, 1L and 1.0 are one number on the wire. */
    private static final Comparator<JsonNode> SAME = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText()));
        }
        return a.equals(b) ? 0 : 1;
    };

    @Test
    void everyMessageSurvivesTheWriterAndTheReader() {
        Fuzz.check((generate, splitSeed) -> {
            List<Message> messages = new ArrayList<>();
            for (int i = generate.between(0, 20); i > 0; i--) {
                messages.add(generate.message());
            }
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            JsonLinesWriter writer = new JsonLinesWriter(wire);
            for (Message message : messages) {
                writer.write(message);
            }
            JsonLinesReader reader = new JsonLinesReader(new SplitStream(wire.toByteArray(), splitSeed));
            for (Message message : messages) {
                Inbound.Received received = assertInstanceOf(Inbound.Received.class, reader.read());
                assertSame(message, received.message());
            }
            assertInstanceOf(Inbound.EndOfStream.class, reader.read());
        });
    }

    @Test
    void anyBytesGiveOneAnswerPerLine() {
        Fuzz.check((generate, splitSeed) -> {
            byte[] bytes = generate.bytes(2000);
            int maxLineBytes = generate.between(64, 600);
            JsonLinesReader reader = new JsonLinesReader(new SplitStream(bytes, splitSeed), new Limits(maxLineBytes, 8, 256));
            int lines = 1;
            for (byte b : bytes) {
                lines += b == '\n' ? 1 : 0;
            }
            int answers = 0;
            Inbound answer;
            while (!((answer = reader.read()) instanceof Inbound.EndOfStream)) {
                answers++;
                assertTrue(answers <= lines, "more answers than lines");
                if (answer instanceof Inbound.Rejected rejected) {
                    assertTrue(rejected.excerpt().length() <= 80, "the excerpt is bounded");
                    assertTrue(rejected.error().code() == ErrorCodes.PARSE_ERROR
                            || rejected.error().code() == ErrorCodes.INVALID_REQUEST, rejected.error().toString());
                }
            }
            assertInstanceOf(Inbound.EndOfStream.class, reader.read(), "the end stays the end");
        });
    }

    @Test
    void aBadLineCostsOneRejectionAndNothingElse() {
        Fuzz.check((generate, splitSeed) -> {
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            JsonLinesWriter writer = new JsonLinesWriter(wire);
            int pairs = generate.between(1, 10);
            List<Message> messages = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                messages.add(generate.message());
                wire.write(garbage(generate));
                wire.write('\n');
                writer.write(messages.get(i));
            }
            JsonLinesReader reader = new JsonLinesReader(new SplitStream(wire.toByteArray(), splitSeed), new Limits(512, 8, 256));
            for (int i = 0; i < pairs; i++) {
                assertInstanceOf(Inbound.Rejected.class, reader.read());
                Inbound next = reader.read();
                if (wireLength(messages.get(i)) <= 512 && depth(messages.get(i)) < 8) {
                    assertSame(messages.get(i), assertInstanceOf(Inbound.Received.class, next).message());
                } else {
                    assertInstanceOf(Inbound.Rejected.class, next, "a message over the limits is rejected");
                }
            }
            assertInstanceOf(Inbound.EndOfStream.class, reader.read());
        });
    }

    /** A valid line with bytes flipped, inserted or removed: read or rejected, and the next line is read. */
    @Test
    void mutatedMessagesAreReadOrRejected() {
        Fuzz.check((generate, splitSeed) -> {
            List<Byte> line = new ArrayList<>();
            for (byte b : line(generate.message())) {
                line.add(b);
            }
            line.remove(line.size() - 1); // the newline
            for (int edits = generate.between(1, 8); edits > 0; edits--) {
                int at = generate.between(0, line.size());
                byte value = (byte) generate.between(0, 255);
                value = value == '\n' ? (byte) '{' : value; // one line stays one line
                switch (generate.between(0, 2)) {
                    case 0 -> line.add(at, value);
                    case 1 -> { if (at < line.size()) line.set(at, value); }
                    default -> { if (at < line.size()) line.remove(at); }
                }
            }
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            line.forEach(wire::write);
            wire.write('\n');
            Message sentinel = new Message.Notification("log", null);
            new JsonLinesWriter(wire).write(sentinel);

            JsonLinesReader reader = new JsonLinesReader(new SplitStream(wire.toByteArray(), splitSeed));
            boolean blank = line.stream().allMatch(b -> b == ' ' || b == '\t' || b == '\r');
            if (!blank) { // a blank line is skipped; anything else gets one answer
                Inbound answer = reader.read();
                if (answer instanceof Inbound.Received received) {
                    // Whatever was accepted can be sent on and reads back the same.
                    Inbound again = new JsonLinesReader(new ByteArrayInputStream(line(received.message()))).read();
                    assertSame(received.message(), assertInstanceOf(Inbound.Received.class, again).message());
                } else {
                    assertInstanceOf(Inbound.Rejected.class, answer);
                }
            }
            assertSame(sentinel, assertInstanceOf(Inbound.Received.class, reader.read()).message());
        });
    }

    @Test
    void nestingBeyondTheLimitIsRejected() {
        Fuzz.check((generate, seed) -> {
            int limit = generate.between(4, 200);
            int depth = generate.between(1, 400);
            String nested = "[".repeat(depth) + "]".repeat(depth);
            byte[] wire = ("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"x\":" + nested + "}}\n")
                    .getBytes(StandardCharsets.UTF_8);
            Inbound answer = new JsonLinesReader(new ByteArrayInputStream(wire), new Limits(1 << 16, limit, 256)).read();
            if (depth + 2 > limit) {
                assertEquals(ErrorCodes.PARSE_ERROR, assertInstanceOf(Inbound.Rejected.class, answer).error().code());
            } else {
                assertInstanceOf(Inbound.Received.class, answer);
            }
        });
    }

    /**
     * The typed records of each method accept a tree or refuse it with IllegalArgumentException,
     * nothing else; what they accept encodes to a tree that decodes to the same record. (Encoding
     * may normalise once: an empty name, for one, is written as absent.)
     */
    @Test
    void payloadsAreDecodedOrRefused() {
        Fuzz.check((generate, seed) -> {
            JsonNode tree = generate.object(4, FIELD_NAMES);
            for (Class<?> type : PAYLOADS) {
                try {
                    Object normal = Payloads.read(Payloads.tree(Payloads.read(tree, type)), type);
                    assertEquals(normal, Payloads.read(Payloads.tree(normal), type), "a decoded record encodes to itself");
                } catch (IllegalArgumentException refused) {
                    assertTrue(refused.getMessage() != null, "a refusal says why");
                }
            }
        });
    }

    private static final List<Class<?>> PAYLOADS = List.of(InitializeParams.class, InitializeResult.class,
            PluginMetadata.class, HookParams.class, HookResult.class, LogParams.class);

    /** A non-blank line that cannot be a JSON object, so it must be one rejection. */
    private static byte[] garbage(Generators generate) {
        byte[] bytes = generate.bytes(700);
        if (bytes.length == 0) {
            return new byte[] {'#'};
        }
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = bytes[i] == '\n' ? (byte) 'x' : bytes[i];
        }
        byte first = bytes[0];
        if (first == '{' || first == ' ' || first == '\t' || first == '\r') {
            bytes[0] = '#';
        }
        return bytes;
    }

    private static final List<String> FIELD_NAMES = RecordFields.names(PAYLOADS);

    private static byte[] line(Message message) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonLinesWriter(out).write(message);
        return out.toByteArray();
    }

    private static int wireLength(Message message) throws IOException {
        return line(message).length - 1;
    }

    private static int depth(Message message) {
        return depth(MessageTrees.toTree(Json.mapper(), message));
    }

    private static int depth(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
        }
        return node.isContainerNode() ? deepest + 1 : 0;
    }

    private static void assertSame(Message expected, Message actual) {
        JsonNode want = MessageTrees.toTree(Json.mapper(), expected);
        JsonNode got = MessageTrees.toTree(Json.mapper(), actual);
        assertTrue(want.equals(SAME, got), () -> "expected " + want + " but read " + got);
    }

    /** Hands out its bytes in reads of random sizes, as a pipe does. */
    private static final class SplitStream extends InputStream {
        private final byte[] bytes;
        private final Random random;
        private int position;

        SplitStream(byte[] bytes, long seed) {
            this.bytes = bytes;
            this.random = new Random(seed);
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (position == bytes.length) {
                return -1;
            }
            int count = Math.min(Math.min(length, bytes.length - position), 1 + random.nextInt(64));
            System.arraycopy(bytes, position, into, offset, count);
            position += count;
            return count;
        }
    }
}
