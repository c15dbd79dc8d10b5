package dev.jig.host.index;

import java.util.Objects;

/**
 * A plugin the user asks for, with the versions that will do.
 *
 * @param name  the plugin's name
 * @param range an npm-style range ({@code ^1.2.0}, {@code >=1 <2}, {@code 1.4.2}); {@code *} for any stable release
 */
public record Want(String name, String range) {

    /** Any stable release. */
    public static final String ANY = "*";

    public Want {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(range, "range");
    }

    /**
     * Reads {@code NAME} or {@code NAME@RANGE}.
     *
     * @throws IllegalArgumentException a one-line message when the name is not a plugin name or
     *                                  the range is not a version range
     */
    public static Want parse(String text) {
        int at = text.indexOf('@');
        String name = at < 0 ? text : text.substring(0, at);
        String range = at < 0 ? ANY : text.substring(at + 1).strip();
        if (!IndexReader.isPluginName(name)) {
            throw new IllegalArgumentException("'" + text + "': '" + name + "' is not a plugin name"
                    + " (letters, digits, '.', '_' and '-'; expected NAME or NAME@RANGE)");
        }
        if (!Versions.isRange(range)) {
            throw new IllegalArgumentException("'" + text + "': '" + range + "' is not a version range"
                    + " (e.g. 1.2.0, ^1.2.0, >=1.0.0 <2, *)");
        }
        return new Want(name, range);
    }

    /** Whether {@code version} is one that will do; null (a plugin without a version) never is. */
    public boolean acceptsVersion(String version) {
        return version != null && Versions.isVersion(version) && Versions.satisfies(version, range);
    }

    /** {@code greet@^1.2.0}, or {@code greet} for any version. */
    @Override
    public String toString() {
        return range.equals(ANY) ? name : name + "@" + range;
    }
}
