package dev.jig.host.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a value against a plugin's JSON Schema (draft 2020-12 unless the schema says otherwise).
 * Only this class names the validator, and it is used only when a plugin with a schema has
 * configuration to check, so other runs never load it. The validator runs on its own Jackson
 * (version 3), so values cross over as JSON text. Remote {@code $ref}s are not fetched.
 */
final class SchemaCheck {

    /**
     * One violation.
     *
     * @param path     where, as segments below the checked value; empty for the value itself
     * @param property the property a {@code required} or {@code additionalProperties} error is
     *                 about, or null
     * @param message  what is wrong, from the validator
     */
    record Violation(List<String> path, String property, String message) {
    }

    private final Schema schema;

    private SchemaCheck(Schema schema) {
        this.schema = schema;
    }

    /**
     * Compiles {@code schema}.
     *
     * @throws IllegalArgumentException when it is not a usable schema
     */
    static SchemaCheck of(JsonNode schema) {
        try {
            return new SchemaCheck(Holder.REGISTRY.getSchema(schema.toString(), InputFormat.JSON));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(String.valueOf(e.getMessage()), e);
        }
    }

    /** Everything wrong with {@code value}; empty when it is valid. */
    List<Violation> violations(JsonNode value) {
        List<Violation> violations = new ArrayList<>();
        for (com.networknt.schema.Error error : schema.validate(value.toString(), InputFormat.JSON)) {
            List<String> path = new ArrayList<>();
            NodePath location = error.getInstanceLocation();
            for (int i = 0; i < location.getNameCount(); i++) {
                path.add(String.valueOf(location.getElement(i)));
            }
            violations.add(new Violation(path, error.getProperty(), error.getMessage()));
        }
        return violations;
    }

    private static final class Holder {
        static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    }
}
