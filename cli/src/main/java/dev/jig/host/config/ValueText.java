package dev.jig.host.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.jig.protocol.codec.Json;

/**
 * A value typed in an environment variable, a {@code -c} flag or {@code config set}: JSON when
 * it parses as JSON ({@code 500}, {@code true}, {@code null}, {@code "quoted"}, {@code [1,2]},
 * {@code {"a":1}}), otherwise the text itself as a string ({@code fr}).
 */
public final class ValueText {

    private ValueText() {
    }

    /** The value {@code text} stands for; JSON {@code null} means "delete the key". */
    public static JsonNode parse(String text) {
        try {
            JsonNode value = Json.mapper().readTree(text);
            return value == null || value.isMissingNode() ? TextNode.valueOf(text) : value;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }
}
