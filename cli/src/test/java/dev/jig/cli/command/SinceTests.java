package dev.jig.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SinceTests {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void readsAges() {
        assertEquals(Instant.parse("2026-11-25T11:59:30Z"), Since.parse("30s", NOW));
        assertEquals(Instant.parse("2026-11-25T11:45:00Z"), Since.parse("15m", NOW));
        assertEquals(Instant.parse("2026-11-25T11:00:00Z"), Since.parse("1h", NOW));
        assertEquals(Instant.parse("2026-11-23T12:00:00Z"), Since.parse("2d", NOW));
        assertEquals(Instant.parse("2026-11-18T12:00:00Z"), Since.parse("1w", NOW));
    }

    @Test
    void readsIsoTimes() {
        assertEquals(Instant.parse("2026-11-25T10:00:00Z"), Since.parse("2026-11-25T10:00:00Z", NOW));
        assertEquals(Instant.parse("2026-11-25T09:00:00Z"), Since.parse("2026-11-25T10:00:00+01:00", NOW));
        assertEquals(Instant.parse("2026-11-25T00:00:00Z"), Since.parse("2026-11-25", NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "h", "-1h", "1y", "1 h", "yesterday", "2026-13-01"})
    void refusesAnythingElse(String text) {
        assertThrows(IllegalArgumentException.class, () -> Since.parse(text, NOW));
    }
}
