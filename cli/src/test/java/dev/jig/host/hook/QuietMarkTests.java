package dev.jig.host.hook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuietMarkTests {

    @TempDir
    Path tmp;

    private Path dir;
    private Path plugin;
    private Path missing;
    private QuietMark mark;

    @BeforeEach
    void plugins() throws IOException {
        dir = Files.createDirectory(tmp.resolve("plugins"));
        plugin = Files.writeString(dir.resolve("jig-hello"), "#!/bin/sh\necho hello\n");
        missing = tmp.resolve("system");
        mark = new QuietMark(tmp.resolve("cache/hooks/quiet"), "1.0.0");
    }

    /** Records as if the scan began a while after the files settled (their ctime cannot be backdated). */
    private void recorded() {
        mark.record(List.of(dir, missing), List.of(dir, plugin, missing), Instant.now().plusSeconds(5));
    }

    @Test
    void aFreshMarkHolds() {
        assertFalse(mark.holds(List.of(dir, missing)), "no mark yet");
        recorded();
        assertTrue(mark.holds(List.of(dir, missing)));
    }

    @Test
    void anotherSearchPathOrVersionVoidsIt() {
        recorded();
        assertFalse(mark.holds(List.of(missing, dir)));
        assertFalse(mark.holds(List.of(dir)));
        assertFalse(new QuietMark(tmp.resolve("cache/hooks/quiet"), "1.0.1").holds(List.of(dir, missing)));
    }

    @Test
    void aPluginEditedInPlaceVoidsIt() throws IOException {
        recorded();
        Files.writeString(plugin, "#!/bin/sh\necho changed, same directory\n");
        assertFalse(mark.holds(List.of(dir, missing)));
    }

    @Test
    void aNewPluginOrAnAppearingDirectoryVoidsIt() throws IOException {
        recorded();
        Files.createDirectory(missing);
        assertFalse(mark.holds(List.of(dir, missing)));
        Files.delete(missing);
        assertTrue(mark.holds(List.of(dir, missing)), "the directory's absence was what it recorded");
        Files.writeString(dir.resolve("jig-audit"), "#!/bin/sh\n");
        assertFalse(mark.holds(List.of(dir, missing)));
    }

    @Test
    void nothingIsWrittenForAFileThatChangedTooRecently() throws IOException {
        mark.record(List.of(dir, missing), List.of(dir, plugin, missing), Instant.now());
        assertFalse(Files.exists(tmp.resolve("cache/hooks/quiet")));
    }

    @Test
    void forgetRemovesIt() {
        recorded();
        mark.forget();
        assertFalse(mark.holds(List.of(dir, missing)));
    }

    @Test
    void aDamagedMarkDoesNotHold() throws IOException {
        recorded();
        Path file = tmp.resolve("cache/hooks/quiet");
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() - 4)); // cut short: no end line
        assertFalse(mark.holds(List.of(dir, missing)));
    }
}
