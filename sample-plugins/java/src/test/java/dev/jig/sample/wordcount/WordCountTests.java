package dev.jig.sample.wordcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.protocol.ErrorCodes;
import dev.jig.protocol.Message;
import dev.jig.protocol.metadata.PluginMetadata;
import dev.jig.protocol.method.HookParams;
import dev.jig.protocol.method.HookResult;
import dev.jig.sdk.HostContext;
import dev.jig.sdk.testkit.PluginTestKit;
import dev.jig.sdk.testkit.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample plugin, tested the way the SDK's test kit lets any plugin author test theirs. */
class WordCountTests {

    @TempDir
    Path dir;

    private static RunResult run(String stdin, String... args) {
        return PluginTestKit.run(new WordCount(Map.of()), List.of(args), stdin, HostContext.none());
    }

    @Test
    void countsStandardInputLikeWc() {
        assertEquals(new RunResult(0, " 2  5 24\n", ""), run("one two three\nfour five\n"));
    }

    @Test
    void selectedColumnsOnly() {
        assertEquals(new RunResult(0, " 2 24\n", ""), run("one two three\nfour five\n", "--bytes", "-l"));
    }

    @Test
    void severalFilesGetATotal() throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "a b\n");
        Path b = Files.writeString(dir.resolve("b.txt"), "c\nd e f\n");
        RunResult result = run("", "-w", a.toString(), b.toString());
        assertEquals(0, result.exitCode());
        assertEquals("2 " + a + "\n4 " + b + "\n6 total\n", result.stdout());
    }

    @Test
    void aMissingFileIsReportedAndTheOthersCounted() throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "a b\n");
        RunResult result = run("", "--lines", a.toString(), "missing.txt");
        assertEquals(1, result.exitCode());
        assertEquals("1 " + a + "\n1 total\n", result.stdout());
        assertEquals("wordcount: error: missing.txt: no such file\n", result.stderr());
    }

    @Test
    void topListsTheMostFrequentWords() {
        RunResult result = run("The cat and the hat.\nThe end, and don't stop\n", "top", "2");
        assertEquals(new RunResult(0, "3 the\n2 and\n", ""), result);
    }

    @Test
    void usageErrorsExitTwo() {
        RunResult unknown = run("", "--nope");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.stderr().startsWith("wordcount: unknown option '--nope'\n"), unknown.stderr());
        assertEquals(2, run("", "top", "0").exitCode());
        assertEquals(2, run("", "top", "-3").exitCode());
        assertEquals(2, run("", "top", "--lines").exitCode());
    }

    @Test
    void helpComesFromTheMetadata() {
        RunResult help = run("", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.stdout().startsWith("Usage: jig wordcount [--lines] [--words] [--bytes] [FILE...]\n"), help.stdout());
        assertTrue(help.stdout().contains("jig wordcount top [N] [FILE...]"), help.stdout());
    }

    private static final String TWELVE_WORDS = "a a a a a a a a a a a a a b b b b b b b b b b b b c c c c c c c c c c c d d d d d d d d d d "
            + "e e e e e e e e e f f f f f f f f g g g g g g g h h h h h h i i i i i j j j j k k k l l m\n";

    private RunResult runWithConfig(String config, String... args) throws IOException {
        Path file = Files.writeString(dir.resolve("config.json"), config);
        return PluginTestKit.run(new WordCount(Map.of()), List.of(args), TWELVE_WORDS, HostContext.none().withConfigFile(file));
    }

    @Test
    void topWithoutNListsTheDefaultTenWithoutAHost() {
        RunResult result = PluginTestKit.run(new WordCount(Map.of()), List.of("top"), TWELVE_WORDS, HostContext.none());
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(10, result.stdout().lines().count(), result.stdout());
        assertEquals("13 a", result.stdout().lines().findFirst().orElseThrow());
    }

    @Test
    void topWithoutNTakesTheConfiguredTop() throws IOException {
        RunResult result = runWithConfig("{\"core\":{\"hook_timeout_ms\":5000},\"plugins\":{\"wordcount\":{\"top\":3}}}", "top");
        assertEquals(new RunResult(0, "13 a\n12 b\n11 c\n", ""), result);
    }

    @Test
    void anExplicitNBeatsTheConfiguration() throws IOException {
        RunResult result = runWithConfig("{\"core\":{},\"plugins\":{\"wordcount\":{\"top\":3}}}", "top", "1");
        assertEquals(new RunResult(0, "13 a\n", ""), result);
    }

    @Test
    void aConfigurationWithoutTopUsesTheDefault() throws IOException {
        RunResult result = runWithConfig("{\"core\":{},\"plugins\":{\"wordcount\":{}}}", "top");
        assertEquals(10, result.stdout().lines().count(), result::toString);
    }

    @Test
    void aBadConfiguredTopIsAUsageError() throws IOException {
        RunResult result = runWithConfig("{\"core\":{},\"plugins\":{\"wordcount\":{\"top\":\"many\"}}}", "top");
        assertEquals(2, result.exitCode());
        assertTrue(result.stderr().startsWith("wordcount: the configuration's top must be a positive integer, not \"many\"\n"),
                result.stderr());
    }

    @Test
    void anUnreadableConfigurationFileIsOneLineNamingIt() {
        Path gone = dir.resolve("gone.json");
        RunResult result = PluginTestKit.run(new WordCount(Map.of()), List.of("top"), "", HostContext.none().withConfigFile(gone));
        assertEquals(1, result.exitCode());
        assertEquals("wordcount: ConfigException: cannot read the configuration file " + gone + ": no such file\n", result.stderr());
    }

    @Test
    void theMetadataDeclaresTheDefaultAndTheSchema() {
        try (PluginTestKit kit = PluginTestKit.start(new WordCount(Map.of()))) {
            PluginMetadata metadata = kit.metadata();
            assertEquals(10, metadata.config().defaults().path("top").asInt());
            assertEquals("integer", metadata.config().schema().at("/properties/top/type").asText());
            assertEquals(1, metadata.config().schema().at("/properties/top/minimum").asInt());
            assertEquals("object", metadata.config().schema().path("type").asText());
        }
    }

    @Test
    void protocolModeAnswersWithTheMetadata() {
        try (PluginTestKit kit = PluginTestKit.start(new WordCount(Map.of()))) {
            PluginMetadata metadata = kit.metadata();
            assertEquals("wordcount", metadata.name());
            assertEquals(">=0.1.0", metadata.requires().cli());
            assertEquals("top", metadata.commands().get(0).name());
            Message reply = kit.request("nope", null);
            assertEquals(ErrorCodes.METHOD_NOT_FOUND, ((Message.ErrorResponse) reply).error().code());
            assertEquals(0, kit.closeInput());
        }
    }

    @Test
    void theConfigHookTakesTopFromTheEnvironment() {
        try (PluginTestKit kit = PluginTestKit.start(new WordCount(Map.of(WordCount.TOP_VARIABLE, "3")))) {
            kit.initialize();
            HookResult result = kit.hookResult(HookParams.config("/", PluginTestKit.config("wordcount", "{}")));
            assertEquals("{\"plugins\":{\"wordcount\":{\"top\":3}}}", result.patch().toString());
        }
    }

    @Test
    void theConfigHookChangesNothingWithoutAUsableVariable() {
        for (Map<String, String> environment : List.of(Map.<String, String>of(), Map.of(WordCount.TOP_VARIABLE, "0"),
                Map.of(WordCount.TOP_VARIABLE, "many"))) {
            try (PluginTestKit kit = PluginTestKit.start(new WordCount(environment))) {
                kit.initialize();
                HookResult result = kit.hookResult(HookParams.config("/", PluginTestKit.config("wordcount", "{}")));
                assertEquals(null, result.patch(), environment::toString);
            }
        }
    }
}
