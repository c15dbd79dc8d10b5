package dev.jig.protocol.testing;

import java.util.Random;
import org.opentest4j.AssertionFailedError;

/**
 * Runs a property over many seeded random cases. A build draws a new base seed each time, so
 * every CI run tries new inputs; a failure names the seed of its case, and
 * {@code -Djig.fuzz.seed=S -Djig.fuzz.cases=1} replays exactly that case. {@code scripts/fuzz}
 * raises {@code jig.fuzz.cases} for the long run.
 */
public final class Fuzz {

    /** Cases per property in an ordinary build: enough to cover each branch, a few seconds in all. */
    private static final int DEFAULT_CASES = 300;

    private Fuzz() {
    }

    /** A property of one case: it throws (an assertion or anything else) when the case breaks it. */
    public interface Property {
        /** Checks one case, drawn from {@code generate}; {@code seed} is its seed. */
        void check(Generators generate, long seed) throws Exception;
    }

    /**
     * Checks {@code property} on {@code jig.fuzz.cases} cases (300 by default), from the base seed
     * {@code jig.fuzz.seed} or a new one.
     *
     * @throws org.opentest4j.AssertionFailedError naming the seed of the first case that breaks it
     */
    public static void check(Property property) {
        long base = Long.getLong("jig.fuzz.seed", new Random().nextLong());
        int cases = Integer.getInteger("jig.fuzz.cases", DEFAULT_CASES);
        for (int i = 0; i < cases; i++) {
            long seed = base + i;
            try {
                property.check(new Generators(new Random(seed)), seed);
            } catch (Exception | AssertionError | StackOverflowError e) {
                throw new AssertionFailedError("case " + i + " broke the property; replay it with -Djig.fuzz.seed="
                        + seed + " -Djig.fuzz.cases=1: " + e, e);
            }
        }
    }
}
