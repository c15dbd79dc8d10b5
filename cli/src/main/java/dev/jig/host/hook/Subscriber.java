package dev.jig.host.hook;

import dev.jig.host.discovery.PluginFile;
import dev.jig.host.metadata.PluginRecord;

/**
 * A plugin that subscribed to at least one lifecycle event.
 *
 * @param file   where it was found
 * @param record what it said about itself, including the events in {@link PluginRecord#hooks()}
 */
public record Subscriber(PluginFile file, PluginRecord record) {

    /** The plugin's name, as messages and configuration call it. */
    public String name() {
        return file.name();
    }

    /** Whether it wants {@code event}. */
    public boolean wants(String event) {
        return record.hooks().contains(event);
    }
}
