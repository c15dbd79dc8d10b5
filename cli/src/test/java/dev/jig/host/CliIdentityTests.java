package dev.jig.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CliIdentityTests {

    private static CliIdentity named(String name) {
        return new CliIdentity(name, "1.0", Optional.empty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            jig     | jig-     | JIG_
            my-cli  | my-cli-  | MY_CLI_
            a       | a-       | A_
            a1-b-2  | a1-b-2-  | A1_B_2_
            """)
    void namesDerivePrefixes(String name, String filePrefix, String envPrefix) {
        CliIdentity cli = named(name);
        assertEquals(name, cli.name());
        assertEquals(filePrefix, cli.filePrefix());
        assertEquals(envPrefix, cli.envPrefix());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Jig", "JIG", "1jig", "-jig", "my_cli", "my cli", "jig.exe", "a/b", "jïg", "ı"})
    void rejectsOtherNames(String name) {
        assertThrows(IllegalArgumentException.class, () -> named(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void rejectsABlankVersion(String version) {
        assertThrows(IllegalArgumentException.class, () -> new CliIdentity("jig", version, Optional.empty()));
    }

    @Test
    void rejectsNulls() {
        assertThrows(NullPointerException.class, () -> new CliIdentity(null, "1.0", Optional.empty()));
        assertThrows(NullPointerException.class, () -> new CliIdentity("jig", null, Optional.empty()));
        assertThrows(NullPointerException.class, () -> new CliIdentity("jig", "1.0", null));
    }

    @Test
    void keepsTheLauncher() {
        assertEquals(Optional.of(Path.of("/usr/bin/jig")),
                new CliIdentity("jig", "1.0", Optional.of(Path.of("/usr/bin/jig"))).launcher());
    }
}
