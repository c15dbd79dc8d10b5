package dev.jig.host.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every configured index, in configured order, seen as one: a plugin belongs to the first index
 * that lists it, and its releases, description and homepage all come from there. A later index
 * cannot add a version of a plugin an earlier one lists, so a second, less careful index never
 * slips a newer release under a name the first one publishes.
 */
public final class Indexes {

    private final String cliName;
    private final List<Index> indexes;
    private final Map<String, IndexEntry> merged;

    /**
     * @param cliName the CLI's name, for messages that say which command to run
     * @param indexes in configured order, the first wins
     */
    public Indexes(String cliName, List<Index> indexes) {
        this.cliName = Objects.requireNonNull(cliName, "cliName");
        this.indexes = List.copyOf(indexes);
        this.merged = merge(this.indexes);
    }

    private static Map<String, IndexEntry> merge(List<Index> indexes) {
        Map<String, IndexEntry> owned = new TreeMap<>();
        for (Index index : indexes) {
            for (IndexEntry entry : index.plugins()) {
                owned.putIfAbsent(entry.name(), entry);
            }
        }
        return owned;
    }

    /** The CLI's name. */
    public String cliName() {
        return cliName;
    }

    /** The indexes, in configured order. */
    public List<Index> indexes() {
        return indexes;
    }

    /** The indexes' configured names, in order. */
    public List<String> names() {
        return indexes.stream().map(Index::name).toList();
    }

    /** The plugin called {@code name} as all indexes together list it. */
    public Optional<IndexEntry> plugin(String name) {
        return Optional.ofNullable(merged.get(name));
    }

    /** Every plugin, by name. */
    public List<IndexEntry> plugins() {
        return List.copyOf(merged.values());
    }

    /** The releases of {@code name}, newest first; empty when no index lists it. */
    public List<Release> releases(String name) {
        return plugin(name).map(IndexEntry::releases).orElse(List.of());
    }

    /**
     * The plugins whose name or description contains {@code text}, ignoring case: the plugin
     * named exactly {@code text} first, then those whose names start with it, then the others;
     * by name within each group.
     */
    public List<IndexEntry> search(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        List<IndexEntry> found = new ArrayList<>();
        for (IndexEntry entry : merged.values()) {
            String name = entry.name().toLowerCase(Locale.ROOT);
            if (name.contains(wanted) || entry.description().toLowerCase(Locale.ROOT).contains(wanted)) {
                found.add(entry);
            }
        }
        found.sort(Comparator.comparingInt((IndexEntry entry) -> rank(entry.name().toLowerCase(Locale.ROOT), wanted)));
        return found;
    }

    private static int rank(String name, String wanted) {
        return name.equals(wanted) ? 0 : name.startsWith(wanted) ? 1 : 2;
    }

    /**
     * The newest stable release of {@code name} with an artifact for {@code platform}; a
     * pre-release only when the plugin has no stable release for it.
     */
    public Optional<Release> latest(String name, Platform platform) {
        List<Release> runnable = releases(name).stream()
                .filter(release -> release.artifactFor(platform).isPresent()).toList();
        return runnable.stream().filter(release -> Versions.satisfies(release.version(), Want.ANY)).findFirst()
                .or(() -> runnable.stream().findFirst());
    }

    /**
     * The installed plugins that have a newer release for {@code platform} ({@link #latest}), in
     * the order given; plugins no index lists are left out.
     */
    public List<Outdated> outdated(List<Installed> installed, Platform platform) {
        List<Outdated> outdated = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Installed plugin : installed) {
            if (!seen.add(plugin.name())) {
                continue;
            }
            latest(plugin.name(), platform)
                    .filter(release -> Versions.newer(release.version(), plugin.version()))
                    .ifPresent(release -> outdated.add(new Outdated(plugin.name(), plugin.version(), release.version(),
                            release.indexName())));
        }
        return outdated;
    }
}
