package dev.jig.host.index;

import java.util.List;
import java.util.Objects;

/**
 * A plugin as one index, or several together ({@link Indexes#plugin}), list it.
 *
 * @param name        the plugin's name
 * @param description one line; empty when the index gives none
 * @param homepage    where to learn more; empty when the index gives none
 * @param releases    newest first
 */
public record IndexEntry(String name, String description, String homepage, List<Release> releases) {

    public IndexEntry {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        homepage = homepage == null ? "" : homepage;
        releases = releases.stream().sorted(Release.NEWEST_FIRST).toList();
    }
}
