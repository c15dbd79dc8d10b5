package dev.jig.sample.wordcount;

/** The command line asks for something that does not exist: exit status 2. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
