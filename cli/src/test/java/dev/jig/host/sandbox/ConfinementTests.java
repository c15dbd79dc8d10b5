package dev.jig.host.sandbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfinementTests {

    @Test
    void aMinimalEnvironmentPassesTheAllowListAndGrantedVariablesOnly() {
        Confinement minimal = new Confinement(Profile.NONE, new Grants(false, Grants.Access.READ, List.of(), List.of(),
                List.of("GREET_TOKEN")), true);
        for (String name : List.of("PATH", "HOME", "LANG", "LC_ALL", "LC_TIME", "TERM", "TZ", "GREET_TOKEN")) {
            assertTrue(minimal.inherits(name), name);
        }
        for (String name : List.of("SECRET_TOKEN", "AWS_SECRET_ACCESS_KEY", "SSH_AUTH_SOCK", "HTTP_PROXY", "LD_PRELOAD",
                "JIG_CONFIG_PLUGINS__GREET__LANG", "LCX")) {
            assertFalse(minimal.inherits(name), name);
        }
        assertTrue(new Confinement(Profile.STRICT, Grants.NONE, false).inherits("SECRET_TOKEN"), "inherit passes everything");
    }
}
