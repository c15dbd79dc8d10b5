package dev.jig.host.conformance;

import java.util.List;
import java.util.Optional;

/**
 * What {@code plugins test} found.
 *
 * @param target the plugin file checked (the executable, or the manifest)
 * @param plain  why it is a plain plugin, when it speaks no protocol: then the protocol checks
 *               were skipped
 * @param checks one result per check, in the order they ran
 */
public record Report(Target target, Optional<String> plain, List<CheckResult> checks) {

    public Report {
        checks = List.copyOf(checks);
    }

    /** Whether no check failed. */
    public boolean passed() {
        return checks.stream().noneMatch(check -> check.status() == CheckResult.Status.FAIL);
    }

    /** How many checks ended with {@code status}. */
    public long count(CheckResult.Status status) {
        return checks.stream().filter(check -> check.status() == status).count();
    }
}
