package dev.jig.protocol.method;

import java.util.List;

/**
 * The {@code data} of error -32000 (no common protocol version): what each side speaks, so the
 * host can name both in its message.
 *
 * @param offered   the versions the host offered
 * @param supported the versions the plugin speaks
 */
public record VersionMismatch(List<Integer> offered, List<Integer> supported) {
    public VersionMismatch {
        offered = offered == null ? List.of() : List.copyOf(offered);
        supported = supported == null ? List.of() : List.copyOf(supported);
    }
}
