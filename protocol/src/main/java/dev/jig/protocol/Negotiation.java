package dev.jig.protocol;

import java.util.List;
import java.util.OptionalInt;

/** Picks the protocol version both sides speak: the highest one they share. */
public final class Negotiation {

    private Negotiation() {
    }

    /**
     * @param offered   the versions the host offers
     * @param supported the versions the plugin speaks
     * @return the highest common version, or empty when there is none
     */
    public static OptionalInt pick(List<Integer> offered, List<Integer> supported) {
        return offered.stream().filter(supported::contains).mapToInt(Integer::intValue).max();
    }
}
