package dev.jig.host.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A dotted path into the configuration, such as {@code plugins.greet.lang}: one or more segments
 * of letters, digits, {@code _} and {@code -}. Keys order segment by segment, so a table's keys
 * sort together, right after the table.
 *
 * @param segments the path, never empty
 */
public record ConfigKey(List<String> segments) implements Comparable<ConfigKey> {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]+");

    /** What a key looks like, for error messages. */
    public static final String SYNTAX = "dot-separated names of letters, digits, '_' and '-'";

    public ConfigKey {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a key has at least one segment");
        }
        for (String segment : segments) {
            if (!isSegment(segment)) {
                throw new IllegalArgumentException("not a key segment: '" + segment + "'");
            }
        }
    }

    /** {@code text} as a key, or empty when it is not one ({@code a..b}, {@code a b}, {@code ""}). */
    public static Optional<ConfigKey> parse(String text) {
        List<String> segments = List.of(text.split("\\.", -1));
        for (String segment : segments) {
            if (!isSegment(segment)) {
                return Optional.empty();
            }
        }
        return Optional.of(new ConfigKey(segments));
    }

    /** A key of the given segments. */
    public static ConfigKey of(String... segments) {
        return new ConfigKey(List.of(segments));
    }

    /** Whether {@code name} may be one segment of a key. */
    public static boolean isSegment(String name) {
        return SEGMENT.matcher(name).matches();
    }

    /** This key with {@code segment} appended. */
    public ConfigKey child(String segment) {
        List<String> longer = new ArrayList<>(segments);
        longer.add(segment);
        return new ConfigKey(longer);
    }

    /** Whether this key is {@code prefix} or lies inside it. */
    public boolean startsWith(ConfigKey prefix) {
        return segments.size() >= prefix.segments.size()
                && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
    }

    /** The value at this key in {@code root}, if there is one (a JSON {@code null} counts as none). */
    public Optional<JsonNode> find(JsonNode root) {
        JsonNode node = root;
        for (String segment : segments) {
            node = node.isObject() ? node.get(segment) : null;
            if (node == null || node.isNull()) {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }

    /**
     * A merge patch that sets this key to {@code value} (or deletes it when {@code value} is
     * JSON {@code null}): {@code plugins.greet.lang} and {@code "fr"} give
     * {@code {"plugins":{"greet":{"lang":"fr"}}}}.
     */
    public ObjectNode patch(JsonNode value) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode table = root;
        for (String segment : segments.subList(0, segments.size() - 1)) {
            table = table.putObject(segment);
        }
        table.set(segments.get(segments.size() - 1), value);
        return root;
    }

    @Override
    public int compareTo(ConfigKey other) {
        int common = Math.min(segments.size(), other.segments.size());
        for (int i = 0; i < common; i++) {
            int order = segments.get(i).compareTo(other.segments.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(segments.size(), other.segments.size());
    }

    /** The dotted form, as typed. */
    @Override
    public String toString() {
        return String.join(".", segments);
    }
}
