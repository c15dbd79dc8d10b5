package dev.jig.host.complete;

import java.util.Objects;

/**
 * One word a shell may offer.
 *
 * @param value       the word itself; never holds a tab or a line break
 * @param description one line shown beside it by shells that show one, or null
 */
public record Candidate(String value, String description) {
    public Candidate {
        Objects.requireNonNull(value, "value");
        value = oneLine(value);
        description = description == null || description.isBlank() ? null : oneLine(description);
    }

    /** A candidate without a description. */
    public static Candidate of(String value) {
        return new Candidate(value, null);
    }

    /** Tabs and line breaks would split the line protocol the scripts read; control characters garble a prompt. */
    private static String oneLine(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            clean.append(Character.isISOControl(c) ? ' ' : c);
        }
        return clean.toString().strip();
    }
}
