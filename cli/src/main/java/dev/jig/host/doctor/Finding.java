package dev.jig.host.doctor;

import java.util.Objects;

/**
 * One thing wrong, and how to fix it.
 *
 * @param severity how bad it is
 * @param code     a stable identifier for scripts, e.g. {@code not-executable}
 * @param subject  the plugin's name, or {@link #SEARCH_PATH} for a fault of the search path itself
 * @param path     the file or directory at fault; null when none is
 * @param problem  what is wrong, one line
 * @param fix      what to do about it, one line
 */
public record Finding(Severity severity, String code, String subject, String path, String problem, String fix) {

    /** The subject of findings about directories and {@code PATH} rather than one plugin. */
    public static final String SEARCH_PATH = "search path";

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(fix, "fix");
    }

    /** An error. */
    static Finding error(String code, String subject, Object path, String problem, String fix) {
        return new Finding(Severity.ERROR, code, subject, path == null ? null : path.toString(), problem, fix);
    }

    /** A warning. */
    static Finding warning(String code, String subject, Object path, String problem, String fix) {
        return new Finding(Severity.WARNING, code, subject, path == null ? null : path.toString(), problem, fix);
    }
}
