package dev.jig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LauncherEnvironmentTests {

    @Test
    void withoutTheMarkerNothingChanges() {
        Map<String, String> env = Map.of("LC_ALL", "C.UTF-8", "PATH", "/bin");
        assertEquals(env, LauncherEnvironment.restore(env, "JIG_"));
    }

    @Test
    void unsetRemovesLcAllAndTheMarker() {
        Map<String, String> env = Map.of("LC_ALL", "C.UTF-8", "JIG_LAUNCHER_LC_ALL", "unset", "PATH", "/bin");
        assertEquals(Map.of("PATH", "/bin"), LauncherEnvironment.restore(env, "JIG_"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            set:de_DE.UTF-8   | de_DE.UTF-8
            set:C             | C
            set:              | ''
            set:set:x         | set:x
            set:a:b           | a:b
            """)
    void setRestoresTheUsersValue(String marker, String lcAll) {
        Map<String, String> env = Map.of("LC_ALL", "C.UTF-8", "JIG_LAUNCHER_LC_ALL", marker, "HOME", "/home/u");
        assertEquals(Map.of("LC_ALL", lcAll, "HOME", "/home/u"), LauncherEnvironment.restore(env, "JIG_"));
    }

    @Test
    void setAddsLcAllEvenWhenTheJvmDidNotSeeIt() {
        assertEquals(Map.of("LC_ALL", "POSIX"), LauncherEnvironment.restore(Map.of("JIG_LAUNCHER_LC_ALL", "set:POSIX"), "JIG_"));
    }

    @Test
    void theMarkerIsNamedAfterTheCli() {
        Map<String, String> env = Map.of("LC_ALL", "C.UTF-8", "JIG_LAUNCHER_LC_ALL", "unset", "ACME_LAUNCHER_LC_ALL", "set:fr_FR");
        assertEquals(Map.of("LC_ALL", "fr_FR", "JIG_LAUNCHER_LC_ALL", "unset"), LauncherEnvironment.restore(env, "ACME_"));
    }
}
