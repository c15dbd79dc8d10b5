package dev.jig.host.hook;

import com.fasterxml.jackson.databind.JsonNode;

/** Starts a subscriber's protocol session; the host knows how to launch a plugin. */
@FunctionalInterface
interface SessionStarter {

    /**
     * @param config what the plugin may read of the configuration, for {@code initialize}
     * @throws HookFailure when it cannot be started or does not complete the handshake
     */
    HookSession start(Subscriber plugin, JsonNode config) throws HookFailure, InterruptedException;
}
