package dev.jig.host.doctor;

import java.util.Locale;

/** How bad a finding is. */
public enum Severity {
    /** Something does not run, or runs other than the user expects: the report fails. */
    ERROR,
    /** Works, but is fragile, slow or risky: reported, the report still passes. */
    WARNING;

    /** {@code error} or {@code warning}, as printed and in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
