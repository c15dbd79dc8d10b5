package dev.jig.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostContextTests {

    @TempDir
    Path dir;

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

    @Test
    void theConfigFileIsNamedByTheConfigVariable() throws Exception {
        Path file = Files.writeString(dir.resolve("config.json"), "{\"core\":{},\"plugins\":{\"foo_bar\":{\"top\":4}}}");
        HostContext context = HostContext.fromEnvironment(Map.of("JIG_CONFIG", file.toString(), "JIG_PLUGIN_NAME", "foo_bar"), "JIG_");
        assertEquals(Optional.of(file), context.configFile());
        assertEquals(4, context.config().plugin().path("top").asInt());
    }

    @Test
    void withoutTheVariableTheConfigIsEmpty() {
        assertTrue(HostContext.fromEnvironment(JIG, "JIG_").config().isEmpty());
        assertTrue(HostContext.none().config().isEmpty());
    }

    @Test
    void aConfigFileThatIsGoneIsAnExceptionNamingIt() {
        Path gone = dir.resolve("gone.json");
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> HostContext.none().withConfigFile(gone).config());
        assertTrue(e.getMessage().contains(gone.toString()), e.getMessage());
    }

    @Test
    void runModeSeesTheConfigThroughTheInvocation() throws Exception {
        Path file = Files.writeString(dir.resolve("config.json"), "{\"core\":{},\"plugins\":{\"fixture\":{\"loud\":true}}}");
        java.util.List<Boolean> seen = new java.util.ArrayList<>();
        dev.jig.sdk.testkit.RunResult result = dev.jig.sdk.testkit.PluginTestKit.run(FixturePlugin.running(invocation -> {
            seen.add(invocation.config().plugin().path("loud").asBoolean());
            return 0;
        }), List.of(), "", HostContext.none().withConfigFile(file));
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of(true), seen);
    }

    @Test
    void anUnreadableConfigInRunModeIsOneLineNamingTheFile() {
        Path gone = dir.resolve("gone.json");
        dev.jig.sdk.testkit.RunResult result = dev.jig.sdk.testkit.PluginTestKit.run(
                FixturePlugin.running(invocation -> invocation.config().isEmpty() ? 0 : 1), List.of(), "",
                HostContext.none().withConfigFile(gone));
        assertEquals(1, result.exitCode());
        assertEquals("fixture: ConfigException: cannot read the configuration file " + gone + ": no such file" + System.lineSeparator(),
                result.stderr());
    }
}
