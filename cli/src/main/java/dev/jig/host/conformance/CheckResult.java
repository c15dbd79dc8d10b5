package dev.jig.host.conformance;

import dev.jig.host.metadata.Text;
import java.util.Locale;
import java.util.Objects;

/**
 * The outcome of one conformance check.
 *
 * @param check   the check's stable identifier, e.g. {@code handshake} or {@code hook prerun}
 * @param status  pass, fail or skip
 * @param message one line: what was seen, and for a failure why it is wrong
 */
public record CheckResult(String check, Status status, String message) {

    /** Whether a check held. */
    public enum Status {
        /** The plugin did what the protocol asks. */
        PASS,
        /** It did not; the message says what it did instead. */
        FAIL,
        /** The check did not apply, or could not run because an earlier one failed. */
        SKIP;

        /** {@code pass}, {@code fail} or {@code skip}: what the report prints. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        message = Text.oneLine(message);
    }

    static CheckResult pass(String check, String message) {
        return new CheckResult(check, Status.PASS, message);
    }

    static CheckResult fail(String check, String message) {
        return new CheckResult(check, Status.FAIL, message);
    }

    static CheckResult skip(String check, String message) {
        return new CheckResult(check, Status.SKIP, message);
    }
}
