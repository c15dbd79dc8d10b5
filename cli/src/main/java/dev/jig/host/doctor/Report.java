package dev.jig.host.doctor;

import java.util.List;

/**
 * What {@code plugins doctor} found.
 *
 * @param findings every finding, grouped by subject in search-path order
 */
public record Report(List<Finding> findings) {
    public Report {
        findings = List.copyOf(findings);
    }

    /** How many findings are of {@code severity}. */
    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** Whether nothing is broken: no finding is an error (warnings may remain). */
    public boolean healthy() {
        return count(Severity.ERROR) == 0;
    }
}
