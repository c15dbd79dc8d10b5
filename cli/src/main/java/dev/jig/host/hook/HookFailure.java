package dev.jig.host.hook;

/** A hook plugin crashed, timed out, or answered an error or something malformed. */
final class HookFailure extends Exception {

    /** @param reason one line, e.g. {@code timed out after 5000 ms} */
    HookFailure(String reason) {
        super(reason, null, false, false);
    }
}
