package dev.jig.sdk;

import java.util.List;

/**
 * The {@code data} of error -32000: the versions the host offered and those the plugin speaks.
 *
 * @param offered   the host's versions
 * @param supported the plugin's versions
 */
record VersionMismatch(List<Integer> offered, List<Integer> supported) {
}
