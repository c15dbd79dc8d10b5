package dev.jig.host.archive;

/**
 * An archive that was not unpacked: unreadable, corrupt, of an unknown format, or holding an entry
 * that is refused. The message is one line naming the archive and, when one is at fault, the entry.
 */
public final class ArchiveException extends Exception {
    private static final long serialVersionUID = 1L;

    ArchiveException(String message) {
        super(message);
    }

    ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
