package dev.jig.host.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTests {

    private static final long MIB = 1024 * 1024;
    private static final URI SOURCE = URI.create("https://plugins.example.org/greet-1.2.0.tar.gz");

    @Test
    void theBarShowsPercentAndSizes() {
        long total = (long) (2.6 * MIB);
        assertEquals("greet [>                   ] 0% 0 B/2.6 MiB", ProgressText.bar("greet", 0, total));
        assertEquals("greet [=========>          ] 46% 1.2 MiB/2.6 MiB",
                ProgressText.bar("greet", (long) (1.2 * MIB), total));
        assertEquals("greet [====================] 100% 2.6 MiB/2.6 MiB", ProgressText.bar("greet", total, total));
    }

    @Test
    void withNoTotalTheBarShowsBytesOnly() {
        assertEquals("greet 512 B", ProgressText.bar("greet", 512, -1));
        assertEquals("greet 12.5 KiB", ProgressText.bar("greet", 12 * 1024 + 512, -1));
    }

    @Test
    void sizesAndDurationsAreReadable() {
        assertEquals("0 B", Sizes.bytes(0));
        assertEquals("1023 B", Sizes.bytes(1023));
        assertEquals("1.0 KiB", Sizes.bytes(1024));
        assertEquals("1.0 MiB", Sizes.bytes(MIB - 1));
        assertEquals("1.5 GiB", Sizes.bytes(3 * 512 * MIB));
        assertEquals("4,096", Sizes.count(4096));
        assertEquals("0.4 s", Sizes.seconds(Duration.ofMillis(400)));
    }

    @Test
    void plainLinesAtTheStartAndTheEndOnly() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Progress progress = Progress.forStream(new PrintStream(out, true, StandardCharsets.UTF_8), false, "greet 1.2.0");
        progress.start(SOURCE, (long) (2.6 * MIB));
        for (long n = 0; n < 2.6 * MIB; n += 64 * 1024) {
            progress.advance(n);
        }
        progress.finish((long) (2.6 * MIB), Duration.ofMillis(400));
        assertEquals("downloading greet 1.2.0 from " + SOURCE + " (2.6 MiB)\n"
                + "downloaded greet 1.2.0: 2.6 MiB in 0.4 s\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void plainLinesWithNoTotalAndWithoutCredentials() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Progress progress = Progress.forStream(new PrintStream(out, true, StandardCharsets.UTF_8), false, "greet");
        progress.start(URI.create("https://user:secret@plugins.example.org/greet.zip?x=1"), -1);
        assertEquals("downloading greet from https://plugins.example.org/greet.zip?x=1\n",
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void onATerminalOneBarIsRedrawnInPlaceAndEndedWithANewline() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Progress progress = Progress.forStream(new PrintStream(out, true, StandardCharsets.UTF_8), true, "greet");
        progress.start(SOURCE, 2048);
        // Many advances in a burst: redraws are throttled, so far fewer bars than calls.
        for (int n = 1; n <= 1000; n++) {
            progress.advance(2);
        }
        progress.finish(2048, Duration.ofMillis(400));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\rgreet [>                   ] 0% 0 B/2.0 KiB"), text);
        assertTrue(text.endsWith("\rgreet [====================] 100% 2.0 KiB/2.0 KiB in 0.4 s\n"), text);
        assertEquals(1, text.chars().filter(c -> c == '\n').count(), text);
        long redraws = text.chars().filter(c -> c == '\r').count();
        assertTrue(redraws < 100, "redrawn " + redraws + " times");
    }

    @Test
    void anAbortedBarIsCleared() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Progress progress = Progress.forStream(new PrintStream(out, true, StandardCharsets.UTF_8), true, "greet");
        progress.start(SOURCE, -1);
        progress.abort();
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals("\rgreet 0 B\r" + " ".repeat("greet 0 B".length()) + "\r", text);
        assertFalse(text.contains("\n"));
    }
}
