package dev.jig.host.install;

import dev.jig.host.discovery.PluginFile;
import dev.jig.host.hook.LifecycleParams;
import dev.jig.host.metadata.PluginRecord;
import java.util.Optional;

/** Sends a plugin its {@code install}, {@code upgrade} or {@code uninstall} event and says whether to go on. */
public interface LifecycleHook {

    /**
     * @param plugin the copy that gets the event: the staged one, or for {@code uninstall} the installed one
     * @return empty to go on; else one line saying why not
     */
    Optional<String> fire(PluginFile plugin, LifecycleParams params) throws InterruptedException;

    /** Like {@link #fire(PluginFile, LifecycleParams)} for a copy described already as {@code record}. */
    Optional<String> fire(PluginFile plugin, PluginRecord record, LifecycleParams params) throws InterruptedException;
}
