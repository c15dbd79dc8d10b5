package dev.jig.host.conformance;

import dev.jig.host.metadata.Text;

/** Quotes what a plugin sent in a report line: one line, cut short. */
final class Quote {

    /** Long enough to recognise a line, short enough to keep the report at one line per check. */
    private static final int MAX = 120;

    private Quote() {
    }

    /** {@code 'text'}, on one line, cut to {@value #MAX} characters with {@code ...}. */
    static String of(String text) {
        String line = Text.oneLine(text);
        return "'" + (line.length() > MAX ? line.substring(0, MAX) + "..." : line) + "'";
    }
}
