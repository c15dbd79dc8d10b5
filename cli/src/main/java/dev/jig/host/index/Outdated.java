package dev.jig.host.index;

/**
 * An installed plugin with a newer release for this platform.
 *
 * @param name      the plugin's name
 * @param installed the installed version
 * @param latest    the newest release's version
 * @param indexName the index that has it
 */
public record Outdated(String name, String installed, String latest, String indexName) {
}
