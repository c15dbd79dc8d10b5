package dev.jig.host.session;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions still running in this JVM, killed with their trees if the JVM exits first (an
 * interrupted listing, say): no plugin outlives the host that started it.
 */
final class LiveSessions {

    private static final Set<PluginSession> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile boolean hooked;

    private LiveSessions() {
    }

    /** Makes sure the reaper runs at exit; call before starting a session's process. */
    static void watch() {
        if (!hooked) {
            registerHook();
        }
    }

    static void add(PluginSession session) {
        LIVE.add(session);
    }

    static void remove(PluginSession session) {
        LIVE.remove(session);
    }

    private static synchronized void registerHook() {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(PluginSession::kill), "plugin-reaper"));
            hooked = true;
        }
    }
}
