package dev.jig.sample.wordcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.protocol.ErrorCodes;
import dev.jig.protocol.Message;
import dev.jig.protocol.metadata.PluginMetadata;
import dev.jig.sdk.HostContext;
import dev.jig.sdk.testkit.PluginTestKit;
import dev.jig.sdk.testkit.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample plugin, tested the way the SDK's test kit lets any plugin author test theirs. */
class WordCountTests {

    @TempDir
    Path dir;

    private static RunResult run(String stdin, String... args) {
        return PluginTestKit.run(new WordCount(), List.of(args), stdin, HostContext.none());
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
        assertEquals(2, run("", "top").exitCode());
        assertEquals(2, run("", "top", "zero").exitCode());
    }

    @Test
    void helpComesFromTheMetadata() {
        RunResult help = run("", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.stdout().startsWith("Usage: jig wordcount [--lines] [--words] [--bytes] [FILE...]\n"), help.stdout());
        assertTrue(help.stdout().contains("jig wordcount top N [FILE...]"), help.stdout());
    }

    @Test
    void protocolModeAnswersWithTheMetadata() {
        try (PluginTestKit kit = PluginTestKit.start(new WordCount())) {
            PluginMetadata metadata = kit.metadata();
            assertEquals("wordcount", metadata.name());
            assertEquals(">=0.1.0", metadata.requires().cli());
            assertEquals("top", metadata.commands().get(0).name());
            Message reply = kit.request("nope", null);
            assertEquals(ErrorCodes.METHOD_NOT_FOUND, ((Message.ErrorResponse) reply).error().code());
            assertEquals(0, kit.closeInput());
        }
    }
}
