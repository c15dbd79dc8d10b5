package dev.jig.host.install;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.host.ExitStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockFileTests {

    @TempDir
    Path dir;

    private static final Locked GREET = new Locked("1.2.0", "https://example.org/jig-greet", "ab".repeat(32), "main",
            null, Map.of("zeta", "^1", "alpha", ">=2"));
    private static final Locked LOCAL = new Locked(null, "file:///src/jig-local", "cd".repeat(32), null, null, Map.of());

    @Test
    void theSamePluginsWriteTheSameBytesWhateverTheirOrder() throws Exception {
        Map<String, Locked> one = new LinkedHashMap<>();
        one.put("local", LOCAL);
        one.put("greet", GREET);
        Map<String, Locked> other = new LinkedHashMap<>();
        other.put("greet", new Locked("1.2.0", GREET.source(), GREET.sha256(), "main", null,
                new LinkedHashMap<>(Map.of("alpha", ">=2", "zeta", "^1"))));
        other.put("local", LOCAL);
        assertArrayEquals(LockFile.render(one), LockFile.render(other));
        String text = new String(LockFile.render(one), StandardCharsets.UTF_8);
        assertTrue(text.indexOf("\"greet\"") < text.indexOf("\"local\""), text);
        assertTrue(text.indexOf("\"alpha\"") < text.indexOf("\"zeta\""), text);
        assertTrue(!text.contains("\"signature\"") && text.endsWith("}\n"), text);
    }

    @Test
    void whatIsWrittenIsReadBack() throws Exception {
        Path file = dir.resolve("plugins.lock.json");
        LockFile.write(file, Map.of("greet", GREET, "local", LOCAL));
        assertEquals(Map.of("greet", GREET, "local", LOCAL), LockFile.read(file));
    }

    @Test
    void aMissingFileLocksNothing() throws Exception {
        assertEquals(Map.of(), LockFile.read(dir.resolve("none.json")));
    }

    @Test
    void aDamagedFileIsOneLineThatSaysWhatToDo() throws Exception {
        Path file = Files.writeString(dir.resolve("plugins.lock.json"), "{\"lock\": 9}");
        InstallException e = assertThrows(InstallException.class, () -> LockFile.read(file));
        assertEquals(ExitStatus.CONFIG, e.exitStatus());
        assertTrue(e.getMessage().startsWith("the lock file " + file + " is damaged"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aLockFileThatNamesPathsOrPlacesItShouldNotIsRefusedBeforeAnythingIsFetched() throws Exception {
        String sha = "ab".repeat(32);
        for (String plugins : new String[] {
                "{\"../../escape\": {\"source\": \"https://x/y\", \"sha256\": \"" + sha + "\"}}",
                "{\"greet\": {\"source\": \"ftp://x/y\", \"sha256\": \"" + sha + "\"}}",
                "{\"greet\": {\"source\": \"file://host/share/jig-greet\", \"sha256\": \"" + sha + "\"}}",
                "{\"greet\": {\"source\": \"https://x/y\", \"sha256\": \"../../etc\"}}"}) {
            Path file = Files.writeString(dir.resolve("plugins.lock.json"), "{\"lock\": 1, \"plugins\": " + plugins + "}");
            InstallException e = assertThrows(InstallException.class, () -> LockFile.read(file), plugins);
            assertEquals(ExitStatus.CONFIG, e.exitStatus());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }
}
