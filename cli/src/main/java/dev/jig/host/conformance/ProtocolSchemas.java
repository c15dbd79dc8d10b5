package dev.jig.host.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.jig.protocol.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The protocol's JSON Schemas, as the protocol jar ships them, and checks against them. The files
 * refer to each other by relative {@code $ref}; they are served under a base that is never
 * fetched ({@code .invalid} is reserved), so the validator reads nothing from the network.
 */
final class ProtocolSchemas {

    private static final String BASE = "https://jig.invalid/protocol/schema/";
    private static final String RESOURCES = "/dev/jig/protocol/schema/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(ProtocolSchemas::read));
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    private ProtocolSchemas() {
    }

    /**
     * What is wrong with {@code value}, one entry per violation, each naming where; empty when
     * it is valid.
     *
     * @param file a schema file name, e.g. {@code plugin-metadata.schema.json}
     */
    static List<String> problems(JsonNode value, String file) {
        Schema schema = LOADED.computeIfAbsent(file, name -> REGISTRY.getSchema(SchemaLocation.of(BASE + name)));
        return schema.validate(value.toString(), InputFormat.JSON).stream()
                .map(error -> {
                    String at = error.getInstanceLocation().toString();
                    return (at.isEmpty() || at.equals("/") ? "" : at + ": ") + error.getMessage();
                })
                .collect(Collectors.toList());
    }

    private static String read(String iri) {
        if (!iri.startsWith(BASE)) {
            return null;
        }
        try (InputStream in = Protocol.class.getResourceAsStream(RESOURCES + iri.substring(BASE.length()))) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
