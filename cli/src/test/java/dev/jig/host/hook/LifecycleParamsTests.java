package dev.jig.host.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.protocol.codec.Json;
import dev.jig.protocol.method.HookParams;
import org.junit.jupiter.api.Test;

class LifecycleParamsTests {

    private static final JsonNode CONFIG = Json.mapper().createObjectNode();

    @Test
    void eachEventBecomesTheHookParamsOfThatEvent() {
        assertEquals(HookParams.install("greet", "1.0.0", "/s/greet", "/w", CONFIG),
                LifecycleParams.install("1.0.0").toHook("greet", "/s/greet", "/w", CONFIG));
        assertEquals(HookParams.upgrade("greet", "2.0.0", "1.0.0", "/s/greet", "/w", CONFIG),
                LifecycleParams.upgrade("2.0.0", "1.0.0").toHook("greet", "/s/greet", "/w", CONFIG));
        assertEquals(HookParams.uninstall("greet", "2.0.0", "/p/greet", "/w", CONFIG),
                LifecycleParams.uninstall("2.0.0").toHook("greet", "/p/greet", "/w", CONFIG));
    }

    @Test
    void onlyAnUpgradeNamesAPreviousVersionAndItMust() {
        assertThrows(IllegalArgumentException.class, () -> new LifecycleParams("install", "1.0.0", "0.9.0"));
        assertThrows(IllegalArgumentException.class, () -> new LifecycleParams("uninstall", "1.0.0", "0.9.0"));
        assertThrows(NullPointerException.class, () -> LifecycleParams.upgrade("1.0.0", null));
        assertThrows(IllegalArgumentException.class, () -> new LifecycleParams("upgrade", "1.0.0", null));
    }

    @Test
    void theEventsOfACommandRunAreNotLifecycleEvents() {
        for (String event : new String[] {"config", "prerun", "postrun", "command_not_found", "Install", ""}) {
            assertThrows(IllegalArgumentException.class, () -> new LifecycleParams(event, "1.0.0", null), event);
        }
        assertThrows(NullPointerException.class, () -> LifecycleParams.install(null));
    }
}
