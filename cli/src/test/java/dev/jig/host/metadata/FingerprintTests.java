package dev.jig.host.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FingerprintTests {

    /**
     * File times come from the kernel's coarse clock (one tick, up to 10 ms): two changes
     * within one tick can get the same time. Waiting longer than a tick keeps these tests honest.
     */
    private static final long TICK_MILLIS = 30;

    @TempDir
    Path tmp;

    private Path file;

    @BeforeEach
    void plugin() throws IOException {
        file = Files.writeString(tmp.resolve("jig-greet"), "#!/bin/sh\necho hello\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void describesTheFile() throws IOException {
        Fingerprint print = Fingerprint.of(file);

        assertEquals(Files.size(file), print.size());
        assertEquals(Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS), print.mtime());
        assertEquals(((Number) Files.getAttribute(file, "unix:ino")).longValue(), print.inode());
        assertNotEquals(0, print.ctime());
    }

    @Test
    void isStableWhileTheFileIsUnchanged() throws Exception {
        Fingerprint before = Fingerprint.of(file);
        Thread.sleep(TICK_MILLIS);
        Files.readString(file); // reading changes only the access time, which is not part of it

        assertEquals(before, Fingerprint.of(file));
    }

    @Test
    void changesWhenTheFileIsWritten() throws Exception {
        Fingerprint before = Fingerprint.of(file);

        Files.writeString(file, "#!/bin/sh\necho hello, world\n");

        Fingerprint after = Fingerprint.of(file);
        assertNotEquals(before, after);
        assertNotEquals(before.size(), after.size());
    }

    @Test
    void changesWhenTheFileIsRewrittenWithTheSameSize() throws Exception {
        Fingerprint before = Fingerprint.of(file);
        Thread.sleep(TICK_MILLIS);

        Files.writeString(file, "#!/bin/sh\necho HELLO\n");

        Fingerprint after = Fingerprint.of(file);
        assertEquals(before.size(), after.size());
        assertEquals(before.inode(), after.inode());
        assertNotEquals(before.mtime(), after.mtime());
    }

    @Test
    void changesWhenTheFileIsTouched() throws Exception {
        Fingerprint before = Fingerprint.of(file);
        FileTime touched = FileTime.from(Instant.parse("2020-01-02T03:04:05.123456789Z"));

        Files.setLastModifiedTime(file, touched);

        Fingerprint after = Fingerprint.of(file);
        assertNotEquals(before, after);
        assertEquals(touched.to(TimeUnit.NANOSECONDS), after.mtime());
        assertEquals(before.size(), after.size());
    }

    @Test
    void changesWhenTheModeChanges() throws Exception {
        Fingerprint before = Fingerprint.of(file);
        Thread.sleep(TICK_MILLIS);

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));

        Fingerprint after = Fingerprint.of(file);
        assertNotEquals(before, after);
        assertEquals(before.mtime(), after.mtime(), "chmod leaves the modification time alone");
        assertNotEquals(before.ctime(), after.ctime());
    }

    @Test
    void changesWhenTheFileIsReplacedByRename() throws Exception {
        Fingerprint before = Fingerprint.of(file);
        // Same content, same modification time: only the inode tells them apart.
        Path replacement = Files.writeString(tmp.resolve(".jig-greet.new"), Files.readString(file));
        Files.setLastModifiedTime(replacement, FileTime.from(before.mtime(), TimeUnit.NANOSECONDS));

        Files.move(replacement, file, StandardCopyOption.ATOMIC_MOVE);

        Fingerprint after = Fingerprint.of(file);
        assertNotEquals(before, after);
        assertEquals(before.size(), after.size());
        assertEquals(before.mtime(), after.mtime());
        assertNotEquals(before.inode(), after.inode());
    }

    @Test
    void followsSymlinks() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("jig-link"), file);

        assertEquals(Fingerprint.of(file), Fingerprint.of(link));
    }

    @Test
    void aMissingFileIsAnError() {
        assertThrows(NoSuchFileException.class, () -> Fingerprint.of(tmp.resolve("missing")));
    }

    @Test
    void parsesItsOwnText() throws IOException {
        Fingerprint print = Fingerprint.of(file);

        assertEquals(print, Fingerprint.parse(print.toString()));
        assertEquals(4, print.toString().split(" ").length);
    }

    @Test
    void parsesExtremeValues() {
        Fingerprint print = new Fingerprint(0, -1, Long.MAX_VALUE, Long.MIN_VALUE);
        assertEquals(print, Fingerprint.parse(print.toString()));
        assertEquals(print, Fingerprint.parse(" " + print + "\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1 2 3", "1 2 3 4 5", "1 2 x 4", "1  2 3 4", "1.5 2 3 4"})
    void rejectsOtherText(String text) {
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse(text));
    }
}
