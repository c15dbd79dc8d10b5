package dev.jig.host.exec;

import java.util.Map;
import java.util.Objects;

/**
 * Brings a child's environment to a desired state by changing only the variables that differ.
 *
 * <p>{@link ProcessBuilder#environment()} starts as the JVM's environment with each variable's
 * original bytes; rewriting a variable re-encodes it through the JVM's charset. Touching only
 * what differs keeps every other variable byte-exact.
 */
public final class EnvironmentDelta {

    private EnvironmentDelta() {
    }

    /** Makes {@code childEnvironment} equal to {@code desired}, touching only what differs. */
    public static void apply(Map<String, String> childEnvironment, Map<String, String> desired) {
        childEnvironment.keySet().removeIf(name -> !desired.containsKey(name));
        desired.forEach((name, value) -> {
            if (!Objects.equals(childEnvironment.get(name), value)) {
                childEnvironment.put(name, value);
            }
        });
    }
}
