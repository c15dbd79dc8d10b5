package dev.jig.host.archive;

import static dev.jig.host.archive.TestArchives.Item.directory;
import static dev.jig.host.archive.TestArchives.Item.executable;
import static dev.jig.host.archive.TestArchives.Item.file;
import static dev.jig.host.archive.TestArchives.Item.hardLink;
import static dev.jig.host.archive.TestArchives.Item.special;
import static dev.jig.host.archive.TestArchives.Item.symbolicLink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacks real archives written by commons-compress; every hostile one is refused and leaves nothing. */
class UnpackerTests {

    @TempDir
    Path dir;

    private Path target;
    private Path outside;

    @BeforeEach
    void stage() throws IOException {
        target = Files.createDirectory(dir.resolve("staging"));
        outside = dir.resolve("outside");
    }

    @Test
    void unpacksATarGzWithADirectoryAnExecutableAndARelativeLink() throws Exception {
        Path archive = TestArchives.tarGz(dir.resolve("greet-1.0.0.tar.gz"),
                directory("greet"),
                executable("greet/bin/jig-greet", "#!/bin/sh\necho hello\n"),
                file("greet/README.md", "# greet\n"),
                symbolicLink("greet/jig-greet", "bin/jig-greet"),
                hardLink("greet/bin/jig-hello", "greet/bin/jig-greet"));

        Unpacker.Unpacked unpacked = Unpacker.unpack(archive, target, Unpacker.Limits.DEFAULT);

        assertEquals(new Unpacker.Unpacked(2, 2, 2, 29), unpacked);
        Path bin = target.resolve("greet/bin/jig-greet");
        assertEquals("#!/bin/sh\necho hello\n", Files.readString(bin));
        assertEquals("rwxr-xr-x", mode(bin));
        assertEquals("rw-r--r--", mode(target.resolve("greet/README.md")));
        assertEquals("rwxr-xr-x", mode(target.resolve("greet")));
        Path link = target.resolve("greet/jig-greet");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Path.of("bin/jig-greet"), Files.readSymbolicLink(link));
        assertEquals(bin.toRealPath(), link.toRealPath());
        assertTrue(Files.isSameFile(bin, target.resolve("greet/bin/jig-hello")));
    }

    @Test
    void unpacksAZipWithAnExecutableAndALink() throws Exception {
        Path archive = TestArchives.zip(dir.resolve("case.zip"),
                directory("case"),
                executable("case/jig-case", "#!/bin/sh\n"),
                file("case/LICENSE", "MIT\n"),
                symbolicLink("case/current", "jig-case"));

        Unpacker.Unpacked unpacked = Unpacker.unpack(archive, target, Unpacker.Limits.DEFAULT);

        assertEquals(new Unpacker.Unpacked(2, 1, 1, 14), unpacked);
        assertEquals("rwxr-xr-x", mode(target.resolve("case/jig-case")));
        assertEquals("rw-r--r--", mode(target.resolve("case/LICENSE")));
        assertEquals(Path.of("jig-case"), Files.readSymbolicLink(target.resolve("case/current")));
    }

    @Test
    void unpacksAPlainTarAndImpliesMissingDirectories() throws Exception {
        Path archive = TestArchives.tar(dir.resolve("plain.tar"), executable("a/b/c/tool", "x"));
        assertEquals(new Unpacker.Unpacked(1, 3, 0, 1), Unpacker.unpack(archive, target, Unpacker.Limits.DEFAULT));
        assertEquals("rwxr-xr-x", mode(target.resolve("a/b")));
    }

    @Test
    void dropsSetuidAndWorldWritableBits() throws Exception {
        Path archive = TestArchives.tarGz(dir.resolve("modes.tar.gz"),
                file("setuid", 04777, new byte[] {1}),
                file("writable", 0666, new byte[] {2}),
                file("owner-only", 0700, new byte[] {3}));
        Unpacker.unpack(archive, target, Unpacker.Limits.DEFAULT);
        assertEquals("rwxr-xr-x", mode(target.resolve("setuid")));
        assertEquals("rw-r--r--", mode(target.resolve("writable")));
        assertEquals("rwxr-xr-x", mode(target.resolve("owner-only")));
    }

    @Test
    void normalisesNamesThatStayInside() throws Exception {
        Path archive = TestArchives.tarGz(dir.resolve("dots.tar.gz"), file("./a/./b/../c", "c"));
        Unpacker.unpack(archive, target, Unpacker.Limits.DEFAULT);
        assertEquals("c", Files.readString(target.resolve("a/c")));
    }

    @Test
    void refusesZipSlip() {
        refused(TestArchives.zip(dir.resolve("plugin.zip"), file("ok", "ok"), file("../evil", "evil")),
                "plugin.zip: entry '../evil' points outside the archive; refusing to unpack it");
        refused(TestArchives.tarGz(dir.resolve("plugin.tar.gz"), file("a/../../evil", "evil")),
                "plugin.tar.gz: entry 'a/../../evil' points outside the archive; refusing to unpack it");
        assertFalse(Files.exists(dir.resolve("evil")));
    }

    @Test
    void refusesAbsolutePathsDrivesAndBackslashes() {
        refused(TestArchives.tarGz(dir.resolve("abs.tar.gz"), file("/tmp/evil", "evil")),
                "abs.tar.gz: entry '/tmp/evil' has an absolute path; refusing to unpack it");
        refused(TestArchives.zip(dir.resolve("drive.zip"), file("C:/Windows/evil", "evil")),
                "drive.zip: entry 'C:/Windows/evil' has an absolute path; refusing to unpack it");
        refused(TestArchives.tarGz(dir.resolve("backslash.tar.gz"), file("..\\evil", "evil")),
                "backslash.tar.gz: entry '..\\evil' has a backslash in its name; refusing to unpack it");
        // commons-compress reads a zip name's backslashes as separators: the escape shows as such.
        refused(TestArchives.zip(dir.resolve("backslash.zip"), file("a\\..\\..\\evil", "evil")),
                "backslash.zip: entry 'a/../../evil' points outside the archive; refusing to unpack it");
    }

    @Test
    void refusesASymbolicLinkToAnAbsolutePath() {
        refused(TestArchives.tarGz(dir.resolve("passwd.tar.gz"), symbolicLink("plugin/passwd", "/etc/passwd")),
                "passwd.tar.gz: entry 'plugin/passwd' is a symbolic link to '/etc/passwd', an absolute path outside"
                        + " the archive; refusing to unpack it");
        refused(TestArchives.zip(dir.resolve("passwd.zip"), symbolicLink("passwd", "/etc/passwd")),
                "passwd.zip: entry 'passwd' is a symbolic link to '/etc/passwd', an absolute path outside the archive;"
                        + " refusing to unpack it");
    }

    @Test
    void refusesASymbolicLinkThatClimbsOut() {
        refused(TestArchives.tarGz(dir.resolve("climb.tar.gz"), directory("a"), symbolicLink("a/up", "../..")),
                "climb.tar.gz: entry 'a/up' is a symbolic link to '../..', outside the archive; refusing to unpack it");
        // Lexically inside, really outside once 'self' is followed: refused as well.
        refused(TestArchives.tarGz(dir.resolve("self.tar.gz"), symbolicLink("self", "."),
                        symbolicLink("escape", "self/../outside")),
                "self.tar.gz: entry 'escape' is a symbolic link to 'self/../outside', which climbs back up after"
                        + " descending; only a leading '../' is allowed; refusing to unpack it");
    }

    @Test
    void refusesWritingThroughALinkTheArchiveMade() throws IOException {
        Files.createDirectory(outside);
        refused(TestArchives.tarGz(dir.resolve("through.tar.gz"), symbolicLink("link", ".."), file("link/outside/x", "x")),
                "through.tar.gz: entry 'link' is a symbolic link to '..', outside the archive; refusing to unpack it");
        refused(TestArchives.tarGz(dir.resolve("inside.tar.gz"), directory("sub"), symbolicLink("link", "sub"),
                        file("link/x", "x")),
                "inside.tar.gz: entry 'link/x' would be written through the symbolic link 'link';"
                        + " refusing to unpack it");
        refused(TestArchives.zip(dir.resolve("through.zip"), directory("sub"), symbolicLink("link", "sub"),
                        file("link/x", "x")),
                "through.zip: entry 'link/x' would be written through the symbolic link 'link'; refusing to unpack it");
        assertEquals(List.of(), list(outside));
    }

    @Test
    void refusesADuplicateThatWouldReplaceALink() {
        refused(TestArchives.tarGz(dir.resolve("dup.tar.gz"), file("tool", "x"), symbolicLink("run", "tool"),
                        file("run", "replaced")),
                "dup.tar.gz: entry 'run' would replace the symbolic link 'run'; refusing to unpack it");
        refused(TestArchives.tarGz(dir.resolve("twice.tar.gz"), file("tool", "x"), file("tool", "y")),
                "twice.tar.gz: entry 'tool' appears twice in the archive; refusing to unpack it");
    }

    @Test
    void refusesSpecialFiles() {
        refused(TestArchives.tarGz(dir.resolve("fifo.tar.gz"), file("ok", "ok"), special("pipe", TarConstants.LF_FIFO)),
                "fifo.tar.gz: entry 'pipe' is a FIFO (named pipe); refusing to unpack it");
        refused(TestArchives.tarGz(dir.resolve("chr.tar.gz"), special("dev/null", TarConstants.LF_CHR)),
                "chr.tar.gz: entry 'dev/null' is a character device; refusing to unpack it");
        refused(TestArchives.tarGz(dir.resolve("blk.tar.gz"), special("dev/sda", TarConstants.LF_BLK)),
                "blk.tar.gz: entry 'dev/sda' is a block device; refusing to unpack it");
        refused(TestArchives.zip(dir.resolve("fifo.zip"), special("pipe", TarConstants.LF_FIFO)),
                "fifo.zip: entry 'pipe' is a FIFO (named pipe); refusing to unpack it");
    }

    @Test
    void refusesHardLinksOutsideOrToNothing() {
        refused(TestArchives.tarGz(dir.resolve("hard.tar.gz"), hardLink("passwd", "../../../etc/passwd")),
                "hard.tar.gz: entry 'passwd' is a hard link to '../../../etc/passwd', outside the archive;"
                        + " refusing to unpack it");
        refused(TestArchives.tarGz(dir.resolve("absent.tar.gz"), file("a", "a"), hardLink("b", "later")),
                "absent.tar.gz: entry 'b' is a hard link to 'later', which is not a file earlier in the archive;"
                        + " refusing to unpack it");
        refused(TestArchives.tarGz(dir.resolve("vialink.tar.gz"), directory("d"), file("d/f", "f"),
                        symbolicLink("l", "d"), hardLink("h", "l/f")),
                "vialink.tar.gz: entry 'h' is a hard link to 'l/f', which is not a file earlier in the archive;"
                        + " refusing to unpack it");
    }

    @Test
    void refusesTooManyEntries() {
        List<TestArchives.Item> items = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            items.add(file("f" + i, "x"));
        }
        Path archive = TestArchives.zip(dir.resolve("many.zip"), items.toArray(TestArchives.Item[]::new));
        ArchiveException e = assertThrows(ArchiveException.class,
                () -> Unpacker.unpack(archive, target, new Unpacker.Limits(1024, 5)));
        assertEquals("many.zip: entry 'f6' goes past the limit of 5 entries; refusing to unpack it", e.getMessage());
        assertEquals(List.of(), list(target));
    }

    @Test
    void refusesABombByTheBytesItWrites() {
        byte[] zeros = new byte[4 * 1024 * 1024];
        Unpacker.Limits limits = new Unpacker.Limits(1024 * 1024, 100);
        Path zip = TestArchives.zip(dir.resolve("bomb.zip"), file("zeros", 0644, zeros));
        assertTrue(size(zip) < 64 * 1024, "the bomb is small packed");
        ArchiveException e = assertThrows(ArchiveException.class, () -> Unpacker.unpack(zip, target, limits));
        assertEquals("bomb.zip: entry 'zeros' expands past the limit of 1,048,576 bytes unpacked; refusing to unpack it",
                e.getMessage());
        assertEquals(List.of(), list(target));

        Path tarGz = TestArchives.tarGz(dir.resolve("bomb.tar.gz"), file("a", 0644, Arrays.copyOf(zeros, 600_000)),
                file("b", 0644, Arrays.copyOf(zeros, 600_000)));
        e = assertThrows(ArchiveException.class, () -> Unpacker.unpack(tarGz, target, limits));
        assertEquals("bomb.tar.gz: entry 'b' expands past the limit of 1,048,576 bytes unpacked; refusing to unpack it",
                e.getMessage());
        assertEquals(List.of(), list(target));
    }

    @Test
    void aTruncatedOrCorruptGzipIsAClearError() throws IOException {
        byte[] random = new byte[256 * 1024];
        new Random(7).nextBytes(random);
        Path good = TestArchives.tarGz(dir.resolve("good.tar.gz"), file("plugin/data", 0644, random));
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.tar.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        ArchiveException e = assertThrows(ArchiveException.class,
                () -> Unpacker.unpack(truncated, target, Unpacker.Limits.DEFAULT));
        assertTrue(e.getMessage().startsWith("truncated.tar.gz: is corrupt or truncated at entry 'plugin/data' ("),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("); download it again"), e.getMessage());
        assertOneLine(e.getMessage());
        assertEquals(List.of(), list(target));

        // Cut inside the gzip trailer only: every tar entry is whole, the CRC is not.
        Path noTrailer = Files.write(dir.resolve("trailer.tar.gz"), Arrays.copyOf(bytes, bytes.length - 4));
        e = assertThrows(ArchiveException.class, () -> Unpacker.unpack(noTrailer, target, Unpacker.Limits.DEFAULT));
        assertTrue(e.getMessage().startsWith("trailer.tar.gz: is corrupt or truncated"), e.getMessage());
        assertEquals(List.of(), list(target));

        byte[] garbage = Arrays.copyOf(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3}, 600);
        for (int i = 10; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 31);
        }
        Path corrupt = Files.write(dir.resolve("corrupt.tar.gz"), garbage);
        e = assertThrows(ArchiveException.class, () -> Unpacker.unpack(corrupt, target, Unpacker.Limits.DEFAULT));
        assertTrue(e.getMessage().startsWith("corrupt.tar.gz: is corrupt or truncated ("), e.getMessage());
        assertOneLine(e.getMessage());
        assertEquals(List.of(), list(target));
    }

    @Test
    void aCorruptZipIsAClearError() throws IOException {
        Path corrupt = Files.write(dir.resolve("corrupt.zip"), Arrays.copyOf("PK\3\4 not really".getBytes(), 300));
        ArchiveException e = assertThrows(ArchiveException.class,
                () -> Unpacker.unpack(corrupt, target, Unpacker.Limits.DEFAULT));
        assertTrue(e.getMessage().startsWith("corrupt.zip: is corrupt or truncated ("), e.getMessage());
        assertOneLine(e.getMessage());
    }

    @Test
    void aMissingArchiveIsNamed() {
        ArchiveException e = assertThrows(ArchiveException.class,
                () -> Unpacker.unpack(dir.resolve("gone.zip"), target, Unpacker.Limits.DEFAULT));
        assertEquals("gone.zip: cannot read it: no such file", e.getMessage());
    }

    @Test
    void aFileOfNeitherFormatIsNamed() throws IOException {
        Path html = Files.writeString(dir.resolve("plugin.tar.gz"), "<html>404 Not Found</html>\n");
        ArchiveException e = assertThrows(ArchiveException.class,
                () -> Unpacker.unpack(html, target, Unpacker.Limits.DEFAULT));
        assertEquals("plugin.tar.gz: is neither a .tar.gz nor a .zip archive; check that it is the plugin's release"
                + " archive", e.getMessage());
        assertEquals(List.of(), list(target));
    }

    @Test
    void theFormatComesFromTheBytesNotTheName() throws Exception {
        Path zipNamedTar = TestArchives.zip(dir.resolve("misnamed.tar.gz"), file("x", "x"));
        assertEquals(1, Unpacker.unpack(zipNamedTar, target, Unpacker.Limits.DEFAULT).files());
    }

    @Test
    void aTargetThatIsNotEmptyIsRefused() throws IOException {
        Files.writeString(target.resolve("old"), "old");
        Path archive = TestArchives.zip(dir.resolve("p.zip"), file("x", "x"));
        ArchiveException e = assertThrows(ArchiveException.class,
                () -> Unpacker.unpack(archive, target, Unpacker.Limits.DEFAULT));
        assertEquals("cannot unpack p.zip into " + target + ": it is not empty", e.getMessage());
        assertEquals("old", Files.readString(target.resolve("old")));
    }

    @Test
    void controlCharactersInNamesDoNotBreakTheLine() {
        refused(TestArchives.tarGz(dir.resolve("nl.tar.gz"), file("../evil\nname", "x")),
                "nl.tar.gz: entry '../evil?name' points outside the archive; refusing to unpack it");
    }

    private void refused(Path archive, String message) {
        ArchiveException e = assertThrows(ArchiveException.class,
                () -> Unpacker.unpack(archive, target, Unpacker.Limits.DEFAULT));
        assertEquals(message, e.getMessage());
        assertTrue(Files.isDirectory(target), "the staging directory stays");
        assertEquals(List.of(), list(target), "nothing is left in the staging directory");
    }

    private static void assertOneLine(String message) {
        assertFalse(message.contains("\n") || message.contains("\r"), message);
    }

    private static List<Path> list(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
