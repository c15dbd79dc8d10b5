package dev.jig.host.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Entry names and link targets, checked as text before anything touches the disk. An entry name
 * is normalised ({@code .} and empty segments dropped, {@code ..} applied) and must stay inside
 * the archive. A symbolic link's target must be relative, may climb ({@code ../}) only at its
 * start and no higher than the directory holding the link, and then only descends: since the
 * link's own directories are real directories (nothing is written through a link), such a target
 * stays inside whatever links it later passes through.
 */
final class EntryPath {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);
    private static final int SHOWN = 200;

    private EntryPath() {
    }

    /**
     * The segments of entry {@code name} relative to the archive's root; empty for the root itself.
     */
    static List<String> of(String name) throws Refusal {
        return normalise(name, name, "points outside the archive");
    }

    /**
     * The segments of {@code target}, the archive-relative path a hard link named {@code entry}
     * points to.
     */
    static List<String> hardLinkTarget(String entry, String target) throws Refusal {
        if (target.isEmpty()) {
            throw new Refusal(entry, "is a hard link with no target");
        }
        return normalise(entry, target, "is a hard link to " + quote(target) + ", outside the archive");
    }

    /**
     * Checks the target of symbolic link {@code entry}, which sits at {@code segments}.
     *
     * @param segments the link's own normalised path
     */
    static void checkSymbolicLink(String entry, List<String> segments, String target) throws Refusal {
        if (target.isEmpty() || target.indexOf('\0') >= 0) {
            throw new Refusal(entry, "is a symbolic link with no valid target");
        }
        if (target.startsWith("/") || target.indexOf('\\') >= 0 || DRIVE.matcher(target).matches()) {
            throw new Refusal(entry, "is a symbolic link to " + quote(target) + ", an absolute path outside the archive");
        }
        int climbs = 0;
        boolean descended = false;
        for (String segment : target.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (descended) {
                    throw new Refusal(entry, "is a symbolic link to " + quote(target)
                            + ", which climbs back up after descending; only a leading '../' is allowed");
                }
                climbs++;
            } else {
                descended = true;
            }
        }
        int depth = segments.size() - 1;
        if (climbs > depth) {
            throw new Refusal(entry, "is a symbolic link to " + quote(target) + ", outside the archive");
        }
    }

    /** {@code 'name'} with control characters shown as {@code ?} and a long name shortened. */
    static String quote(String name) {
        StringBuilder shown = new StringBuilder(Math.min(name.length(), SHOWN) + 2).append('\'');
        name.codePoints().limit(SHOWN).forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        if (name.codePointCount(0, name.length()) > SHOWN) {
            shown.append("...");
        }
        return shown.append('\'').toString();
    }

    private static List<String> normalise(String entry, String path, String escapes) throws Refusal {
        if (path.indexOf('\0') >= 0) {
            throw new Refusal(entry, "has a NUL character in its name");
        }
        if (path.indexOf('\\') >= 0) {
            // A separator on Windows: '..\evil' would escape there.
            throw new Refusal(entry, "has a backslash in its name");
        }
        if (path.startsWith("/") || DRIVE.matcher(path).matches()) {
            throw new Refusal(entry, "has an absolute path");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    throw new Refusal(entry, escapes);
                }
                segments.remove(segments.size() - 1);
            } else {
                segments.add(segment);
            }
        }
        return segments;
    }
}
