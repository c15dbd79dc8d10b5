package dev.jig.host.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandPathTests {

    private static final String PREFIX = "jig-";

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "7", "foo", "foo-bar", "v1.2", "a.", "a-", "x..y", "ABC-def9"})
    void isWordAcceptsNameSegments(String arg) {
        assertTrue(CommandPath.isWord(arg), arg);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-", "--", "-x", "--flag", "--plugin-path=x", ".", "..", ".hidden",
            "_a", "foo_bar", "a/b", "/abs", "./a", "../a", "a b", "a~", "a=b", "a:b", "é", "naïve", "日本", "a\tb", "a\n", "foo.sig", "a.b.sig"})
    void isWordRejectsEverythingElse(String arg) {
        assertFalse(CommandPath.isWord(arg), arg);
    }

    @Test
    void leadingWordsStopAtTheFirstNonWord() {
        assertEquals(List.of("a", "b"), CommandPath.leadingWords(PREFIX, List.of("a", "b", "--flag", "c")));
        assertEquals(List.of("a"), CommandPath.leadingWords(PREFIX, List.of("a", "./b", "c")));
        assertEquals(List.of("a"), CommandPath.leadingWords(PREFIX, List.of("a", "", "c")));
        assertEquals(List.of("a", "b", "c"), CommandPath.leadingWords(PREFIX, List.of("a", "b", "c")));
        assertEquals(List.of(), CommandPath.leadingWords(PREFIX, List.of("-x", "a")));
        assertEquals(List.of(), CommandPath.leadingWords(PREFIX, List.of()));
    }

    @Test
    void leadingWordsFitInA255ByteFileName() {
        // "jig-" + 251 characters = 255 bytes: the longest allowed name.
        assertEquals(1, CommandPath.leadingWords(PREFIX, List.of("a".repeat(251))).size());
        assertEquals(List.of(), CommandPath.leadingWords(PREFIX, List.of("a".repeat(252))));
        // "jig-" + 249 + "-" + 1 = 255 bytes; one more character would not fit.
        assertEquals(2, CommandPath.leadingWords(PREFIX, List.of("a".repeat(249), "b", "c")).size());
        assertEquals(1, CommandPath.leadingWords(PREFIX, List.of("a".repeat(250), "b")).size());
    }

    @Test
    void leadingWordsCountThePrefixInBytes() {
        // "ü-" is 2 characters but 3 bytes, which leaves 252 bytes for the words.
        assertEquals(1, CommandPath.leadingWords("ü-", List.of("a".repeat(252))).size());
        assertEquals(0, CommandPath.leadingWords("ü-", List.of("a".repeat(253))).size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            jig-foo          | foo
            jig-foo-bar      | foo,bar
            jig-foo_bar-baz  | foo-bar,baz
            jig-a-b-c        | a,b,c
            jig-v1.2         | v1.2
            jig-a_           | a-
            jig-A9           | A9
            """)
    void fromFileNameSplitsOnDashesAndMapsUnderscores(String fileName, String words) {
        assertEquals(Optional.of(new CommandPath(List.of(words.split(",")))), CommandPath.fromFileName(PREFIX, fileName));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jig-", "jig", "jig-.x", "jig-a~", "jig-a--b", "jig-a-", "jig--a", "jig-_a",
            "jig-a b", "jig-é", "jog-a", "xjig-a", "JIG-a", "foo", "jig-foo.sig", "jig-foo.sig-bar", "jig-a-b.sig"})
    void fromFileNameRejectsOtherNames(String fileName) {
        assertEquals(Optional.empty(), CommandPath.fromFileName(PREFIX, fileName));
    }

    @Test
    void fromFileNameUsesTheGivenPrefix() {
        assertEquals(Optional.of(CommandPath.of("deploy")), CommandPath.fromFileName("acme-", "acme-deploy"));
        assertEquals(Optional.empty(), CommandPath.fromFileName("acme-", "jig-deploy"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            foo          | jig-foo          | foo         | foo
            foo-bar,baz  | jig-foo_bar-baz  | foo_bar-baz | foo-bar baz
            a,b,c        | jig-a-b-c        | a-b-c       | a b c
            x-y-z        | jig-x_y_z        | x_y_z       | x-y-z
            """)
    void namesRoundTrip(String words, String fileName, String pluginName, String typed) {
        CommandPath command = new CommandPath(List.of(words.split(",")));
        assertEquals(fileName, command.fileName(PREFIX));
        assertEquals(pluginName, command.pluginName());
        assertEquals(typed, command.toString());
        assertEquals(Optional.of(command), CommandPath.fromFileName(PREFIX, command.fileName(PREFIX)));
    }

    @Test
    void prefixKeepsTheFirstWords() {
        CommandPath command = CommandPath.of("a", "b", "c");
        assertEquals(CommandPath.of("a"), command.prefix(1));
        assertEquals(CommandPath.of("a", "b"), command.prefix(2));
        assertEquals(command, command.prefix(3));
        assertThrows(IllegalArgumentException.class, () -> command.prefix(0));
    }

    @Test
    void constructorRejectsNoWordsAndNonWords() {
        assertThrows(IllegalArgumentException.class, () -> new CommandPath(List.of()));
        assertThrows(IllegalArgumentException.class, () -> CommandPath.of("ok", "--flag"));
        assertThrows(IllegalArgumentException.class, () -> CommandPath.of("a/b"));
    }

    @Test
    void wordsAreCopied() {
        List<String> words = new ArrayList<>(List.of("a", "b"));
        CommandPath command = new CommandPath(words);
        words.set(0, "--not-a-word");
        assertEquals(List.of("a", "b"), command.words());
        assertThrows(UnsupportedOperationException.class, () -> command.words().add("c"));
    }
}
