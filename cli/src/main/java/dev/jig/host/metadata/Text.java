package dev.jig.host.metadata;

/**
 * Makes text a plugin supplied safe to show on one terminal line: line breaks become spaces and
 * other control characters (terminal escapes, NUL) become {@code ?}.
 */
public final class Text {

    /** The longest excerpt, in characters: enough to recognise a line, short enough for one. */
    static final int EXCERPT = 120;

    private Text() {
    }

    /** {@code text} on one line with no control characters; null stays null. */
    public static String oneLine(String text) {
        if (text == null || isClean(text)) {
            return text; // the common case, checked without allocating: listings call this a lot
        }
        StringBuilder line = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n' || c == '\r' || c == '\t') {
                line.append(' ');
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT && c != 0x200D) {
                line.append('?');
            } else {
                line.appendCodePoint(c);
            }
        });
        return line.toString();
    }

    /** At most {@code EXCERPT} characters of {@code text}, with {@code ...} when it was cut. */
    public static String excerpt(String text) {
        if (text.length() <= EXCERPT) {
            return text;
        }
        int end = EXCERPT - 3;
        if (Character.isLowSurrogate(text.charAt(end))) {
            end--; // not half a character
        }
        return text.substring(0, end) + "...";
    }

    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT))) {
                return false;
            }
        }
        return true;
    }
}
