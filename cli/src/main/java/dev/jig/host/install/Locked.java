package dev.jig.host.install;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Objects;

/**
 * One installed plugin as the lock file records it: enough to install exactly the same bytes
 * again.
 *
 * @param version   its version, or null for a plain plugin that states none
 * @param source    where its artifact came from: an {@code http(s):} or {@code file:} URI
 * @param sha256    the lower-case hex SHA-256 of the artifact (of the tree, for a directory)
 * @param index     the index it was chosen from, or null when it was installed by path or URL
 * @param signature the artifact's signature line, as the index gave it, or null
 * @param requires  the plugins it needs, by name, with semver ranges
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Locked(String version, String source, String sha256, String index, String signature,
                     Map<String, String> requires) {

    public Locked {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sha256, "sha256");
        requires = requires == null ? Map.of() : Map.copyOf(requires);
    }

    /** The version as shown to the user: {@code -} for none. */
    public String shownVersion() {
        return version == null ? "-" : version;
    }
}
