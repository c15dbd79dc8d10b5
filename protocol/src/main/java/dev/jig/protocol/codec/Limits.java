package dev.jig.protocol.codec;

/**
 * Hard bounds on what a peer may send; anything beyond is a protocol error, never an
 * out-of-memory or stack overflow.
 *
 * @param maxLineBytes    longest line, in bytes, newline excluded
 * @param maxNestingDepth deepest nesting of objects and arrays
 * @param maxStringLength longest string value or field name, in characters
 */
public record Limits(int maxLineBytes, int maxNestingDepth, int maxStringLength) {

    /** 1 MiB lines, depth 64, 256 Ki-character strings: roomy for metadata with a config schema. */
    public static final Limits DEFAULT = new Limits(1 << 20, 64, 1 << 18);

    public Limits {
        if (maxLineBytes < 64 || maxNestingDepth < 4 || maxStringLength < 64) {
            throw new IllegalArgumentException("limits too small to carry any message: " + this);
        }
    }
}
