package dev.jig.host.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''      | ''       | 0
            a       | ''       | 1
            ''      | abc      | 3
            status  | status   | 0
            staus   | status   | 1
            ab      | ba       | 1
            abc     | acb      | 1
            hlep    | help     | 1
            plugin  | plugins  | 1
            kitten  | sitting  | 3
            flaw    | lawn     | 2
            ca      | abc      | 3
            abc     | xyz      | 3
            Help    | help     | 1
            """)
    void distanceIsOptimalStringAlignment(String a, String b, int expected) {
        assertEquals(expected, Suggestions.distance(a, b));
        assertEquals(expected, Suggestions.distance(b, a));
    }

    @Test
    void didYouMeanPicksTheClosestName() {
        assertEquals(List.of("status"), Suggestions.closest("staus", List.of("version", "stash", "status")));
        assertEquals(List.of("plugins"), Suggestions.closest("plugin", List.of("help", "plugins", "version")));
        assertEquals(List.of("help"), Suggestions.closest("hlep", List.of("help", "plugins")));
    }

    @Test
    void tiesAreSortedByName() {
        assertEquals(List.of("tend", "test"), Suggestions.closest("tesd", List.of("test", "zzzz", "tend")));
    }

    @Test
    void onlyTheBestDistanceIsSuggested() {
        // "status" starts with "stat" but is two edits away; "state" and "stats" are one.
        assertEquals(List.of("state", "stats"), Suggestions.closest("stat", List.of("status", "stats", "state")));
    }

    @Test
    void nothingCloseSuggestsNothing() {
        assertEquals(List.of(), Suggestions.closest("xyz", List.of("help", "version", "plugins")));
        assertEquals(List.of(), Suggestions.closest("anything", List.of()));
    }

    @Test
    void aNameStartingWithTheTypedWordIsClose() {
        assertEquals(List.of("version"), Suggestions.closest("ver", List.of("help", "version")));
        assertEquals(List.of("plugins"), Suggestions.closest("pl", List.of("help", "plugins")));
    }

    @Test
    void aSingleLetterIsNoPrefix() {
        assertEquals(List.of(), Suggestions.closest("p", List.of("plugins")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            abcd      | abxy      | false
            abcd      | abcx      | true
            abcdef    | abcdxy    | true
            abcdef    | abcxyz    | false
            abcdefghi | abcdefxyz | true
            abcdefghi | abcdewxyz | false
            abcdefghijklmnop | abcdefghijklmxyz | true
            abcdefghijklmnop | abcdefghijklwxyz | false
            """)
    void allowedEditsGrowWithLengthUpToThree(String typed, String known, boolean close) {
        assertEquals(close ? List.of(known) : List.of(), Suggestions.closest(typed, List.of(known)));
    }

    @Test
    void matchingIgnoresCaseButKeepsTheKnownSpelling() {
        assertEquals(List.of("help"), Suggestions.closest("HLEP", List.of("help")));
        assertEquals(List.of("Deploy"), Suggestions.closest("deplyo", List.of("Deploy")));
    }

    @Test
    void prefixMatchingIgnoresCaseToo() {
        assertEquals(List.of("Deploy"), Suggestions.closest("dep", List.of("Deploy", "status")));
    }

    @Test
    void anEmptyWordGetsNoSuggestions() {
        assertEquals(List.of(), Suggestions.closest("", List.of("a", "b", "help")));
        assertEquals(List.of(), Suggestions.closest(" ", List.of("a", "b", "help")));
    }

    @Test
    void duplicatesAreSuggestedOnce() {
        assertEquals(List.of("help"), Suggestions.closest("hepl", List.of("help", "help")));
    }
}
