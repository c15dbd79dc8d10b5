package dev.jig.host.archive;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The text rules for entry names and link targets, before anything touches the disk. */
class EntryPathTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "plugin/bin/tool    | plugin/bin/tool",
        "./plugin//bin/./x  | plugin/bin/x",
        "a/b/../c           | a/c",
        "dir/               | dir",
        "./                 | ''",
    })
    void namesThatStayInsideAreNormalised(String name, String expected) throws Refusal {
        assertEquals(expected, String.join("/", EntryPath.of(name)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "../evil            | points outside the archive",
        "a/../../b          | points outside the archive",
        "/etc/passwd        | has an absolute path",
        "C:/Windows/x       | has an absolute path",
        "c:relative         | has an absolute path",
        "..\\evil           | has a backslash in its name",
    })
    void namesThatLeaveAreRefused(String name, String reason) {
        assertEquals(reason, assertThrows(Refusal.class, () -> EntryPath.of(name)).getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "link               | target",
        "a/link             | ../target",
        "a/b/link           | ../../x/y",
        "a/link             | ./../target",
        "link               | .",
    })
    void linkTargetsThatStayInsideAreAccepted(String link, String target) {
        assertDoesNotThrow(() -> EntryPath.checkSymbolicLink(link, segments(link), target));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "link               | ..",
        "a/link             | ../..",
        "link               | /etc/passwd",
        "link               | C:/x",
        "link               | self/../..",
        "a/link             | x/../../y",
        "a/link             | ./b/../../c",
        "link               | ''",
    })
    void linkTargetsThatLeaveOrClimbAfterDescendingAreRefused(String link, String target) {
        assertThrows(Refusal.class, () -> EntryPath.checkSymbolicLink(link, segments(link), target));
    }

    @Test
    void quotedNamesStayOnOneLineAndShort() {
        assertEquals("'plain'", EntryPath.quote("plain"));
        assertEquals("'tab?new?line'", EntryPath.quote("tab\tnew\nline"));
        assertEquals("'" + "x".repeat(200) + "...'", EntryPath.quote("x".repeat(5000)));
    }

    private static List<String> segments(String link) {
        return List.of(link.split("/"));
    }
}
