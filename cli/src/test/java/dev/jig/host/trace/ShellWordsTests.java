package dev.jig.host.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShellWordsTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "hello|hello",
            "/usr/bin/jig-a-b|/usr/bin/jig-a-b",
            "--name=x,y:z@1%|--name=x,y:z@1%",
            "\"\"|''",
            "a b|'a b'",
            "it's|'it'\\''s'",
            "$HOME|'$HOME'",
            "*|'*'",
            "\"a\tb\"|$'a\\tb'",
    })
    void quotesOnlyWhatAShellWouldRead(String word, String quoted) {
        assertEquals(quoted, ShellWords.quote(word));
    }

    @Test
    void aLineBreakStaysOnOneLine() {
        assertEquals("$'one\\ntwo \\'x\\' \\\\ \\x01'", ShellWords.quote("one\ntwo 'x' \\ \u0001"));
    }

    @Test
    void aCommandLineNamesOnlyTheVariablesThatDiffer() {
        Map<String, String> host = Map.of("PATH", "/bin", "HOME", "/h", "SECRET", "s");
        Map<String, String> child = Map.of("PATH", "/bin", "HOME", "/other home", "JIG_X", "1");
        assertEquals("cd '/w d' && env -u SECRET 'HOME=/other home' JIG_X=1 /p/jig-x 'a b'",
                ShellWords.commandLine(Path.of("/w d"), host, child, List.of("/p/jig-x", "a b")));
        assertEquals("cd /w && /p/jig-x", ShellWords.commandLine(Path.of("/w"), host, host, List.of("/p/jig-x")));
    }

    /** What a shell makes of the quoted words is the words themselves. */
    @Test
    void aShellReadsTheWordsBack(@TempDir Path dir) throws Exception {
        List<String> words = List.of("plain", "", "a b", "it's", "'", "\"q\"", "$HOME", "`x`", "\\", "*", "é ü", "~", "a=b");
        Path script = Files.writeString(dir.resolve("words.sh"), "for w in " + ShellWords.join(words) + "; do printf '%s\\0' \"$w\"; done");
        Process sh = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true).start();
        String out = new String(sh.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        sh.waitFor();
        List<String> read = new ArrayList<>(List.of(out.split("\0", -1)));
        read.remove(read.size() - 1);
        assertEquals(words, read);
    }
}
