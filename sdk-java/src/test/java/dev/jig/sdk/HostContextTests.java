package dev.jig.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostContextTests {

    private static final Map<String, String> JIG = Map.of(
            "JIG_CLI_NAME", "jig",
            "JIG_CLI_VERSION", "0.1.0",
            "JIG_PLUGIN_NAME", "foo_bar",
            "JIG_PLUGIN_FILE", "/plugins/jig-foo_bar",
            "JIG_COMMAND", "foo-bar baz",
            "JIG_BIN", "/usr/bin/jig");

    @Test
    void readsEveryVariable() {
        HostContext context = HostContext.fromEnvironment(JIG, HostContext.DEFAULT_PREFIX);
        assertEquals(new HostContext(Optional.of("jig"), Optional.of("0.1.0"), Optional.of("foo_bar"),
                Optional.of(Path.of("/plugins/jig-foo_bar")), List.of("foo-bar", "baz"), Optional.of(Path.of("/usr/bin/jig"))),
                context);
        assertTrue(context.underHost());
    }

    @Test
    void anotherPrefixReadsOnlyItsOwnVariables() {
        HostContext context = HostContext.fromEnvironment(Map.of("ACME_CLI_NAME", "acme", "JIG_CLI_NAME", "jig"), "ACME_");
        assertEquals(Optional.of("acme"), context.cliName());
        assertEquals(Optional.empty(), context.cliVersion());
    }

    @Test
    void missingAndBlankVariablesAreEmpty() {
        assertEquals(HostContext.none(), HostContext.fromEnvironment(Map.of(), "JIG_"));
        assertEquals(HostContext.none(), HostContext.fromEnvironment(Map.of("JIG_CLI_NAME", " ", "JIG_COMMAND", ""), "JIG_"));
        assertFalse(HostContext.none().underHost());
    }
}
