package dev.jig.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.host.config.ConfigKey;
import dev.jig.host.config.ConfigOrigin;
import dev.jig.protocol.codec.Json;
import java.io.PrintWriter;
import java.util.Map;

/** How the {@code config} commands print values. */
final class ConfigOutput {

    private ConfigOutput() {
    }

    /** A string as itself, anything else as compact JSON. */
    static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    /** {@code key=value} per leaf, after {@code origin<TAB>} when {@code showOrigin}. */
    static void lines(PrintWriter out, JsonNode root, Map<ConfigKey, ConfigOrigin> leaves, boolean showOrigin) {
        leaves.forEach((key, origin) -> key.find(root).ifPresent(value -> out.println(
                (showOrigin ? origin.describe() + "\t" : "") + key + "=" + text(value))));
    }

    /** {@code {"<key>": {"value": ..., "origin": "..."}}} per leaf, in key order. */
    static ObjectNode withOrigins(JsonNode root, Map<ConfigKey, ConfigOrigin> leaves) {
        ObjectNode json = Json.mapper().createObjectNode();
        leaves.forEach((key, origin) -> key.find(root).ifPresent(value -> json.putObject(key.toString())
                .<ObjectNode>set("value", value.deepCopy())
                .put("origin", origin.describe())));
        return json;
    }

    static void json(PrintWriter out, JsonNode value) throws JsonProcessingException {
        ObjectMapper mapper = Json.mapper();
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value));
    }
}
