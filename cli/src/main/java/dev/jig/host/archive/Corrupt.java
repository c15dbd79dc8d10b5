package dev.jig.host.archive;

import java.io.IOException;

/** A failure reading the archive itself (as opposed to writing what it holds): corrupt or truncated. */
final class Corrupt extends IOException {
    private static final long serialVersionUID = 1L;

    Corrupt(Exception cause) {
        super(cause.getMessage(), cause);
    }
}
