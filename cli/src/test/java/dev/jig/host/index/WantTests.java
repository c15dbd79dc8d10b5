package dev.jig.host.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code NAME} and {@code NAME@RANGE} as the user types them. */
class WantTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"greet|greet|*", "greet@^1.2.0|greet|^1.2.0", "foo_bar-baz@1.4.2|foo_bar-baz|1.4.2",
            "greet@>=1.0.0 <2|greet|>=1.0.0 <2", "greet@*|greet|*", "greet@1.x|greet|1.x", "greet@~1.2|greet|~1.2"})
    void parses(String text, String name, String range) {
        assertEquals(new Want(name, range), Want.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "greet@|'greet@': '' is not a version range (e.g. 1.2.0, ^1.2.0, >=1.0.0 <2, *)",
            "greet@banana|'greet@banana': 'banana' is not a version range (e.g. 1.2.0, ^1.2.0, >=1.0.0 <2, *)",
            "@1.0.0|'@1.0.0': '' is not a plugin name (letters, digits, '.', '_' and '-'; expected NAME or NAME@RANGE)",
            "../greet|'../greet': '../greet' is not a plugin name (letters, digits, '.', '_' and '-'; expected NAME or NAME@RANGE)",
            "-greet@1|'-greet@1': '-greet' is not a plugin name (letters, digits, '.', '_' and '-'; expected NAME or NAME@RANGE)"})
    void rejectsWithOneLine(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Want.parse(text)).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"greet|greet", "greet@^1.0.0|greet@^1.0.0"})
    void printsAsTyped(String text, String printed) {
        assertEquals(printed, Want.parse(text).toString());
    }
}
