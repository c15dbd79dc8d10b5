package dev.jig.protocol.kits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.protocol.Schemas;
import dev.jig.protocol.codec.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code protocol/typescript/jig-protocol.d.ts} agrees with {@code protocol/schema/}: every schema
 * file has a type, and every type that names a schema with {@code @schema} has the schema's
 * properties, optional exactly where the schema does not require them, and the same string
 * constants and enums.
 */
class TypeScriptTypesTests {

    static final Path DECLARATIONS = Schemas.moduleDirectory().resolve("typescript").resolve("jig-protocol.d.ts");

    static TypeScriptDeclarations declarations() {
        try {
            return new TypeScriptDeclarations(Files.readString(DECLARATIONS, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<String> typesWithSchemas() {
        return declarations().interfaces.values().stream()
                .filter(type -> type.schema().isPresent())
                .map(TypeScriptDeclarations.Interface::name);
    }

    @Test
    void everySchemaFileHasAType() {
        Set<String> named = declarations().interfaces.values().stream()
                .flatMap(type -> type.schema().stream())
                .map(schema -> schema.split("#")[0])
                .collect(Collectors.toSet());
        List<String> missing = Schemas.fileNames().stream()
                .filter(file -> !named.contains(file))
                .collect(Collectors.toList());
        assertEquals(List.of(), missing, "schema files without a type in " + DECLARATIONS.getFileName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typesWithSchemas")
    void hasTheSchemasPropertiesAndRequiredOnes(String name) {
        assertEquals(List.of(), disagreements(declarations(), name));
    }

    @Test
    void aTypeThatDisagreesWithItsSchemaIsCaught() {
        TypeScriptDeclarations broken = new TypeScriptDeclarations("/** @schema log-params.schema.json */\n"
                + "export interface LogParams { level: \"debug\" | \"info\"; message?: string; extra: number; }");
        assertEquals(List.of(
                "LogParams vs log-params.schema.json: properties only in the type [extra]",
                "LogParams.level allows [debug, info], the schema [debug, error, info, warn]",
                "LogParams.message is optional, the schema requires it"), disagreements(broken, "LogParams"));
    }

    /** How the type {@code name} disagrees with the schema its {@code @schema} tag names. */
    static List<String> disagreements(TypeScriptDeclarations declarations, String name) {
        String schema = declarations.interfaces.get(name).schema().orElseThrow();
        SchemaObject expected = SchemaObject.at(schema);
        Map<String, TypeScriptDeclarations.Property> actual = declarations.allProperties(name);
        List<String> problems = new ArrayList<>();
        Set<String> onlyInSchema = new TreeSet<>(expected.properties().keySet());
        onlyInSchema.removeAll(actual.keySet());
        Set<String> onlyInType = new TreeSet<>(actual.keySet());
        onlyInType.removeAll(expected.properties().keySet());
        if (!onlyInSchema.isEmpty()) {
            problems.add(name + " vs " + schema + ": properties missing from the type " + onlyInSchema);
        }
        if (!onlyInType.isEmpty()) {
            problems.add(name + " vs " + schema + ": properties only in the type " + onlyInType);
        }
        actual.forEach((property, declared) -> {
            JsonNode propertySchema = expected.properties().get(property);
            if (propertySchema == null) {
                return;
            }
            boolean required = expected.required().contains(property);
            if (declared.optional() == required) {
                problems.add(name + "." + property + (required ? " is optional, the schema requires it" : " is required, the schema does not"));
            }
            Set<String> literals = literals(propertySchema);
            Set<String> declaredLiterals = typeLiterals(declarations, declared.type());
            if (!literals.isEmpty() && !literals.equals(declaredLiterals)) {
                problems.add(name + "." + property + " allows " + declaredLiterals + ", the schema " + literals);
            }
        });
        return problems;
    }

    /** The string values a property's schema allows, when it lists them ({@code const}, {@code enum}). */
    private static Set<String> literals(JsonNode schema) {
        Set<String> literals = new TreeSet<>();
        if (schema.path("const").isTextual()) {
            literals.add(schema.get("const").asText());
        }
        schema.path("enum").forEach(value -> literals.add(value.asText()));
        return literals;
    }

    /** The string literals of a union type such as {@code "read" | "write"}, through one alias. */
    private static Set<String> typeLiterals(TypeScriptDeclarations declarations, String type) {
        return Arrays.stream(declarations.resolve(type).split("\\|"))
                .map(String::trim)
                .map(literal -> literal.replaceAll("^\"|\"$", ""))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The properties and required names of a schema object, following {@code $ref}s (which is
     * how the schemas extend one another) but not the conditional {@code if}/{@code then}.
     */
    record SchemaObject(Map<String, JsonNode> properties, Set<String> required) {

        static SchemaObject at(String reference) {
            SchemaObject object = new SchemaObject(new TreeMap<>(), new TreeSet<>());
            object.collect(reference);
            return object;
        }

        private void collect(String reference) {
            String[] parts = reference.split("#", 2);
            JsonNode node = read(parts[0]);
            if (parts.length == 2 && !parts[1].isEmpty()) {
                node = node.at(parts[1]);
            }
            assertFalse(node.isMissingNode(), reference + " exists");
            node.path("properties").properties().forEach(property -> properties.putIfAbsent(property.getKey(), property.getValue()));
            node.path("required").forEach(name -> required.add(name.asText()));
            if (node.has("$ref")) {
                String target = node.get("$ref").asText();
                collect(target.startsWith("#") ? parts[0] + target : target);
            }
        }

        private static JsonNode read(String file) {
            try {
                return Json.mapper().readTree(Schemas.directory().resolve(file).toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
