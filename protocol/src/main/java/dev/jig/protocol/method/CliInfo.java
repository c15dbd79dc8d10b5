package dev.jig.protocol.method;

/**
 * The host CLI, as a plugin sees it.
 *
 * @param name    the CLI's name, e.g. {@code jig}
 * @param version its version
 */
public record CliInfo(String name, String version) {
}
