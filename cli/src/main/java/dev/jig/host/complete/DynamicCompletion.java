package dev.jig.host.complete;

import dev.jig.host.discovery.PluginFile;
import java.util.List;
import java.util.Optional;

/** Asks a plugin that opted in to complete a word of its own command line. */
@FunctionalInterface
public interface DynamicCompletion {

    /** Asks nobody. */
    DynamicCompletion NONE = (plugin, args, current) -> Optional.empty();

    /**
     * The plugin's candidates for {@code current}; empty when it failed, was slow, or may not be
     * asked. Never throws for anything the plugin did.
     *
     * @param args the plugin's arguments before the word being completed
     */
    Optional<Completion> ask(PluginFile plugin, List<String> args, String current) throws InterruptedException;
}
