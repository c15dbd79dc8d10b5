package dev.jig.protocol.metadata;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What a plugin needs in order to work. A requirement not met makes the plugin invalid: listed
 * with the reason, never run.
 *
 * @param cli      a semver range the host CLI's version must satisfy, e.g. {@code >=0.1.0 <1}
 * @param protocol the protocol versions the plugin speaks; defaults to {@code [1]}
 * @param plugins  other plugins by name, each with a semver range
 * @param programs executables that must be on {@code PATH}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Requirements(String cli, List<Integer> protocol, Map<String, String> plugins, List<String> programs) {

    /** No requirements. */
    public static final Requirements NONE = new Requirements(null, null, null, null);

    public Requirements {
        protocol = protocol == null ? List.of() : List.copyOf(protocol);
        plugins = plugins == null ? Map.of() : Map.copyOf(plugins);
        programs = programs == null ? List.of() : List.copyOf(programs);
    }
}
