package dev.jig.host.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.protocol.codec.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestReaderTests {

    @TempDir
    Path tmp;

    private Path manifest(String dir, String file, String json) throws IOException {
        Path home = Files.createDirectories(tmp.resolve(dir));
        return Files.writeString(home.resolve(file), json);
    }

    private static void assertBroken(PluginRecord record, Path manifest, String... phrases) {
        assertEquals(Kind.MANIFEST, record.kind());
        assertEquals(1, record.problems().size(), record.problems().toString());
        String problem = record.problems().get(0);
        assertTrue(problem.startsWith(manifest + " "), problem);
        for (String phrase : phrases) {
            assertTrue(problem.contains(phrase), "'" + phrase + "' not in: " + problem);
        }
        assertEquals(List.of(), record.run());
        assertNull(record.metadataJson());
    }

    @Test
    void readsAPluginJson() throws IOException {
        Path manifest = manifest("greet", "plugin.json", """
                {
                  "name": "greet",
                  "version": "1.2.0",
                  "description": "Greet people in several languages",
                  "homepage": "https://example.com/greet",
                  "run": ["bin/run", "--verbose"],
                  "commands": [{"name": "list", "summary": "List languages"}, {"name": "say"}],
                  "hooks": ["prerun"],
                  "requires": {"cli": ">=0.1.0", "programs": ["git"]},
                  "unknown": {"ignored": true}
                }
                """);

        PluginRecord record = ManifestReader.read(manifest, "greet", "jig");

        assertEquals(Kind.MANIFEST, record.kind());
        assertEquals(List.of(), record.problems());
        assertNull(record.detail());
        assertEquals("1.2.0", record.version());
        assertEquals("Greet people in several languages", record.summary());
        assertEquals(List.of("bin/run", "--verbose"), record.run());
        assertEquals(List.of("list", "say"), record.subcommands());
        assertEquals(List.of("prerun"), record.hooks());
        assertEquals(">=0.1.0", record.requires().cli());
        assertEquals(List.of("git"), record.requires().programs());
        JsonNode json = Json.mapper().readTree(record.metadataJson());
        assertEquals("greet", json.get("name").asText());
        assertEquals("https://example.com/greet", json.get("homepage").asText());
        assertEquals("List languages", json.get("commands").get(0).get("summary").asText());
        assertFalse(json.has("run"), "the run vector is kept apart from the metadata");
    }

    @Test
    void aNameMismatchIsAProblemOfAnOtherwiseReadableManifest() throws IOException {
        Path manifest = manifest("greet", "plugin.json", """
                {"name": "greeter", "version": "1.2.0", "run": ["bin/run"]}
                """);

        PluginRecord record = ManifestReader.read(manifest, "greet", "jig");

        assertEquals(Kind.MANIFEST, record.kind());
        assertEquals(List.of("its metadata names it 'greeter', but its file makes it 'greet': rename one to match"),
                record.problems());
        assertEquals(List.of("bin/run"), record.run());
        assertEquals("1.2.0", record.version());
    }

    @Test
    void aPluginJsonWithoutANameIsAProblem() throws IOException {
        Path manifest = manifest("greet", "plugin.json", """
                {"version": "1.2.0", "run": ["bin/run"]}
                """);

        assertEquals(List.of("its metadata has no name (expected 'greet')"),
                ManifestReader.read(manifest, "greet", "jig").problems());
    }

    @Test
    void aMissingRunIsAProblemNamingTheFile() throws IOException {
        Path manifest = manifest("greet", "plugin.json", """
                {"name": "greet", "version": "1.2.0"}
                """);

        assertBroken(ManifestReader.read(manifest, "greet", "jig"), manifest, "needs \"run\"", "[\"bin/run\"]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"bin/run\"", "[]", "[\"bin/run\", 3]", "[3]", "[null]", "[\"\"]", "[\" \"]",
            "{\"cmd\": \"bin/run\"}", "null", "[[\"bin/run\"]]"})
    void aRunThatIsNotANonEmptyArrayOfStringsIsAProblem(String run) throws IOException {
        Path manifest = manifest("greet", "plugin.json",
                "{\"name\": \"greet\", \"version\": \"1.2.0\", \"run\": " + run + "}");

        assertBroken(ManifestReader.read(manifest, "greet", "jig"), manifest, "needs \"run\"");
    }

    /** Found by MetadataFuzzTests: a NUL crashed the path check, and a line break did not survive the cache. */
    @ParameterizedTest
    @ValueSource(strings = {"[\"bin/r\\u0000un\"]", "[\"bin/run\", \"a\\nb\"]", "[\"python3\", \"x\\ry\"]"})
    void aRunArgumentWithALineBreakOrNulIsAProblem(String run) throws IOException {
        Path manifest = manifest("greet", "plugin.json",
                "{\"name\": \"greet\", \"version\": \"1.2.0\", \"run\": " + run + "}");

        assertBroken(ManifestReader.read(manifest, "greet", "jig"), manifest, "a line break or a NUL character in \"run\"");
    }

    @Test
    void malformedJsonIsAProblemWithItsLine() throws IOException {
        Path manifest = manifest("greet", "plugin.json", """
                {
                  "name": "greet",
                  "version": "1.2.0",
                  "run": ["bin/run",]
                }
                """);

        assertBroken(ManifestReader.read(manifest, "greet", "jig"), manifest, "line 4");
    }

    @Test
    void anEmptyFileIsAProblem() throws IOException {
        Path manifest = manifest("greet", "plugin.json", "");

        PluginRecord record = ManifestReader.read(manifest, "greet", "jig");

        assertEquals(Kind.MANIFEST, record.kind());
        assertEquals(1, record.problems().size());
        assertTrue(record.problems().get(0).startsWith(manifest.toString()), record.problems().get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2]", "\"greet\"", "42"})
    void aManifestThatIsNotAnObjectIsAProblem(String json) throws IOException {
        Path manifest = manifest("greet", "plugin.json", json);

        assertBroken(ManifestReader.read(manifest, "greet", "jig"), manifest, "must hold a JSON object");
    }

    @Test
    void fieldsOfTheWrongTypeAreAProblem() throws IOException {
        Path manifest = manifest("greet", "plugin.json", """
                {"name": "greet", "version": "1.2.0", "run": ["bin/run"], "commands": {"list": {}}}
                """);

        assertBroken(ManifestReader.read(manifest, "greet", "jig"), manifest, "does not match the metadata format");
    }

    @Test
    void anUnreadableManifestIsAProblem() {
        Path manifest = tmp.resolve("greet/plugin.json");

        assertBroken(ManifestReader.read(manifest, "greet", "jig"), manifest, "cannot be read");
    }

    @Test
    void aPackageJsonInheritsItsTopLevelFields() throws IOException {
        Path manifest = manifest("greet", "package.json", """
                {
                  "name": "@acme/greet-cli",
                  "version": "2.3.4",
                  "description": "Greetings from npm",
                  "homepage": "https://npm.example/greet",
                  "license": "MIT",
                  "jig": {"run": ["node", "index.js"], "hooks": ["postrun"]}
                }
                """);

        PluginRecord record = ManifestReader.read(manifest, "greet", "jig");

        assertEquals(Kind.MANIFEST, record.kind());
        assertEquals(List.of(), record.problems(), "the name comes from the directory, not the npm name");
        assertEquals("2.3.4", record.version());
        assertEquals("Greetings from npm", record.summary());
        assertEquals(List.of("node", "index.js"), record.run());
        assertEquals(List.of("postrun"), record.hooks());
        JsonNode json = Json.mapper().readTree(record.metadataJson());
        assertEquals("greet", json.get("name").asText());
        assertEquals("https://npm.example/greet", json.get("homepage").asText());
        assertFalse(json.has("license"));
    }

    @Test
    void aPackageJsonsOwnFieldsWin() throws IOException {
        Path manifest = manifest("greet", "package.json", """
                {
                  "name": "greet", "version": "2.3.4", "description": "npm text", "homepage": "https://npm",
                  "jig": {"name": "greet", "version": "9.0.0", "description": "plugin text",
                          "homepage": "https://plugin", "run": ["node", "index.js"]}
                }
                """);

        PluginRecord record = ManifestReader.read(manifest, "greet", "jig");

        assertEquals("9.0.0", record.version());
        assertEquals("plugin text", record.summary());
        assertEquals("https://plugin", Json.mapper().readTree(record.metadataJson()).get("homepage").asText());
    }

    @Test
    void aPackageJsonsOwnNameMustStillMatch() throws IOException {
        Path manifest = manifest("greet", "package.json", """
                {"version": "1.0.0", "jig": {"name": "hello", "run": ["node", "index.js"]}}
                """);

        assertEquals(List.of("its metadata names it 'hello', but its file makes it 'greet': rename one to match"),
                ManifestReader.read(manifest, "greet", "jig").problems());
    }

    @Test
    void aPackageJsonWithoutTheKeyIsAProblemMentioningIt() throws IOException {
        Path manifest = manifest("greet", "package.json", """
                {"name": "greet", "version": "1.0.0", "main": "index.js"}
                """);

        assertBroken(ManifestReader.read(manifest, "greet", "jig"), manifest, "\"jig\"");
    }

    @Test
    void aPackageJsonWhoseKeyIsNotAnObjectIsAProblem() throws IOException {
        Path manifest = manifest("greet", "package.json", """
                {"name": "greet", "version": "1.0.0", "jig": ["node", "index.js"]}
                """);

        assertBroken(ManifestReader.read(manifest, "greet", "jig"), manifest, "\"jig\"");
    }

    @Test
    void thePackageJsonKeyIsTheCliName() throws IOException {
        Path manifest = manifest("greet", "package.json", """
                {"version": "1.0.0", "jig": {"run": ["node", "jig.js"]}, "acme": {"run": ["node", "acme.js"]}}
                """);

        assertEquals(List.of("node", "acme.js"), ManifestReader.read(manifest, "greet", "acme").run());
        assertBroken(ManifestReader.read(manifest, "greet", "other"), manifest, "\"other\"");
    }

    @Test
    void aPluginJsonNeedsNoCliKey() throws IOException {
        // Only package.json nests its plugin fields under the CLI's name.
        Path manifest = manifest("greet", "plugin.json", """
                {"name": "greet", "version": "1.0.0", "jig": {"run": ["nested"]}, "run": ["bin/run"]}
                """);

        assertEquals(List.of("bin/run"), ManifestReader.read(manifest, "greet", "jig").run());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape", "bin/../../escape"})
    void aRunPathOutsideThePluginDirectoryIsBroken(String program) throws IOException {
        Path file = manifest("tool", "plugin.json", "{\"name\": \"tool\", \"version\": \"1.0.0\", \"run\": [\"" + program + "\"]}");
        assertBroken(ManifestReader.read(file, "tool", "jig"), file, "outside the plugin's directory");
    }
}
