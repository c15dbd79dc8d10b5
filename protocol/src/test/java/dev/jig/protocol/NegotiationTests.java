package dev.jig.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NegotiationTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("the one version both speak", List.of(1), List.of(1), OptionalInt.of(1)),
                Arguments.of("host newer, plugin older", List.of(1, 2), List.of(1), OptionalInt.of(1)),
                Arguments.of("plugin newer, host older", List.of(1), List.of(1, 2), OptionalInt.of(1)),
                Arguments.of("highest common wins", List.of(1, 2, 3), List.of(2, 3, 4), OptionalInt.of(3)),
                Arguments.of("order of either list does not matter", List.of(3, 1, 2), List.of(2, 3), OptionalInt.of(3)),
                Arguments.of("duplicates are harmless", List.of(1, 1), List.of(1, 1), OptionalInt.of(1)),
                Arguments.of("gap in the middle", List.of(1, 3), List.of(2, 3), OptionalInt.of(3)),
                Arguments.of("no common version", List.of(99), List.of(1), OptionalInt.empty()),
                Arguments.of("disjoint ranges", List.of(2, 3), List.of(1), OptionalInt.empty()),
                Arguments.of("nothing offered", List.of(), List.of(1), OptionalInt.empty()),
                Arguments.of("nothing supported", List.of(1), List.of(), OptionalInt.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void picksTheHighestCommonVersion(String name, List<Integer> offered, List<Integer> supported, OptionalInt expected) {
        assertEquals(expected, Negotiation.pick(offered, supported));
    }

    @Test
    void thisImplementationSpeaksVersionOne() {
        assertEquals(OptionalInt.of(1), Negotiation.pick(Protocol.VERSIONS, List.of(1)));
        assertEquals(List.of(1), Protocol.VERSIONS);
    }
}
