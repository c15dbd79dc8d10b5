package dev.jig.host.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jig.host.CliIdentity;
import dev.jig.host.HostSettings;
import dev.jig.host.testing.Scripts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramsTests {

    @TempDir
    Path tmp;

    private Programs programs(String path) {
        return new Programs(new HostSettings(new CliIdentity("jig", "0.1.0", Optional.empty()), Set.of(),
                path == null ? Map.of() : Map.of("PATH", path), tmp, Optional.empty()));
    }

    @Test
    void theFirstExecutableOnPathWins() {
        Path first = Scripts.executable(tmp.resolve("a"), "tool", "#!/bin/sh\n");
        Scripts.executable(tmp.resolve("b"), "tool", "#!/bin/sh\n");

        assertEquals(Optional.of(first), programs(tmp.resolve("a") + ":" + tmp.resolve("b")).find("tool"));
    }

    @Test
    void nonExecutableFilesAndDirectoriesAreSkipped() throws IOException {
        Files.createDirectories(tmp.resolve("a"));
        Files.writeString(tmp.resolve("a/tool"), "not executable");
        Files.createDirectories(tmp.resolve("b/tool"));
        Path real = Scripts.executable(tmp.resolve("c"), "tool", "#!/bin/sh\n");

        assertEquals(Optional.of(real),
                programs(tmp.resolve("a") + ":" + tmp.resolve("b") + ":" + tmp.resolve("c")).find("tool"));
    }

    @Test
    void relativeEntriesAreRelativeToTheWorkingDirectory() {
        Path tool = Scripts.executable(tmp.resolve("tools"), "tool", "#!/bin/sh\n");

        assertEquals(Optional.of(tool), programs("::tools").find("tool"));
    }

    @Test
    void nothingIsFoundWithoutPath() {
        Scripts.executable(tmp, "tool", "#!/bin/sh\n");

        assertEquals(Optional.empty(), programs(null).find("tool"));
        assertEquals(Optional.empty(), programs("").find("tool"));
        assertEquals(Optional.empty(), programs(tmp.resolve("missing").toString()).find("tool"));
    }
}
