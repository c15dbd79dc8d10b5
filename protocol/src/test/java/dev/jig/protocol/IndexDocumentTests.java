package dev.jig.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.protocol.ProtocolDocument.Example;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every JSON example in INDEX.md is a plugin index the schema accepts, and the schema refuses what the text forbids. */
class IndexDocumentTests {

    private static final String SCHEMA = "plugin-index.schema.json";
    private static final ProtocolDocument DOCUMENT = ProtocolDocument.load("INDEX.md");

    static List<Example> examples() {
        return DOCUMENT.examples();
    }

    @Test
    void everyJsonBlockIsAMarkedIndexExample() {
        assertTrue(examples().size() >= 2, "INDEX.md has only " + examples().size() + " marked examples");
        assertEquals(DOCUMENT.jsonBlockCount(), examples().size(),
                "every ```json block must follow an <!-- example: NAME schema: FILE --> marker");
        for (Example example : examples()) {
            assertEquals(SCHEMA, example.schema(), example.name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleSatisfiesTheSchema(Example example) {
        assertEquals(List.of(), Schemas.problems(example.json(), example.schema()), example.name());
    }

    @Test
    void theSchemaRefusesWhatTheTextForbids() {
        String artifact = "{\"url\": \"p\", \"sha256\": \"" + "a".repeat(64) + "\"}";
        assertEquals(List.of(), Schemas.problems(index("\"p\"", "\"1.0.0\"", artifact), SCHEMA));
        for (String bad : List.of(
                index("\"p\"", "\"v1.0.0\"", artifact),
                index("\"-p\"", "\"1.0.0\"", artifact),
                index("\"p\"", "\"1.0.0\"", "{\"url\": \"p\", \"sha256\": \"abc\"}"),
                index("\"p\"", "\"1.0.0\"", "{\"sha256\": \"" + "a".repeat(64) + "\"}"),
                index("\"p\"", "\"1.0.0\"", "{\"os\": \"Linux\", \"url\": \"p\", \"sha256\": \"" + "a".repeat(64) + "\"}"),
                index("\"p\"", "\"1.0.0\"", "{\"url\": \"p\", \"sha256\": \"" + "a".repeat(64) + "\", \"signature\": \"xyz\"}"),
                "{\"plugins\": {}}",
                "{\"index\": 1}")) {
            assertFalse(Schemas.problems(bad, SCHEMA).isEmpty(), bad);
        }
    }

    private static String index(String name, String version, String artifact) {
        return "{\"index\": 1, \"plugins\": {" + name + ": {\"versions\": {" + version + ": {\"artifacts\": [" + artifact + "]}}}}}";
    }

    @Test
    void protocolLinksToIt() {
        assertTrue(ProtocolDocument.load().text().contains("(INDEX.md)"), "PROTOCOL.md links to INDEX.md");
        assertTrue(ProtocolDocument.load().text().contains("`" + SCHEMA + "`"), "PROTOCOL.md lists " + SCHEMA);
    }

    @Test
    void theDocumentHasNoMachinePaths() {
        assertFalse(Pattern.compile("/(work|tmp|root|home)/").matcher(DOCUMENT.text()).find());
    }
}
