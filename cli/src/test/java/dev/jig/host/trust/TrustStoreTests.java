package dev.jig.host.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStoreTests {

    @TempDir
    Path tmp;

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void recordsRoundTripThroughTheFile() throws Exception {
        Path plugin = Files.writeString(tmp.resolve("jig-a"), "#!/bin/sh\necho a\n");
        Path file = tmp.resolve("config/jig/trusted.json");
        TrustStore.Entry entry = new TrustStore(file).trust(plugin, false, TreeDigest::sha256);

        assertEquals(sha256(Files.readAllBytes(plugin)), entry.sha256());
        TrustStore reread = new TrustStore(file);
        assertEquals(entry, reread.get(plugin).orElseThrow());
        assertEquals(List.of(plugin), List.copyOf(reread.entries().keySet()));
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals(1, json.get("version").asInt());
        assertEquals(entry.sha256(), json.get("plugins").get(plugin.toString()).get("sha256").asText());

        assertTrue(reread.untrust(plugin));
        assertFalse(reread.untrust(plugin));
        assertTrue(new TrustStore(file).get(plugin).isEmpty());
    }

    @Test
    void writesLeaveNoTemporaryFilesAndArePrivate() throws Exception {
        Path plugin = Files.writeString(tmp.resolve("jig-a"), "x");
        Path file = tmp.resolve("config/trusted.json");
        new TrustStore(file).trust(plugin, false, TreeDigest::sha256);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of("trusted.json", "trusted.json.lock"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
    }

    @Test
    void aDamagedFileTrustsNothingAndIsNotOverwritten() throws Exception {
        Path plugin = Files.writeString(tmp.resolve("jig-a"), "x");
        Path file = Files.writeString(tmp.resolve("trusted.json"), "{\"version\": 1, \"plugins\": {");
        TrustStore store = new TrustStore(file);
        assertTrue(store.get(plugin).isEmpty());
        assertThrows(IOException.class, () -> store.trust(plugin, false, TreeDigest::sha256));
        assertEquals("{\"version\": 1, \"plugins\": {", Files.readString(file));
    }

    @Test
    void concurrentTrustsFromManyThreadsAndStoresKeepEveryRecord() throws Exception {
        Path file = tmp.resolve("trusted.json");
        List<Path> plugins = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            plugins.add(Files.writeString(tmp.resolve("jig-p" + i), "#!/bin/sh\necho " + i + "\n"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<TrustStore.Entry>> futures = new ArrayList<>();
            for (Path plugin : plugins) {
                futures.add(pool.submit(() -> new TrustStore(file).trust(plugin, false, TreeDigest::sha256)));
            }
            for (Future<TrustStore.Entry> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8)); // valid JSON
        TrustStore store = new TrustStore(file);
        assertEquals(plugins.size(), store.entries().size());
        for (Path plugin : plugins) {
            assertEquals(sha256(Files.readAllBytes(plugin)), store.get(plugin).orElseThrow().sha256());
        }
    }

    @Test
    void aTreeDigestCoversPathsContentAndModes() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("tree"));
        Files.writeString(dir.resolve("a"), "one");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b"), "two");
        String first = TreeDigest.sha256(dir, true);
        assertEquals(first, TreeDigest.sha256(dir, true));

        Files.move(dir.resolve("sub/b"), dir.resolve("sub/c"));
        String renamed = TreeDigest.sha256(dir, true);
        assertFalse(first.equals(renamed), "a rename changes the digest");
        Files.move(dir.resolve("sub/c"), dir.resolve("sub/b"));
        assertEquals(first, TreeDigest.sha256(dir, true));

        dir.resolve("a").toFile().setExecutable(true);
        assertFalse(first.equals(TreeDigest.sha256(dir, true)), "a file made executable changes the digest");
    }
}
