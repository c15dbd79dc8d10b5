package dev.jig.protocol;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The protocol's JSON Schema files, loaded from {@code protocol/schema/} as the spec ships them. */
public final class Schemas {

    /** The dialect every schema file declares. */
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    /** Serves the schema files by their {@code file:} IRIs; the validator fetches nothing remote. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(Schemas::readLocal));
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    private Schemas() {
    }

    private static String readLocal(String iri) {
        String base = directory().toUri().toString();
        if (!iri.startsWith(base)) {
            return null;
        }
        try {
            return Files.readString(directory().resolve(iri.substring(base.length())), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module's directory (where {@code PROTOCOL.md} lives). */
    public static Path moduleDirectory() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    /** The directory of the schema files. */
    public static Path directory() {
        return moduleDirectory().resolve("schema");
    }

    /** The file names of every schema, sorted. */
    public static List<String> fileNames() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".schema.json"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The problems of {@code json} against a schema; empty when it is valid.
     *
     * @param schema a file name in {@code schema/}, optionally with a fragment such as
     *               {@code plugin-metadata.schema.json#/$defs/command}
     */
    public static List<String> problems(String json, String schema) {
        Schema loaded = LOADED.computeIfAbsent(schema,
                name -> REGISTRY.getSchema(SchemaLocation.of(directory().toUri() + name)));
        return loaded.validate(json, InputFormat.JSON).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .collect(Collectors.toList());
    }

    /** The problems of a schema file against the draft 2020-12 meta-schema. */
    public static List<String> metaSchemaProblems(String schemaText) {
        Schema meta = LOADED.computeIfAbsent(DIALECT, id -> REGISTRY.getSchema(SchemaLocation.of(id)));
        return meta.validate(schemaText, InputFormat.JSON).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .collect(Collectors.toList());
    }
}
