package dev.jig.host.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.protocol.codec.Json;
import dev.jig.protocol.metadata.PluginMetadata;
import dev.jig.protocol.testing.Fuzz;
import dev.jig.protocol.testing.Generators;
import dev.jig.protocol.testing.RecordFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host's own decoders of untrusted files: a plugin's manifest (any bytes a plugin author or
 * an attacker put there) and the metadata cache (which a crash, a full disk or another program
 * may have mangled). A manifest becomes a record, valid or saying what is wrong in one line; a
 * record survives the cache; a damaged cache file is a miss, never an error.
 */
class MetadataFuzzTests {

    private static final List<String> NAMES = RecordFields.names(List.of(PluginMetadata.class));
    private static final Fingerprint PRINT = new Fingerprint(100, 1L, 2L, 3L);

    @TempDir
    Path dir;

    @Test
    void anyManifestBecomesARecordThatSurvivesTheCache() {
        Fuzz.check((generate, seed) -> {
            Path manifest = manifest(generate);

            PluginRecord record = ManifestReader.read(manifest, "greet", "jig");

            record.problems().forEach(MetadataFuzzTests::assertOneLine);
            if (record.detail() != null) {
                assertOneLine(record.detail());
            }
            RecordCodec.Entry entry = new RecordCodec.Entry("0.1.0", manifest.toString(), PRINT, record);
            assertEquals(entry, RecordCodec.read(RecordCodec.write(entry), true), "the cache gives back what it was given");
        });
    }

    /**
     * A cache file damaged anywhere reads as an entry or fails with {@link IOException}, which
     * the cache takes as a miss ({@link MetadataCache#lookup}); never with anything else.
     */
    @Test
    void aDamagedCacheFileIsReadOrRefusedAsMalformed() {
        Fuzz.check((generate, seed) -> {
            Path manifest = manifest(generate);
            String written = RecordCodec.write(new RecordCodec.Entry("0.1.0", manifest.toString(), PRINT,
                    ManifestReader.read(manifest, "greet", "jig")));
            String damaged = new String(mutate(generate, written.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            try {
                RecordCodec.Entry entry = RecordCodec.read(damaged, generate.between(0, 1) == 0);
                entry.record().problems().forEach(MetadataFuzzTests::assertOneLine);
            } catch (IOException refused) {
                assertTrue(refused.getMessage() != null, "a refusal says why");
            }
        });
    }

    @Test
    void theCacheGivesBackWhatItStoredAndMissesADamagedFile() throws IOException {
        Path plugin = dir.resolve("jig-greet");
        MetadataCache cache = new MetadataCache(dir.resolve("cache"), "0.1.0");
        PluginRecord record = PluginRecord.broken(Kind.PROTOCOL, "a problem");
        assertTrue(cache.store(plugin, PRINT, record));
        assertEquals(Optional.of(record), cache.lookup(plugin, PRINT, true));
        try (var files = Files.list(dir.resolve("cache"))) {
            Files.writeString(files.findFirst().orElseThrow(), "jig-plugin-cache 2\nkind \u0000\n");
        }
        assertEquals(Optional.empty(), cache.lookup(plugin, PRINT, true));
    }

    /** {@code greet/plugin.json}, written anew. */
    private Path manifest(Generators generate) throws IOException {
        Path manifest = Files.createDirectories(dir.resolve("greet")).resolve("plugin.json");
        return Files.write(manifest, manifestBytes(generate));
    }

    /** A manifest: mostly a JSON object with the metadata's own keys and a real {@code run}, else any bytes. */
    private static byte[] manifestBytes(Generators generate) throws IOException {
        if (generate.between(0, 9) == 0) {
            return generate.bytes(300);
        }
        ObjectNode body = generate.object(4, NAMES);
        if (generate.between(0, 3) > 0) {
            body.putArray("run").add(generate.between(0, 1) == 0 ? "bin/run" : generate.text(10));
        }
        if (generate.between(0, 1) == 0) {
            body.put("name", "greet");
        }
        return Json.mapper().writeValueAsBytes(body);
    }

    /** {@code bytes} with a few bytes inserted, replaced, removed, or the file cut short. */
    private static byte[] mutate(Generators generate, byte[] bytes) {
        byte[] out = bytes.clone();
        for (int edits = generate.between(1, 4); edits > 0 && out.length > 0; edits--) {
            int at = generate.between(0, out.length - 1);
            byte[] one = generate.bytes(3);
            switch (generate.between(0, 3)) {
                case 0 -> out = splice(out, at, at, one);
                case 1 -> out = splice(out, at, Math.min(out.length, at + one.length), one);
                case 2 -> out = splice(out, at, Math.min(out.length, at + generate.between(1, 8)), new byte[0]);
                default -> out = splice(out, at, out.length, new byte[0]);
            }
        }
        return out;
    }

    private static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
        byte[] out = new byte[bytes.length - (to - from) + insert.length];
        System.arraycopy(bytes, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(bytes, to, out, from + insert.length, bytes.length - to);
        return out;
    }

    private static void assertOneLine(String text) {
        assertTrue(text.chars().noneMatch(c -> c == '\n' || c == '\r'), () -> "one line: " + text);
    }
}
