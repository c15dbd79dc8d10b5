package dev.jig.host.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jig.host.CliIdentity;
import dev.jig.host.HostSettings;
import dev.jig.host.discovery.CommandPath;
import dev.jig.host.discovery.Origin;
import dev.jig.host.discovery.PluginDir;
import dev.jig.host.discovery.PluginFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PluginEnvironmentTests {

    private static final Path PLUGINS = Path.of("/home/u/.config/acme/plugins");

    private static HostSettings settings(Optional<List<Path>> pluginPath) {
        return new HostSettings(new CliIdentity("acme", "2.1.0", Optional.of(Path.of("/opt/acme/bin/acme"))),
                Set.of(), Map.of("PATH", "/usr/bin", "HOME", "/home/u"), Path.of("/work"), pluginPath);
    }

    private static PluginFile executable() {
        return new PluginFile(CommandPath.of("foo-bar", "baz"), PLUGINS.resolve("acme-foo_bar-baz"),
                new PluginDir(PLUGINS, Origin.USER), PluginFile.Form.EXECUTABLE);
    }

    private static PluginFile manifest() {
        return new PluginFile(CommandPath.of("greet"), PLUGINS.resolve("greet/plugin.json"),
                new PluginDir(PLUGINS, Origin.USER), PluginFile.Form.MANIFEST);
    }

    @Test
    void anExecutableGetsTheHostsEnvironmentAndTheContext() {
        Map<String, String> env = PluginEnvironment.of(settings(Optional.empty()), executable());

        assertEquals(Map.of(
                "PATH", "/usr/bin",
                "HOME", "/home/u",
                "ACME_BIN", "/opt/acme/bin/acme",
                "ACME_CLI_NAME", "acme",
                "ACME_CLI_VERSION", "2.1.0",
                "ACME_PLUGIN_NAME", "foo_bar-baz",
                "ACME_PLUGIN_FILE", PLUGINS.resolve("acme-foo_bar-baz").toString(),
                "ACME_COMMAND", "foo-bar baz"), env);
    }

    @Test
    void aManifestPluginAlsoGetsItsDirectory() {
        Map<String, String> env = PluginEnvironment.of(settings(Optional.empty()), manifest());

        assertEquals(PLUGINS.resolve("greet").toString(), env.get("ACME_PLUGIN_DIR"));
        assertEquals(PLUGINS.resolve("greet/plugin.json").toString(), env.get("ACME_PLUGIN_FILE"));
        assertEquals("greet", env.get("ACME_PLUGIN_NAME"));
    }

    @Test
    void anExecutableGetsNoPluginDirectory() {
        assertFalse(PluginEnvironment.of(settings(Optional.empty()), executable()).containsKey("ACME_PLUGIN_DIR"));
    }

    @Test
    void anExecutableCalledBackFromADirectoryPluginDoesNotInheritItsDirectory() {
        // A directory plugin ran `acme other`: the host's environment holds the caller's context.
        HostSettings settings = settings(Optional.empty()).withEnvironment(Map.of("PATH", "/usr/bin",
                "ACME_PLUGIN_DIR", "/home/u/.config/acme/plugins/caller", "ACME_PLUGIN_NAME", "caller"));

        Map<String, String> env = PluginEnvironment.of(settings, executable());

        assertFalse(env.containsKey("ACME_PLUGIN_DIR"), env.toString());
        assertEquals("foo_bar-baz", env.get("ACME_PLUGIN_NAME"));
        assertEquals(PLUGINS.resolve("greet").toString(),
                PluginEnvironment.of(settings, manifest()).get("ACME_PLUGIN_DIR"));
    }

    @Test
    void withoutAPluginPathTheHostsOwnIsPassedOn() {
        HostSettings settings = settings(Optional.empty()).withEnvironment(Map.of("ACME_PLUGIN_PATH", "/a:/b"));

        assertEquals("/a:/b", PluginEnvironment.of(settings, executable()).get("ACME_PLUGIN_PATH"));
    }

    @Test
    void thePluginPathIsPassedOnAbsolute() {
        Map<String, String> env = PluginEnvironment.of(settings(Optional.of(List.of(Path.of("rel"), Path.of("/abs")))),
                executable());

        assertEquals("/work/rel:/abs", env.get("ACME_PLUGIN_PATH"));
    }
}
