package dev.jig.host.hook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.protocol.method.HookEvents;
import dev.jig.protocol.method.HookParams;
import java.util.Objects;

/**
 * What plugin management tells a plugin with a {@code install}, {@code upgrade} or
 * {@code uninstall} event (PROTOCOL.md §4.4.7); the plugin's name, its directory, the working
 * directory and its configuration are added by {@link Lifecycle}.
 *
 * @param event    one of {@link HookEvents#LIFECYCLE}
 * @param version  the version going live; for {@code uninstall}, the installed one
 * @param previous for {@code upgrade}, the installed version being replaced; else null
 */
public record LifecycleParams(String event, String version, String previous) {

    public LifecycleParams {
        if (!HookEvents.LIFECYCLE.contains(event)) {
            throw new IllegalArgumentException("not a plugin-management event: " + event);
        }
        Objects.requireNonNull(version, "version");
        if (HookEvents.UPGRADE.equals(event) != (previous != null)) {
            throw new IllegalArgumentException("an upgrade, and only an upgrade, names the previous version");
        }
    }

    /** The first installation of {@code version}: no version of the plugin is installed. */
    public static LifecycleParams install(String version) {
        return new LifecycleParams(HookEvents.INSTALL, version, null);
    }

    /** {@code version} replaces the installed {@code previous} (which may be the same version, reinstalled). */
    public static LifecycleParams upgrade(String version, String previous) {
        return new LifecycleParams(HookEvents.UPGRADE, version, Objects.requireNonNull(previous, "previous"));
    }

    /** The installed {@code version} is about to be removed. */
    public static LifecycleParams uninstall(String version) {
        return new LifecycleParams(HookEvents.UNINSTALL, version, null);
    }

    /** The params of the {@code hook} request. */
    HookParams toHook(String plugin, String directory, String cwd, JsonNode config) {
        if (HookEvents.UPGRADE.equals(event)) {
            return HookParams.upgrade(plugin, version, previous, directory, cwd, config);
        }
        return HookEvents.INSTALL.equals(event)
                ? HookParams.install(plugin, version, directory, cwd, config)
                : HookParams.uninstall(plugin, version, directory, cwd, config);
    }
}
