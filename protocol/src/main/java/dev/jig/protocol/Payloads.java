package dev.jig.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.protocol.codec.Json;

/** Converts method params and results between JSON trees and their records. */
public final class Payloads {

    private Payloads() {
    }

    /**
     * Reads {@code tree} as {@code type}; unknown fields are ignored.
     *
     * @throws IllegalArgumentException when the tree does not fit the type
     */
    public static <T> T read(JsonNode tree, Class<T> type) {
        try {
            return Json.mapper().treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    /** The JSON tree of a record. */
    public static JsonNode tree(Object value) {
        return Json.mapper().valueToTree(value);
    }
}
