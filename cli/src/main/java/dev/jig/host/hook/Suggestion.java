package dev.jig.host.hook;

/**
 * A command a {@code command_not_found} hook suggested.
 *
 * @param plugin the plugin that suggested it
 * @param text   one line, e.g. {@code deploy} or {@code jig plugins install deploy}
 */
public record Suggestion(String plugin, String text) {
}
