package dev.jig.host.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTests {

    @TempDir
    Path dir;

    @Test
    void writesANewPrivateFileAndReplacesItWhole() throws IOException {
        Path target = dir.resolve("sub/config.toml");
        AtomicFiles.replace(target, "a = 1\n".getBytes(), Optional.empty(), true);
        assertEquals("a = 1\n", Files.readString(target));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        AtomicFiles.replace(target, "b = 2\n".getBytes(), Optional.of(PosixFilePermissions.fromString("rw-r--r--")), false);
        assertEquals("b = 2\n", Files.readString(target));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(1, Files.list(target.getParent()).count(), "no temporary file left");
    }

    @Test
    void aWriteDeletesTheStaleTemporaryFilesOfKilledWritersOfTheSameFile() throws IOException {
        Path target = dir.resolve("config.toml");
        Path stale = Files.writeString(dir.resolve(".config.toml.123.tmp"), "half");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(AtomicFiles.STALE).minusSeconds(5)));
        Path young = Files.writeString(dir.resolve(".config.toml.456.tmp"), "a concurrent writer's");
        Path another = Files.writeString(dir.resolve(".trusted.json.789.tmp"), "another file's");
        Files.setLastModifiedTime(another, FileTime.from(Instant.now().minus(AtomicFiles.STALE).minusSeconds(5)));

        AtomicFiles.replace(target, "a = 1\n".getBytes(), Optional.empty(), false);

        assertFalse(Files.exists(stale), "a killed writer's debris is gone");
        assertTrue(Files.exists(young), "a temporary file that may be in use stays");
        assertTrue(Files.exists(another), "only the written file's debris is swept");
    }
}
