package dev.jig.protocol.method;

import dev.jig.protocol.metadata.PluginMetadata;

/**
 * The plugin's answer to {@code initialize}.
 *
 * @param protocolVersion the version it picked from those offered
 * @param plugin          its metadata
 */
public record InitializeResult(int protocolVersion, PluginMetadata plugin) {
}
