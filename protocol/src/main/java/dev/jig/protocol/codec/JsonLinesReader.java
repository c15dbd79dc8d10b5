package dev.jig.protocol.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.protocol.ErrorCodes;
import dev.jig.protocol.RpcError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one message per line from a peer, within {@link Limits}.
 *
 * <p>Each call consumes exactly one line, whatever it holds, so one bad line is one
 * {@link Inbound.Rejected} and the next call reads the next line. An over-long line is skipped
 * without being buffered. Blank lines are ignored. Not thread-safe: one reader per stream.
 */
public final class JsonLinesReader {

    private static final int EXCERPT_BYTES = 80;

    private final InputStream in;
    private final Limits limits;
    private final ObjectMapper mapper;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int end;
    private byte[] line = new byte[256];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /** A reader with {@link Limits#DEFAULT}. */
    public JsonLinesReader(InputStream in) {
        this(in, Limits.DEFAULT);
    }

    public JsonLinesReader(InputStream in, Limits limits) {
        this.in = in;
        this.limits = limits;
        this.mapper = limits.equals(Limits.DEFAULT) ? Json.mapper() : Json.mapper(limits);
    }

    /** Reads the next line; blocks until a whole line, or the end of the stream, arrives. */
    public Inbound read() throws IOException {
        while (true) {
            int length = 0;
            boolean tooLong = false;
            boolean newline = false;
            while (!newline) {
                if (position == end && !fill()) {
                    break;
                }
                int start = position;
                while (position < end && buffer[position] != '\n') {
                    position++;
                }
                int chunk = position - start;
                if (position < end) {
                    position++; // the newline
                    newline = true;
                }
                if (!tooLong && length + chunk > limits.maxLineBytes()) {
                    tooLong = true; // keep the head for the excerpt, drop the rest as it streams by
                    if (length < EXCERPT_BYTES) {
                        int head = Math.min(chunk, EXCERPT_BYTES - length);
                        System.arraycopy(buffer, start, grow(length + head), length, head);
                        length += head;
                    }
                    length = Math.min(length, EXCERPT_BYTES);
                } else if (!tooLong) {
                    System.arraycopy(buffer, start, grow(length + chunk), length, chunk);
                    length += chunk;
                }
            }
            if (tooLong) {
                return reject(ErrorCodes.PARSE_ERROR, "line longer than " + limits.maxLineBytes() + " bytes", length);
            }
            if (!newline) {
                if (isBlank(length)) {
                    return new Inbound.EndOfStream();
                }
                return reject(ErrorCodes.PARSE_ERROR, "truncated line: the stream ended before its newline", length);
            }
            if (isBlank(length)) {
                continue;
            }
            return decode(length);
        }
    }

    private Inbound decode(int length) {
        String text;
        try {
            text = utf8.reset().decode(ByteBuffer.wrap(line, 0, length)).toString();
        } catch (CharacterCodingException e) {
            return reject(ErrorCodes.PARSE_ERROR, "line is not valid UTF-8", length);
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return reject(ErrorCodes.PARSE_ERROR, "invalid JSON: " + e.getOriginalMessage(), length);
        }
        if (hasInfinity(tree)) {
            // JSON has no infinity: 1e400 would come back from a write as the string "Infinity".
            return reject(ErrorCodes.PARSE_ERROR, "a number is beyond the range of a 64-bit float", length);
        }
        try {
            return new Inbound.Received(MessageTrees.fromTree(tree));
        } catch (MalformedMessageException e) {
            return new Inbound.Rejected(e.id(), e.error(), excerpt(length));
        }
    }

    /** Whether a floating-point number overflowed while parsing; nesting is bounded by the limits. */
    private static boolean hasInfinity(JsonNode node) {
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (hasInfinity(child)) {
                    return true;
                }
            }
            return false;
        }
        return node.isFloatingPointNumber() && !node.isBigDecimal() && Double.isInfinite(node.doubleValue());
    }

    private Inbound.Rejected reject(int code, String message, int length) {
        return new Inbound.Rejected(null, RpcError.of(code, message), excerpt(length));
    }

    /** The line's head as text, invalid bytes replaced, for a one-line diagnostic. */
    private String excerpt(int length) {
        return new String(line, 0, Math.min(length, EXCERPT_BYTES), StandardCharsets.UTF_8);
    }

    private boolean isBlank(int length) {
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private byte[] grow(int capacity) {
        if (capacity > line.length) {
            line = Arrays.copyOf(line, Math.max(capacity, line.length * 2));
        }
        return line;
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        if (read <= 0) {
            return false;
        }
        position = 0;
        end = read;
        return true;
    }
}
