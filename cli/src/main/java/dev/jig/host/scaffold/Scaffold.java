package dev.jig.host.scaffold;

import java.nio.file.Path;

/**
 * A plugin that {@link Scaffolder#create} wrote.
 *
 * @param path     the plugin: its executable file, or its directory
 * @param language the language of its template
 * @param command  the command words that run it, as a user types them: {@code foo-bar baz} for
 *                 the plugin {@code foo_bar-baz}
 */
public record Scaffold(Path path, Language language, String command) {
}
