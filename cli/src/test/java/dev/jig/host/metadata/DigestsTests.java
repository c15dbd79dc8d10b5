package dev.jig.host.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestsTests {

    /** SHA-256 of "abc" (FIPS 180-2, appendix B.1). */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path tmp;

    @Test
    void computesSha256() throws IOException {
        Path file = Files.writeString(tmp.resolve("f"), "abc");
        assertEquals(Optional.of(ABC), new Digests(Optional.empty()).sha256(file));
        assertEquals(ABC, Digests.compute(file));
    }

    @Test
    void anUnchangedFileIsHashedOnce() throws IOException {
        Path file = Files.writeString(tmp.resolve("f"), "abc");
        Path cache = tmp.resolve("digests");
        new Digests(Optional.of(cache)).sha256(file);
        Path entry = cache.resolve(Digests.name(file.toRealPath()));
        List<String> lines = Files.readAllLines(entry);
        assertEquals(List.of(file.toRealPath().toString(), Fingerprint.of(file).toString(), ABC), lines);

        // A digest served from the cache is whatever the cache says: proof it was not computed again.
        String planted = "0".repeat(64);
        Files.write(entry, List.of(lines.get(0), lines.get(1), planted));
        assertEquals(Optional.of(planted), new Digests(Optional.of(cache)).sha256(file));
    }

    @Test
    void aChangedFileIsHashedAgain() throws IOException, InterruptedException {
        Path file = Files.writeString(tmp.resolve("f"), "abc");
        Digests digests = new Digests(Optional.of(tmp.resolve("digests")));
        assertEquals(Optional.of(ABC), digests.sha256(file));

        Files.writeString(file, "abcd"); // another size: a change even where timestamps are coarse
        String changed = digests.sha256(file).orElseThrow();
        assertNotEquals(ABC, changed);
        assertEquals(Digests.compute(file), changed);
    }

    @Test
    void aMissingFileOrDirectoryHasNoDigest() {
        Digests digests = new Digests(Optional.of(tmp.resolve("digests")));
        assertTrue(digests.sha256(tmp.resolve("missing")).isEmpty());
        assertTrue(digests.sha256(tmp).isEmpty());
    }
}
