package dev.jig.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.protocol.ProtocolDocument.Example;
import dev.jig.protocol.codec.Inbound;
import dev.jig.protocol.codec.Json;
import dev.jig.protocol.codec.JsonLinesReader;
import dev.jig.protocol.codec.JsonLinesWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every JSON example in PROTOCOL.md satisfies the schema it names, and the codec agrees. */
class ProtocolDocumentTests {

    /** The schemas whose instances are whole messages: one line on the wire. */
    private static final Set<String> MESSAGE_SCHEMAS = Set.of("message.schema.json", "initialize-request.schema.json",
            "initialize-response.schema.json", "log-notification.schema.json", "error-response.schema.json",
            "hook-request.schema.json", "hook-response.schema.json");

    private static final ProtocolDocument DOCUMENT = ProtocolDocument.load();

    static List<Example> examples() {
        return DOCUMENT.examples();
    }

    @Test
    void theDocumentHasExamples() {
        assertTrue(examples().size() >= 10, "PROTOCOL.md has only " + examples().size() + " marked examples");
    }

    @Test
    void everyJsonBlockIsAMarkedExample() {
        assertEquals(DOCUMENT.jsonBlockCount(), examples().size(),
                "every ```json block must follow an <!-- example: NAME schema: FILE --> marker");
    }

    @Test
    void exampleNamesAreUnique() {
        Set<String> seen = new HashSet<>();
        for (Example example : examples()) {
            assertTrue(seen.add(example.name()), "duplicate example name " + example.name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleSatisfiesItsSchema(Example example) {
        assertTrue(Schemas.fileNames().contains(example.schema()),
                example.name() + " names a schema that does not exist: " + example.schema());
        List<String> problems = Schemas.problems(example.json(), example.schema());
        assertEquals(List.of(), problems, example.name() + " against " + example.schema());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void messageExamplesAreOneLineTheCodecReadsAndWritesBack(Example example) throws Exception {
        if (!MESSAGE_SCHEMAS.contains(example.schema())) {
            return;
        }
        assertFalse(example.json().contains("\n"), example.name() + " is a message, so it must be one line");
        byte[] line = (example.json() + "\n").getBytes(StandardCharsets.UTF_8);
        Inbound inbound = new JsonLinesReader(new ByteArrayInputStream(line)).read();
        Message message = assertInstanceOf(Inbound.Received.class, inbound, example.name()).message();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonLinesWriter(out).write(message);
        JsonNode written = Json.mapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(Json.mapper().readTree(example.json()), written, example.name() + " written back");
    }

    @Test
    void everySchemaHasAnExample() {
        Set<String> used = examples().stream().map(Example::schema).collect(Collectors.toCollection(TreeSet::new));
        IndexDocumentTests.examples().forEach(example -> used.add(example.schema())); // the index format has its own document
        for (String schema : Schemas.fileNames()) {
            assertTrue(used.contains(schema), "no example in PROTOCOL.md uses " + schema);
        }
    }

    @Test
    void everySchemaIsListedInTheDocument() {
        for (String schema : Schemas.fileNames()) {
            assertTrue(DOCUMENT.text().contains("`" + schema + "`"), "PROTOCOL.md does not list " + schema);
        }
    }

    @Test
    void theDocumentNamesTheConstantsTheCodeUses() {
        String text = DOCUMENT.text();
        assertTrue(text.contains("`" + Protocol.ARGUMENT + "`"));
        for (int code : List.of(ErrorCodes.PARSE_ERROR, ErrorCodes.INVALID_REQUEST, ErrorCodes.METHOD_NOT_FOUND,
                ErrorCodes.INVALID_PARAMS, ErrorCodes.INTERNAL_ERROR, ErrorCodes.UNSUPPORTED_VERSION)) {
            assertTrue(text.contains("| " + code + " |"), "the error table lacks " + code);
        }
        assertTrue(text.contains(String.format("%,d bytes", dev.jig.protocol.codec.Limits.DEFAULT.maxLineBytes())));
        assertTrue(text.contains(dev.jig.protocol.codec.Limits.DEFAULT.maxNestingDepth() + " levels"));
        assertTrue(text.contains(String.format("%,d characters", dev.jig.protocol.codec.Limits.DEFAULT.maxStringLength())));
    }

    @Test
    void theDocumentHasNoMachinePaths() {
        assertFalse(Pattern.compile("/(work|tmp|root|home)/").matcher(DOCUMENT.text()).find());
    }
}
