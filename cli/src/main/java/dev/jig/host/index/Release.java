package dev.jig.host.index;

import dev.jig.protocol.metadata.Requirements;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a plugin in an index.
 *
 * @param plugin    the plugin's name
 * @param version   a semantic version
 * @param requires  what it needs: {@code cli} and {@code plugins} are checked before installing
 * @param artifacts its downloadable forms, in the index's order
 * @param indexName the configured name of the index it comes from
 */
public record Release(String plugin, String version, Requirements requires, List<Artifact> artifacts, String indexName) {

    public Release {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(version, "version");
        requires = requires == null ? Requirements.NONE : requires;
        artifacts = List.copyOf(artifacts);
    }

    /**
     * The artifact for {@code platform}: the most specific one that accepts it (os and arch over
     * os alone over arch alone over any), the first in the index's order among equals.
     */
    public Optional<Artifact> artifactFor(Platform platform) {
        return artifacts.stream().filter(platform::accepts)
                .reduce((best, next) -> next.specificity() > best.specificity() ? next : best);
    }

    /** {@code greet@1.2.0}. */
    public String label() {
        return plugin + "@" + version;
    }

    /** Newest version first. */
    static final Comparator<Release> NEWEST_FIRST = Comparator.comparing(Release::version, Versions.NEWEST_FIRST);
}
