package dev.jig.host.index;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to install, in order: each plugin after the plugins it requires (except within a cycle).
 * Plugins already installed at the chosen version are not listed.
 *
 * @param steps in install order
 */
public record Resolution(List<Step> steps) {

    public Resolution {
        steps = List.copyOf(steps);
    }

    /** Whether there is nothing to do. */
    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /**
     * One plugin to install or replace.
     *
     * @param release    the chosen release
     * @param artifact   its artifact for the platform
     * @param replaces   the installed version it replaces; empty when the plugin is not installed
     * @param requiredBy why it is installed: empty for a plugin the user asked for, else the chain
     *                   of releases from one the user asked for to the one that requires it, e.g.
     *                   {@code [app@1.0.0, lib@2.1.0]}
     */
    public record Step(Release release, Artifact artifact, Optional<String> replaces, List<String> requiredBy) {

        public Step {
            Objects.requireNonNull(release, "release");
            Objects.requireNonNull(artifact, "artifact");
            Objects.requireNonNull(replaces, "replaces");
            requiredBy = List.copyOf(requiredBy);
        }
    }
}
