package dev.jig.sample.wordcount;

/** A count the user can ask for, in the order they are printed. */
enum Column {
    LINES, WORDS, BYTES;

    long of(Counts counts) {
        switch (this) {
            case LINES:
                return counts.lines();
            case WORDS:
                return counts.words();
            default:
                return counts.bytes();
        }
    }
}
