package dev.jig.protocol.method;

/**
 * A log line from the plugin; the host shows it on stderr, prefixed with the plugin's name.
 *
 * @param level   {@code debug}, {@code info}, {@code warn} or {@code error}
 * @param message one line
 */
public record LogParams(String level, String message) {
}
