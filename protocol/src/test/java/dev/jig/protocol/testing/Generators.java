package dev.jig.protocol.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.protocol.Id;
import dev.jig.protocol.Message;
import dev.jig.protocol.RpcError;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/** Random protocol values from one seeded {@link Random}: JSON trees, ids and messages of every kind. */
public final class Generators {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Random random;

    /** Draws everything from {@code random}: the same seed makes the same values. */
    public Generators(Random random) {
        this.random = random;
    }

    /** A number from {@code min} to {@code max}, both included. */
    public int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /**
     * Text of any Unicode scalar values, astral planes, controls and NUL included; lone surrogates
     * are left out because they have no UTF-8 form to send.
     */
    public String text(int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = between(0, maxLength); i > 0; i--) {
            int kind = random.nextInt(10);
            text.appendCodePoint(kind < 6 ? between(0x20, 0x7e)
                    : kind == 6 ? between(0, 0x1f)
                    : kind < 9 ? between(0x80, 0xd7ff)
                    : between(0xe000, 0x10ffff));
        }
        return text.toString();
    }

    /** One of {@code names}, or now and then any text: keys a decoder knows, and keys it does not. */
    public String key(List<String> names) {
        return names.isEmpty() || random.nextInt(5) == 0 ? text(8) : names.get(random.nextInt(names.size()));
    }

    /** Any JSON value nested up to {@code depth} levels, object keys drawn by {@link #key}. */
    public JsonNode value(int depth, List<String> names) {
        int kind = random.nextInt(depth == 0 ? 7 : 10);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextBoolean() ? random.nextLong() : between(-3, 3));
            case 3 -> NODES.numberNode((random.nextDouble() - 0.5) * Math.pow(10, between(-5, 15)));
            case 4 -> NODES.numberNode(new BigInteger(between(1, 120), random).negate());
            case 5, 6 -> NODES.textNode(text(24));
            case 7 -> array(depth - 1, names);
            default -> object(depth - 1, names);
        };
    }

    /** Any JSON object nested up to {@code depth} levels, keys drawn by {@link #key}. */
    public ObjectNode object(int depth, List<String> names) {
        ObjectNode node = NODES.objectNode();
        for (int i = between(0, 5); i > 0; i--) {
            node.set(key(names), value(depth, names));
        }
        return node;
    }

    private ArrayNode array(int depth, List<String> names) {
        ArrayNode array = NODES.arrayNode();
        for (int i = between(0, 4); i > 0; i--) {
            array.add(value(depth, names));
        }
        return array;
    }

    /** A number or a string id. */
    public Id id() {
        return random.nextBoolean() ? new Id.NumberId(random.nextLong()) : new Id.StringId(text(16));
    }

    /** Any well-formed message. */
    public Message message() {
        return switch (random.nextInt(4)) {
            case 0 -> new Message.Request(id(), method(), params());
            case 1 -> new Message.Notification(method(), params());
            case 2 -> new Message.Response(id(), value(3, List.of()));
            default -> new Message.ErrorResponse(id(), new RpcError(random.nextInt(), text(40),
                    random.nextBoolean() ? null : value(2, List.of())));
        };
    }

    /** Bytes of any value, newlines included. */
    public byte[] bytes(int maxLength) {
        byte[] bytes = new byte[between(0, maxLength)];
        random.nextBytes(bytes);
        return bytes;
    }

    private String method() {
        String name = text(20);
        return name.isEmpty() ? "m" : name;
    }

    private JsonNode params() {
        return random.nextBoolean() ? null : object(3, List.of());
    }
}
