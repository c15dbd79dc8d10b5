package dev.jig.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.host.discovery.Dispatch;
import dev.jig.host.discovery.ListedPlugin;
import dev.jig.host.discovery.PluginProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another CLI embeds the host under its own name: nothing says "jig". */
class PluginHostEmbeddingTests {

    @TempDir
    Path root;

    private PluginHost acme;
    private Path plugins;

    @BeforeEach
    void acme() throws Exception {
        plugins = Files.createDirectories(root.resolve("config/acme/plugins"));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("XDG_CONFIG_HOME", root.resolve("config").toString());
        env.put("PATH", "/usr/bin:/bin");
        env.remove("ACME_PLUGIN_PATH");
        CliIdentity cli = new CliIdentity("acme", "2.1.0", Optional.of(Path.of("/opt/acme/bin/acme")));
        acme = new PluginHost(new HostSettings(cli, Set.of("deploy"), env, root, Optional.empty()));
    }

    private Path plugin(String name, String script) throws Exception {
        Path file = plugins.resolve(name);
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void runsItsOwnPluginsWithItsOwnEnvironment() throws Exception {
        Path out = root.resolve("env.txt");
        Path file = plugin("acme-hello", "#!/bin/sh\nenv | grep -E '^(ACME|JIG)_' | sort > '" + out + "'\necho \"$@\" >> '" + out + "'\nexit 3\n");

        Dispatch dispatch = acme.resolve(List.of("hello", "world", "--loud"));
        int status = acme.run(assertInstanceOf(Dispatch.Plugin.class, dispatch));

        assertEquals(3, status);
        Map<String, String> seen = new TreeMap<>();
        List<String> lines = Files.readAllLines(out);
        lines.subList(0, lines.size() - 1).forEach(l -> seen.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        assertEquals(Map.of(
                "ACME_BIN", "/opt/acme/bin/acme",
                "ACME_CLI_NAME", "acme",
                "ACME_CLI_VERSION", "2.1.0",
                "ACME_COMMAND", "hello",
                "ACME_PLUGIN_FILE", file.toString(),
                "ACME_PLUGIN_NAME", "hello"), seen);
        assertEquals("world --loud", lines.get(lines.size() - 1));
    }

    @Test
    void itsBuiltinsWinAndJigPluginsAreNotItsOwn() throws Exception {
        plugin("acme-deploy", "#!/bin/sh\n");
        plugin("jig-hello", "#!/bin/sh\n");

        assertEquals(new Dispatch.Builtin("deploy", List.of("now")), acme.resolve(List.of("deploy", "now")));
        assertEquals(new Dispatch.Unknown("hello"), acme.resolve(List.of("hello")));

        List<ListedPlugin> listed = acme.inventory().plugins();
        assertEquals(1, listed.size());
        assertEquals(List.of(new PluginProblem.CollidesWithBuiltin("deploy")), listed.get(0).problems());
        assertTrue(acme.suggestions("deplyo").contains("deploy"));
    }
}
