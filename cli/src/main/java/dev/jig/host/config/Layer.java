package dev.jig.host.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One source of configuration: a merge patch over everything below it.
 *
 * @param origin where it comes from
 * @param patch  its content, expressed against the whole configuration
 */
public record Layer(ConfigOrigin origin, ObjectNode patch) {
    public Layer {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(patch, "patch");
    }
}
