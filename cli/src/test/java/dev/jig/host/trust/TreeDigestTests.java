package dev.jig.host.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.jig.host.metadata.Digester;
import dev.jig.host.metadata.Digests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeDigestTests {

    @TempDir
    Path tmp;

    private Path plugin() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("plugins/foo"));
        Files.writeString(dir.resolve("plugin.json"), "{}");
        Files.writeString(Files.createDirectories(dir.resolve("lib")).resolve("main"), "echo\n");
        return dir;
    }

    @Test
    void aTreesSignatureIsNotPartOfItsDigest() throws IOException {
        Path dir = plugin();
        String unsigned = TreeDigest.sha256(dir, true);
        Files.writeString(dir.resolve("plugin.sig"), "anything");
        assertEquals(unsigned, TreeDigest.sha256(dir, true));
        Files.writeString(dir.resolve("lib/plugin.sig"), "anything");
        assertNotEquals(unsigned, TreeDigest.sha256(dir, true), "only the one at the top is the signature");
    }

    @Test
    void anUnchangedTreeIsHashedOnceAndAChangedOneAgain() throws IOException {
        Path dir = plugin();
        Path cache = tmp.resolve("digests");
        Digester remembering = TreeDigest.remembering(new Digests(Optional.of(cache)));
        String digest = remembering.digest(dir, true);
        assertEquals(TreeDigest.sha256(dir, true), digest);

        // A digest served from the cache is whatever the cache says: proof it was not computed again.
        Path entry;
        try (var entries = Files.list(cache)) {
            entry = entries.filter(path -> !path.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(entry);
        String planted = "0".repeat(64);
        Files.write(entry, List.of(lines.get(0), lines.get(1), planted));
        assertEquals(planted, remembering.digest(dir, true));

        Files.writeString(dir.resolve("lib/main"), "echo changed\n");
        assertEquals(TreeDigest.sha256(dir, true), remembering.digest(dir, true));
        assertNotEquals(digest, remembering.digest(dir, true));
    }
}
