package dev.jig.protocol.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The fuzz harness itself: a broken property fails, and the failure names a seed that replays the case. */
class FuzzTests {

    @Test
    void aBrokenPropertyFailsWithTheSeedOfItsCase() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> Fuzz.check((generate, seed) -> assertTrue(generate.between(0, 9) != 3, "drew 3")));
        String message = failure.getMessage();
        assertTrue(message.contains("-Djig.fuzz.seed="), message);
        long seed = Long.parseLong(message.replaceAll("(?s).*-Djig\\.fuzz\\.seed=(-?\\d+).*", "$1"));
        assertEquals(3, new Generators(new Random(seed)).between(0, 9), "the named seed draws the failing case again");
    }
}
