package dev.jig.host.index;

import dev.jig.host.metadata.StaticChecks;
import java.util.Comparator;
import org.semver4j.RangesListFactory;
import org.semver4j.Semver;

/** Semantic versions and npm-style ranges, as semver4j reads them. */
final class Versions {

    /** Newest first, by semantic-version precedence. */
    static final Comparator<String> NEWEST_FIRST = (a, b) -> Semver.parse(b).compareTo(Semver.parse(a));

    private Versions() {
    }

    /** Whether {@code text} is a semantic version exactly as written ({@code 1.2.0}, not {@code v1.2.0} or {@code 1.2}). */
    static boolean isVersion(String text) {
        Semver parsed = Semver.parse(text);
        return parsed != null && parsed.toString().equals(text);
    }

    /** Whether {@code text} is a version range, such as {@code ^1.2.0}, {@code >=1 <2} or {@code *}. */
    static boolean isRange(String text) {
        return !text.isBlank() && StaticChecks.isRange(text);
    }

    /**
     * Whether {@code version} lies in {@code range}. A pre-release lies only in a range that names
     * a pre-release of the same major, minor and patch (npm's rule), so {@code *} means the newest
     * stable release.
     */
    static boolean satisfies(String version, String range) {
        Semver semver = Semver.parse(version);
        return semver != null && RangesListFactory.create(range).isSatisfiedBy(semver);
    }

    /** Whether {@code a} is newer than {@code b}. */
    static boolean newer(String a, String b) {
        return Semver.parse(a).compareTo(Semver.parse(b)) > 0;
    }
}
