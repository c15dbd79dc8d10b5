package dev.jig.host.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.protocol.Payloads;
import dev.jig.protocol.codec.Json;
import dev.jig.protocol.metadata.PluginMetadata;
import dev.jig.protocol.metadata.Requirements;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StaticChecksTests {

    private static PluginMetadata metadata(String name, String version, Requirements requires) {
        return new PluginMetadata(name, version, "Greet people", null, null, null, null, null, null, requires, null);
    }

    private static List<String> problems(PluginMetadata metadata) {
        return StaticChecks.problems(metadata, "greet", "jig");
    }

    private static List<String> problems(Requirements requires) {
        return problems(metadata("greet", "1.2.0", requires));
    }

    @Test
    void validMetadataHasNoProblems() {
        Requirements requires = new Requirements(">=0.1.0 <1.0.0", List.of(1), Map.of("auth", "^1.0.0"),
                List.of("git", "docker"));
        assertEquals(List.of(), problems(metadata("greet", "1.2.0", requires)));
        assertEquals(List.of(), problems(metadata("greet", "1.2.0", null)));
    }

    /** Found by MetadataFuzzTests: a command without a name made the host fail building the record. */
    @Test
    void everyCommandAtEveryDepthIsOneWord() throws Exception {
        PluginMetadata metadata = Payloads.read(Json.mapper().readTree("""
                {"name": "greet", "version": "1.2.0", "commands": [
                  {"summary": "no name"},
                  {"name": "phrase", "subcommands": [{"name": "add two"}, {"name": "list"}]},
                  {"name": "-x"}]}
                """), PluginMetadata.class);

        assertEquals(List.of("a command in its metadata has no name",
                "its command 'add two' is not one word of letters, digits, '.' and '-' starting with a letter or digit",
                "its command '-x' is not one word of letters, digits, '.' and '-' starting with a letter or digit"),
                problems(metadata));
        PluginRecord record = Records.fromMetadata(Kind.PROTOCOL, metadata, List.of(), "greet", "jig");
        assertEquals(List.of("phrase", "-x"), record.subcommands(), "the nameless command is left out");
    }

    @Test
    void aNameThatIsNotTheFilesIsAProblem() {
        List<String> problems = problems(metadata("greeter", "1.2.0", null));

        assertEquals(List.of("its metadata names it 'greeter', but its file makes it 'greet': rename one to match"),
                problems);
    }

    @Test
    void namesAreCaseSensitive() {
        assertEquals(1, problems(metadata("Greet", "1.2.0", null)).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void aBlankNameIsAMissingName(String name) {
        assertEquals(List.of("its metadata has no name (expected 'greet')"), problems(metadata(name, "1.2.0", null)));
    }

    @Test
    void aMissingNameIsAProblem() {
        assertEquals(List.of("its metadata has no name (expected 'greet')"), problems(metadata(null, "1.2.0", null)));
    }

    @Test
    void aMissingVersionIsAProblem() {
        assertEquals(List.of("its metadata has no version"), problems(metadata("greet", null, null)));
        assertEquals(List.of("its metadata has no version"), problems(metadata("greet", "  ", null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2", "1", "one", "1.2.3.4", "01.2.3", "1.2.3-", "latest"})
    void aVersionThatIsNotSemverIsAProblem(String version) {
        assertEquals(List.of("its version '" + version + "' is not a semantic version (e.g. 1.2.0)"),
                problems(metadata("greet", version, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.1", "1.2.0", "10.20.30", "1.0.0-beta.1+build.5", "1.0.0-rc.1", "2.0.0+20240101"})
    void semverVersionsAreFine(String version) {
        assertEquals(List.of(), problems(metadata("greet", version, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a range", "banana", ">>1", "=>1.0.0", "1.2.3.4"})
    void aCliRequirementThatIsNotARangeIsAProblem(String range) {
        assertEquals(List.of("requires.cli '" + range + "' is not a version range (e.g. >=1.2.0 <2)"),
                problems(new Requirements(range, null, null, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {">=0.1.0 <1.0.0", "^1.2", "~1.2.3", "1.x", ">=1 <2", "*", "1.2.3 - 2"})
    void npmStyleRangesAreFine(String range) {
        assertEquals(List.of(), problems(new Requirements(range, null, null, null)));
        assertTrue(StaticChecks.isRange(range));
    }

    @Test
    void protocolVersionsWithNoneInCommonAreAProblem() {
        assertEquals(List.of("it speaks protocol versions [2, 3]; jig speaks [1]"),
                problems(new Requirements(null, List.of(2, 3), null, null)));
    }

    @Test
    void protocolVersionsWithOneInCommonAreFine() {
        assertEquals(List.of(), problems(new Requirements(null, List.of(1, 2), null, null)));
        assertEquals(List.of(), problems(new Requirements(null, List.of(), null, null)));
    }

    @Test
    void thePluginVersionMessagesUseTheHostsName() {
        List<String> problems = StaticChecks.problems(
                metadata("greet", "1.2.0", new Requirements(null, List.of(2), null, null)), "greet", "acme");
        assertEquals(List.of("it speaks protocol versions [2]; acme speaks [1]"), problems);
    }

    @Test
    void aPluginRequirementThatIsNotARangeIsAProblem() {
        List<String> problems = problems(new Requirements(null, null, Map.of("auth", "whatever", "db", "^2"), null));

        assertEquals(List.of("requires plugin 'auth' at 'whatever', which is not a version range"), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bin/git", "/usr/bin/git", "", " ", "two\nlines"})
    void aProgramThatIsNotAProgramNameIsAProblem(String program) {
        assertEquals(List.of("requires program '" + program + "', which is not a program name"),
                problems(new Requirements(null, null, null, List.of("git", program))));
    }

    @Test
    void everyProblemIsReported() {
        PluginMetadata metadata = metadata("other", "1.2", new Requirements("nope", List.of(9), Map.of("auth", "??"),
                List.of("a/b")));

        List<String> problems = problems(metadata);

        assertEquals(6, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("'other'"), problems.get(0));
        assertTrue(problems.get(1).contains("'1.2'"), problems.get(1));
        assertTrue(problems.get(2).contains("requires.cli 'nope'"), problems.get(2));
        assertTrue(problems.get(3).contains("[9]"), problems.get(3));
        assertTrue(problems.get(4).contains("'auth'"), problems.get(4));
        assertTrue(problems.get(5).contains("'a/b'"), problems.get(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a range", "=>1", "foo || bar", "<"})
    void isRangeRejects(String range) {
        assertFalse(StaticChecks.isRange(range));
    }
}
