package dev.jig.host.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.jig.protocol.metadata.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataCacheTests {

    private static final Path PLUGIN = Path.of("/home/u/.config/jig/plugins/jig-greet");
    private static final Fingerprint PRINT = new Fingerprint(120, 1_000_000_000L, 2_000_000_000L, 77);

    @TempDir
    Path tmp;

    private static PluginRecord record(String summary) {
        return new PluginRecord(Kind.PROTOCOL, List.of(), null, "1.2.0", summary, List.of(),
                new Requirements(">=0.1.0", List.of(1), null, List.of("git")), List.of("list"), List.of("prerun"),
                "{\"name\":\"greet\",\"version\":\"1.2.0\",\"description\":\"" + summary + "\"}");
    }

    private MetadataCache cache() {
        return new MetadataCache(tmp.resolve("cache/jig/plugins"), "0.1.0");
    }

    private List<Path> files() throws IOException {
        Path dir = tmp.resolve("cache/jig/plugins");
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    /** The one record file in the cache. */
    private Path recordFile() throws IOException {
        List<Path> files = files();
        assertEquals(1, files.size(), files.toString());
        return files.get(0);
    }

    @Test
    void aStoredRecordIsFound() {
        MetadataCache cache = cache();
        PluginRecord record = record("Greet people");

        assertTrue(cache.store(PLUGIN, PRINT, record));

        assertEquals(Optional.of(record), cache.lookup(PLUGIN, PRINT, true));
    }

    @Test
    void aLookupWithoutJsonSkipsOnlyTheJson() {
        MetadataCache cache = cache();
        PluginRecord record = record("Greet people");
        cache.store(PLUGIN, PRINT, record);

        PluginRecord found = cache.lookup(PLUGIN, PRINT, false).orElseThrow();

        assertNull(found.metadataJson());
        assertEquals("Greet people", found.summary());
        assertEquals(record.requires(), found.requires());
        assertEquals(record.subcommands(), found.subcommands());
    }

    @Test
    void aNewCacheObjectReadsWhatAnotherWrote() {
        cache().store(PLUGIN, PRINT, record("Greet people"));
        assertEquals(Optional.of(record("Greet people")), cache().lookup(PLUGIN, PRINT, true));
    }

    @Test
    void nothingStoredIsAMiss() {
        assertEquals(Optional.empty(), cache().lookup(PLUGIN, PRINT, true));
        assertFalse(Files.exists(tmp.resolve("cache")), "a lookup creates nothing");
    }

    @Test
    void anotherFingerprintIsAMiss() {
        MetadataCache cache = cache();
        cache.store(PLUGIN, PRINT, record("Greet people"));

        for (Fingerprint other : List.of(new Fingerprint(121, 1_000_000_000L, 2_000_000_000L, 77),
                new Fingerprint(120, 1_000_000_001L, 2_000_000_000L, 77),
                new Fingerprint(120, 1_000_000_000L, 2_000_000_001L, 77),
                new Fingerprint(120, 1_000_000_000L, 2_000_000_000L, 78))) {
            assertEquals(Optional.empty(), cache.lookup(PLUGIN, other, true), other.toString());
        }
        assertTrue(cache.lookup(PLUGIN, PRINT, true).isPresent());
    }

    @Test
    void anotherHostVersionIsAMiss() {
        cache().store(PLUGIN, PRINT, record("Greet people"));

        MetadataCache newer = new MetadataCache(tmp.resolve("cache/jig/plugins"), "0.2.0");

        assertEquals(Optional.empty(), newer.lookup(PLUGIN, PRINT, true));
    }

    @Test
    void eachPluginPathHasItsOwnRecord() throws IOException {
        MetadataCache cache = cache();
        Path other = Path.of("/usr/share/jig/plugins/jig-greet");
        cache.store(PLUGIN, PRINT, record("user greet"));
        cache.store(other, PRINT, record("system greet"));

        assertEquals("user greet", cache.lookup(PLUGIN, PRINT, true).orElseThrow().summary());
        assertEquals("system greet", cache.lookup(other, PRINT, true).orElseThrow().summary());
        assertEquals(2, files().size());
    }

    @Test
    void aStoreReplacesTheOldRecord() throws IOException {
        MetadataCache cache = cache();
        Fingerprint newer = new Fingerprint(130, 3_000_000_000L, 3_000_000_000L, 77);
        cache.store(PLUGIN, PRINT, record("old"));

        cache.store(PLUGIN, newer, record("new"));

        assertEquals(Optional.empty(), cache.lookup(PLUGIN, PRINT, true));
        assertEquals("new", cache.lookup(PLUGIN, newer, true).orElseThrow().summary());
        assertEquals(1, files().size());
    }

    @Test
    void aCorruptRecordIsAMissAndTheNextStoreRepairsIt() throws IOException {
        MetadataCache cache = cache();
        cache.store(PLUGIN, PRINT, record("Greet people"));
        Path file = recordFile();

        for (String corrupt : List.of("", "garbage\n", RecordCodec.MAGIC + "\nhost 0.1.0\nfingerprint 1 2\n",
                Files.readString(file).substring(0, 40), "\u0000\u0001\u0002")) {
            Files.writeString(file, corrupt);
            assertEquals(Optional.empty(), cache.lookup(PLUGIN, PRINT, true), corrupt);
            assertEquals(Optional.empty(), cache.lookup(PLUGIN, PRINT, false), corrupt);
        }
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}); // not even UTF-8
        assertEquals(Optional.empty(), cache.lookup(PLUGIN, PRINT, true));

        assertTrue(cache.store(PLUGIN, PRINT, record("Greet people")));

        assertEquals(Optional.of(record("Greet people")), cache.lookup(PLUGIN, PRINT, true));
    }

    @Test
    void aStoreWhereNoDirectoryCanBeCreatedReturnsFalse() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");
        MetadataCache cache = new MetadataCache(file.resolve("jig/plugins"), "0.1.0");

        assertFalse(cache.store(PLUGIN, PRINT, record("Greet people")));
        assertEquals(Optional.empty(), cache.lookup(PLUGIN, PRINT, true));
        assertEquals("not a directory", Files.readString(file));
    }

    @Test
    void aStoreIntoAReadOnlyDirectoryReturnsFalse() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("cache/jig/plugins"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(canCreateFileIn(dir), "permissions are not enforced for this user (root?)");
            MetadataCache cache = cache();

            assertFalse(cache.store(PLUGIN, PRINT, record("Greet people")));
            assertEquals(Optional.empty(), cache.lookup(PLUGIN, PRINT, true));
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertEquals(List.of(), files());
    }

    private static boolean canCreateFileIn(Path dir) throws IOException {
        try {
            Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    @Test
    void aStoreThatCannotReplaceTheRecordReturnsFalseAndLeavesNoTemporaryFile() throws IOException {
        MetadataCache cache = cache();
        cache.store(PLUGIN, PRINT, record("Greet people"));
        Path file = recordFile();
        Files.delete(file);
        Files.createDirectories(file.resolve("in-the-way")); // a non-empty directory where the record goes

        assertFalse(cache.store(PLUGIN, PRINT, record("Greet people")));

        assertEquals(List.of(file), files());
        assertEquals(Optional.empty(), cache.lookup(PLUGIN, PRINT, true));
    }

    @Test
    void storesLeaveNoTemporaryFilesBehind() throws IOException {
        MetadataCache cache = cache();
        for (int i = 0; i < 5; i++) {
            assertTrue(cache.store(PLUGIN, new Fingerprint(i, i, i, i), record("version " + i)));
            assertTrue(cache.store(Path.of("/elsewhere/jig-p" + i), PRINT, record("p" + i)));
        }

        List<Path> files = files();
        assertEquals(6, files.size(), files.toString());
        for (Path file : files) {
            String name = file.getFileName().toString();
            assertTrue(name.matches("[0-9a-f]{16}\\.plugin"), name);
        }
    }

    @Test
    void concurrentStoresLeaveOneWholeRecord() throws Exception {
        MetadataCache cache = cache();
        // Big enough that a write takes several system calls: a torn file would show.
        String padding = "x".repeat(200_000);
        List<PluginRecord> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(new PluginRecord(Kind.PROTOCOL, List.of(), null, "1." + i + ".0", "writer " + i, List.of(),
                    null, List.of("sub" + i), List.of(), "{\"name\":\"greet\",\"pad\":\"" + i + padding + i + "\"}"));
        }
        cache.store(PLUGIN, PRINT, records.get(0)); // so that readers have a file from the start
        Path file = recordFile();

        ExecutorService pool = Executors.newFixedThreadPool(22);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> tornReads = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<Boolean>> writers = new ArrayList<>();
            for (PluginRecord record : records) {
                writers.add(pool.submit(() -> {
                    start.await();
                    return cache.store(PLUGIN, PRINT, record);
                }));
            }
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    start.await();
                    int reads = 0;
                    while (writing.get() || reads == 0) {
                        try {
                            RecordCodec.Entry entry = RecordCodec.read(Files.readString(file, StandardCharsets.UTF_8), true);
                            if (!records.contains(entry.record())) {
                                tornReads.add(entry.record().summary());
                            }
                            reads++;
                        } catch (NoSuchFileException e) {
                            tornReads.add("the record file vanished during a store");
                        } catch (IOException e) {
                            tornReads.add(e.toString());
                        }
                    }
                    return reads;
                }));
            }
            start.countDown();
            for (Future<Boolean> writer : writers) {
                assertTrue(writer.get(30, TimeUnit.SECONDS));
            }
            writing.set(false);
            for (Future<Integer> reader : readers) {
                assertTrue(reader.get(30, TimeUnit.SECONDS) > 0);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(List.of(), tornReads);
        PluginRecord last = cache.lookup(PLUGIN, PRINT, true).orElseThrow();
        assertTrue(records.contains(last), last.summary());
        assertEquals(List.of(file), files(), "no temporary file is left behind");
        assertNotEquals(0, Files.size(file));
    }
}
