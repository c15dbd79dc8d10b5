package dev.jig.it;

import static dev.jig.it.HookPlugins.abort;
import static dev.jig.it.HookPlugins.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin trust through the real launcher: a cloned repository's {@code ./plugins} runs nothing
 * until the user trusts a plugin, and a trusted plugin that changes is refused until trusted again.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TrustIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private Sandbox sandbox;
    private Path markers;

    @BeforeEach
    void setUp() {
        sandbox = new Sandbox(root);
        markers = Sandbox.mkdirs(root.resolve("markers"));
    }

    /** A script that leaves a marker whenever it is executed, in any mode, and says it ran. */
    private String evil(String name) {
        return "#!/bin/sh\ntouch '" + markers.resolve(name) + "'\necho " + name + " ran \"$@\"\n";
    }

    /** The malicious clone: an executable and a directory plugin subscribed to every hook. */
    private void cloneWithEvilPlugins() {
        Sandbox.executable(sandbox.localDir().resolve("jig-evil"), evil("evil"));
        Sandbox.executable(sandbox.localDir().resolve("evil2").resolve("main"), evil("evil2"));
        Sandbox.write(sandbox.localDir().resolve("evil2").resolve("plugin.json"),
                "{\"name\": \"evil2\", \"version\": \"1.0.0\", \"run\": [\"./main\"],"
                        + " \"hooks\": [\"prerun\", \"postrun\", \"command_not_found\"]}\n");
    }

    private List<String> markersLeft() {
        return Sandbox.fileNames(markers);
    }

    private static JsonNode plugin(JsonNode list, String name) {
        return Sandbox.listed(list, name);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void aClonedRepositoryExecutesNothing() throws Exception {
        cloneWithEvilPlugins();

        Sandbox.Result help = sandbox.jig("help");
        Sandbox.Result list = sandbox.jig("plugins", "list");
        Sandbox.Result json = sandbox.jig("plugins", "list", "--json", "--no-cache");
        Sandbox.Result version = sandbox.jig("version");
        Sandbox.Result unknown = sandbox.jig("nosuchcommand");
        Sandbox.Result info = sandbox.jig("plugins", "info", "evil");
        Sandbox.Result configList = sandbox.jig("config", "list");

        assertEquals(0, help.exitCode(), help::toString);
        assertEquals(0, list.exitCode(), list::toString);
        assertEquals(0, version.exitCode(), version::toString);
        assertEquals(127, unknown.exitCode(), unknown::toString);
        assertEquals(0, configList.exitCode(), configList::toString);
        assertEquals(List.of(), markersLeft(), "listing, help, hooks and info execute nothing from ./plugins");

        assertTrue(list.stdout().contains("untrusted"), list::toString);
        assertTrue(help.stdout().contains("Untrusted plugins (not run; review one, then 'jig plugins trust NAME'):\n"
                + "  evil   plugins in ./plugins are not trusted by default\n"
                + "  evil2  plugins in ./plugins are not trusted by default\n"), help::toString);
        JsonNode plugins = JSON.readTree(json.stdout());
        for (String name : List.of("evil", "evil2")) {
            assertEquals("untrusted", plugin(plugins, name).get("trust").asText(), json::toString);
            assertFalse(plugin(plugins, name).get("runnable").asBoolean());
            assertEquals("untrusted", plugin(plugins, name).get("problems").get(0).get("code").asText());
        }
        assertTrue(info.stdout().contains("untrusted: plugins in ./plugins are not trusted by default"), info::toString);

        for (String name : List.of("evil", "evil2")) {
            Sandbox.Result run = sandbox.jig(name, "now");
            assertEquals(126, run.exitCode(), run::toString);
            assertEquals("", run.stdout());
            assertEquals(1, run.stderr().lines().count(), run::toString);
            assertTrue(run.stderr().startsWith("jig: plugin '" + name + "' (" + sandbox.localDir()), run::toString);
            assertTrue(run.stderr().contains("is untrusted"), run::toString);
            assertTrue(run.stderr().contains("run 'jig plugins trust " + name + "'"), run::toString);
        }
        assertEquals(List.of(), markersLeft(), "refused plugins never start");
    }

    @Test
    void trustRunsAChangeRefusesRetrustRunsUntrustRefuses() throws Exception {
        Path evil = Sandbox.executable(sandbox.localDir().resolve("jig-evil"), "#!/bin/sh\necho first \"$@\"\n");

        Sandbox.Result trust = sandbox.jig("plugins", "trust", "evil");
        assertEquals(0, trust.exitCode(), trust::toString);
        assertEquals("trusted " + evil + "\nsha256 " + sha256(evil) + "\n", trust.stdout());
        assertEquals("first a\n", sandbox.jig("evil", "a").stdout());
        assertEquals("trusted", plugin(JSON.readTree(sandbox.jig("plugins", "list", "--json").stdout()), "evil")
                .get("trust").asText());

        // Same content, new fingerprint: hashed again, still trusted.
        Files.setLastModifiedTime(evil, FileTime.from(Instant.parse("2021-01-01T00:00:00Z")));
        assertEquals("first b\n", sandbox.jig("evil", "b").stdout());

        Files.writeString(evil, "echo injected\n", StandardOpenOption.APPEND);
        Sandbox.Result changed = sandbox.jig("evil", "c");
        assertEquals(126, changed.exitCode(), changed::toString);
        assertEquals("", changed.stdout());
        assertEquals("jig: plugin 'evil' (" + evil + ") changed since it was trusted and was not run."
                + " Review it, then run 'jig plugins trust evil'.\n", changed.stderr());
        assertEquals("changed", plugin(JSON.readTree(sandbox.jig("plugins", "list", "--json").stdout()), "evil")
                .get("trust").asText());

        assertEquals(0, sandbox.jig("plugins", "trust", "evil").exitCode());
        assertEquals("first d\ninjected\n", sandbox.jig("evil", "d").stdout());

        Sandbox.Result untrust = sandbox.jig("plugins", "untrust", "evil");
        assertEquals(0, untrust.exitCode(), untrust::toString);
        assertEquals("no longer trusted " + evil + "\n", untrust.stdout());
        Sandbox.Result refused = sandbox.jig("evil", "e");
        assertEquals(126, refused.exitCode(), refused::toString);
        assertTrue(refused.stderr().contains("is untrusted"), refused::toString);
    }

    @Test
    void aPluginCanBeTrustedByPath() throws Exception {
        Path evil = Sandbox.executable(sandbox.localDir().resolve("jig-evil"), "#!/bin/sh\necho ok\n");
        Sandbox.Result trust = sandbox.jig("plugins", "trust", "plugins/jig-evil");
        assertEquals(0, trust.exitCode(), trust::toString);
        assertEquals("ok\n", sandbox.jig("evil").stdout());
        assertEquals(0, sandbox.jig("plugins", "untrust", evil.toString()).exitCode());
        assertEquals(126, sandbox.jig("evil").exitCode());

        Sandbox.Result nothing = sandbox.jig("plugins", "trust", "nothing");
        assertEquals(127, nothing.exitCode(), nothing::toString);
        assertEquals("jig: no plugin or file 'nothing'. See 'jig plugins list'.\n", nothing.stderr());
    }

    @Test
    void aTrustedDirectoryPluginInPluginsGetsHooksUntilItChanges() throws Exception {
        Path logFile = Sandbox.mkdirs(root.resolve("logs")).resolve("local.log");
        new HookPlugins.Spec("local", logFile).hooks("prerun").on("prerun", abort("local says no", 6))
                .writeAsDirectoryTo(sandbox.localDir());

        assertEquals(0, sandbox.jig("version").exitCode());
        assertEquals(List.of(), log(logFile), "untrusted: never started");

        Sandbox.Result trust = sandbox.jig("plugins", "trust", "local");
        assertEquals(0, trust.exitCode(), trust::toString);
        assertTrue(trust.stdout().contains("(whole directory)"), trust::toString);
        Sandbox.Result vetoed = sandbox.jig("version");
        assertEquals(6, vetoed.exitCode(), vetoed::toString);
        assertTrue(vetoed.stderr().contains("local says no"), vetoed::toString);

        // A new file anywhere in its tree: the plugin changed, and no longer gets hooks.
        Sandbox.write(sandbox.localDir().resolve("local/lib/extra.py"), "print('x')\n");
        int before = log(logFile).size();
        Sandbox.Result after = sandbox.jig("version");
        assertEquals(0, after.exitCode(), after::toString);
        assertEquals(before, log(logFile).size(), "a changed plugin is not started");
    }

    @Test
    void aDirectoryMarkedUntrustedInTheUserConfigIsRefused() throws Exception {
        Path hello = Sandbox.executable(sandbox.userDir().resolve("jig-hello"), evil("hello"));
        Sandbox.write(root.resolve("config/jig/config.toml"),
                "[security]\nuntrusted = [\"" + sandbox.userDir() + "\"]\n");

        assertEquals(0, sandbox.jig("plugins", "list").exitCode());
        assertEquals(0, sandbox.jig("help").exitCode());
        Sandbox.Result refused = sandbox.jig("hello");
        assertEquals(126, refused.exitCode(), refused::toString);
        assertTrue(refused.stderr().contains("is marked untrusted (security.untrusted)"), refused::toString);
        assertEquals(List.of(), markersLeft());

        assertEquals(0, sandbox.jig("plugins", "trust", "hello").exitCode());
        assertEquals("hello ran x\n", sandbox.jig("hello", "x").stdout());
        Files.writeString(hello, "echo changed\n", StandardOpenOption.APPEND);
        assertEquals(126, sandbox.jig("hello", "y").exitCode());

        // A project's configuration cannot take the directory back.
        Files.delete(markers.resolve("hello"));
        Sandbox.write(sandbox.work.resolve(".jig/config.toml"), "[security]\nuntrusted = []\n");
        assertEquals(0, sandbox.jig("plugins", "untrust", "hello").exitCode());
        assertEquals(126, sandbox.jig("hello", "z").exitCode());
        assertEquals(List.of(), markersLeft());

        Sandbox.write(root.resolve("config/jig/config.toml"), "[security]\nuntrusted = \"plugins\"\n");
        Sandbox.Result bad = sandbox.jig("hello");
        assertEquals(78, bad.exitCode(), bad::toString);
        assertTrue(bad.stderr().contains("'security.untrusted' must be an array of absolute directory paths"),
                bad::toString);
    }

    @Test
    void securityUntrustedCanBeSetWithConfigSet() throws Exception {
        Sandbox.executable(sandbox.bin.resolve("jig-hello"), evil("hello"));
        assertEquals("hello ran\n", sandbox.jig("hello").stdout());
        Sandbox.Result set = sandbox.jig("config", "set", "security.untrusted", "[\"" + sandbox.bin + "\"]");
        assertEquals(0, set.exitCode(), set::toString);
        Files.delete(markers.resolve("hello"));
        Sandbox.Result refused = sandbox.jig("hello");
        assertEquals(126, refused.exitCode(), "no route or cache lets it through: " + refused);
        assertEquals(List.of(), markersLeft());
    }
}
