package dev.jig.host.exec;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForegroundGroupTests {

    // Fields after the command name: state ppid pgrp session tty_nr tpgid flags ...
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            123 (jig) S 1 500 500 34816 500 4194304 0 0      | true
            123 (jig) S 1 500 500 34816 600 4194304 0 0      | false
            123 (jig) S 1 500 500 0 -1 4194304 0 0           | false
            123 (java) R 1 -1 -1 0 -1 0                      | false
            123 (a b) c) S 1 500 500 34816 500 4194304 0 0   | true
            123 (a b) c) S 1 500 500 34816 501 4194304 0 0   | false
            42 (x) S 1 7 7 0 7) R 1 500 500 34816 600 0 0    | false
            42 (x) S 1 7 7 0 6) R 1 500 500 34816 500 0 0    | true
            7 ()) S 1 9 9 1 9                                | true
            """)
    void comparesTheProcessGroupWithTheTerminalsForegroundGroup(String stat, boolean foreground) {
        assertEquals(foreground, ForegroundGroup.isForeground(stat));
    }

    @Test
    void toleratesTheTrailingNewline() {
        assertEquals(true, ForegroundGroup.isForeground("1 (sh) S 0 9 9 1 9 0 0\n"));
        assertEquals(true, ForegroundGroup.isForeground("1 (sh) S 0 9 9 1 9\n"));
    }

    @Test
    void parsesThisProcesssStat() throws Exception {
        Path stat = Path.of("/proc/self/stat");
        assumeTrue(Files.isReadable(stat), "no procfs");
        String text = Files.readString(stat);
        assertDoesNotThrow(() -> ForegroundGroup.isForeground(text));
    }
}
