package dev.jig.protocol.metadata;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The configuration a plugin owns under {@code plugins.<name>}.
 *
 * @param defaults its default values, an object
 * @param schema   a JSON Schema its values must satisfy
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigSpec(JsonNode defaults, JsonNode schema) {
}
