package dev.jig.host.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TextTests {

    @Test
    void lineBreaksBecomeSpacesAndControlsQuestionMarks() {
        assertEquals("a b c", Text.oneLine("a\nb\r\nc".replace("\r\n", "\n")));
        assertEquals("clear?[2J title?]0;pwned?", Text.oneLine("clear\u001b[2J title\u001b]0;pwned\u0007"));
        assertEquals("nul?", Text.oneLine("nul\u0000"));
        assertEquals("bidi?override", Text.oneLine("bidi\u202eoverride"));
    }

    @Test
    void ordinaryTextIsUntouched() {
        assertEquals("Grüße, 日本 🎉 e\u0301", Text.oneLine("Grüße, 日本 🎉 e\u0301"));
        assertNull(Text.oneLine(null));
    }

    @Test
    void anExcerptIsCutWithAMarkAndNeverInsideACharacter() {
        String fits = "x".repeat(Text.EXCERPT);
        assertEquals(fits, Text.excerpt(fits));
        String cut = Text.excerpt("y".repeat(Text.EXCERPT + 1));
        assertEquals(Text.EXCERPT, cut.length());
        assertEquals("y".repeat(Text.EXCERPT - 3) + "...", cut);
        String astral = "z".repeat(Text.EXCERPT - 4) + "🎉".repeat(10);
        assertEquals("z".repeat(Text.EXCERPT - 4) + "...", Text.excerpt(astral), "the emoji whose half would end it is left out");
    }

    @Test
    void aPluginRecordCarriesNoControlCharacters() {
        PluginRecord record = PluginRecord.plain("printed '\u001b[31mred\nline'");
        assertEquals("printed '?[31mred line'", record.detail());
    }
}
