package dev.jig.host.archive;

/** An entry that must not be unpacked, and why; {@link Unpacker} names the archive around it. */
final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    private final String entry;

    /**
     * @param entry  the entry's name as the archive spells it
     * @param reason what is wrong, to follow {@code entry 'NAME' }: "points outside the archive"
     */
    Refusal(String entry, String reason) {
        super(reason);
        this.entry = entry;
    }

    String entry() {
        return entry;
    }

    /** {@code entry 'NAME' REASON}, the name made printable on one line. */
    String describe() {
        return "entry " + EntryPath.quote(entry) + " " + getMessage();
    }
}
