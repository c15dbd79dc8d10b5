package dev.jig.cli;

/** The command line is malformed; the message says how, in a few words. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
