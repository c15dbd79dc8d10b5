package dev.jig.sample.wordcount;

import java.io.IOException;
import java.io.InputStream;

/**
 * What {@code wc} counts: newlines, whitespace-separated words, and bytes.
 *
 * @param lines newline characters
 * @param words runs of bytes other than ASCII whitespace
 * @param bytes bytes
 */
record Counts(long lines, long words, long bytes) {

    static final Counts ZERO = new Counts(0, 0, 0);

    /** Reads {@code in} to the end. */
    static Counts of(InputStream in) throws IOException {
        long lines = 0;
        long words = 0;
        long bytes = 0;
        boolean inWord = false;
        byte[] buffer = new byte[64 * 1024];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            bytes += read;
            for (int i = 0; i < read; i++) {
                byte b = buffer[i];
                if (b == '\n') {
                    lines++;
                }
                boolean space = b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' || b == 0x0b;
                if (!space && !inWord) {
                    words++;
                }
                inWord = !space;
            }
        }
        return new Counts(lines, words, bytes);
    }

    Counts plus(Counts other) {
        return new Counts(lines + other.lines, words + other.words, bytes + other.bytes);
    }
}
