package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plugins install/upgrade/uninstall/outdated/search/link} through the real launcher,
 * against an index and artifacts served over real HTTP on 127.0.0.1. Each test has its own
 * sandbox and server and times nothing tightly, so two run at once.
 */
@Execution(ExecutionMode.CONCURRENT)
class PluginManagementIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private Sandbox sandbox;
    private PluginRepo repo;
    private Path lifecycleLog;

    @BeforeEach
    void setUp() throws Exception {
        sandbox = new Sandbox(root);
        repo = new PluginRepo(root.resolve("served"));
        lifecycleLog = root.resolve("lifecycle.log");
        sandbox.env.put("LIFECYCLE_LOG", lifecycleLog.toString());
        config("");
    }

    @AfterEach
    void tearDown() {
        repo.close();
    }

    /** The user configuration: the repository as index {@code main}, plus {@code more}. */
    private void config(String more) {
        Sandbox.write(root.resolve("config/jig/config.toml"), "[indexes]\nmain = \"" + repo.indexUrl() + "\"\n" + more);
    }

    private Sandbox.Result jig(String... args) {
        return sandbox.jig(args);
    }

    private Sandbox.Result ok(String... args) {
        Sandbox.Result result = jig(args);
        assertEquals(0, result.exitCode(), result::toString);
        return result;
    }

    private Path lockFile() {
        return root.resolve("config/jig/plugins.lock.json");
    }

    private JsonNode lock() throws IOException {
        return JSON.readTree(lockFile().toFile()).path("plugins");
    }

    private Path store() {
        return sandbox.home.resolve(".local/share/jig/plugins");
    }

    /** Runs plugin {@code name} and returns what it printed. */
    private String runs(String name) {
        return ok(name, "x").stdout().strip();
    }

    /** Nothing an install left half-done: no staging directory with anything in it, no temporary link. */
    private void assertNoDebris() throws IOException {
        Path staging = store().resolve(".staging");
        if (Files.isDirectory(staging)) {
            assertEquals(List.of(), Sandbox.fileNames(staging), "staging left behind");
        }
        if (Files.isDirectory(sandbox.userDir())) {
            try (Stream<Path> entries = Files.list(sandbox.userDir())) {
                assertEquals(List.of(), entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList());
            }
        }
    }

    private List<JsonNode> lifecycle() throws IOException {
        List<JsonNode> events = new ArrayList<>();
        if (Files.exists(lifecycleLog)) {
            for (String line : Files.readAllLines(lifecycleLog)) {
                events.add(JSON.readTree(line));
            }
        }
        return events;
    }

    @Test
    void installsFromAnIndexAUrlAnArchiveAndAPath() throws Exception {
        repo.executable("greet", "1.0.0");
        String zip = repo.archive("zipped", "2.0.0", true);
        String tarball = repo.archive("packed", "3.1.0", false);
        Path local = Sandbox.executable(root.resolve("src/jig-local"),
                PluginRepo.plugin("local", "0.4.0", Map.of(), List.of(), Set.of()));
        Path archive = root.resolve("downloads/" + tarball);
        Files.createDirectories(archive.getParent());
        Files.copy(repo.files.resolve(tarball), archive);

        Sandbox.Result installed = ok("plugins", "install", "greet", repo.base().resolve(zip).toString(),
                archive.toString(), local.toString());
        assertEquals("""
                installed greet 1.0.0 from index 'main'
                installed zipped 2.0.0 from %s
                installed packed 3.1.0 from %s
                installed local 0.4.0 from %s
                """.formatted(repo.base().resolve(zip), archive, local), installed.stdout(), installed::toString);

        assertEquals("greet 1.0.0 x", runs("greet"));
        assertEquals("zipped 2.0.0 x", runs("zipped"));
        assertEquals("packed 3.1.0 x", runs("packed"));
        assertEquals("local 0.4.0 x", runs("local"));

        JsonNode lock = lock();
        assertEquals(List.of("greet", "local", "packed", "zipped"), names(lock));
        assertEquals("1.0.0", lock.path("greet").path("version").asText());
        assertEquals("main", lock.path("greet").path("index").asText());
        assertEquals(repo.base().resolve("jig-greet-1.0.0").toString(), lock.path("greet").path("source").asText());
        assertEquals(PluginRepo.sha256(Files.readAllBytes(repo.files.resolve("jig-greet-1.0.0"))),
                lock.path("greet").path("sha256").asText());
        assertEquals(PluginRepo.sha256(Files.readAllBytes(archive)), lock.path("packed").path("sha256").asText());
        assertTrue(lock.path("local").path("index").isMissingNode());

        // Installed plugins are user plugins like any other.
        JsonNode list = JSON.readTree(ok("plugins", "list", "--json").stdout());
        for (String name : List.of("greet", "zipped", "packed", "local")) {
            assertEquals("user", Sandbox.listed(list, name).path("origin").asText(), name);
        }
        assertNoDebris();
    }

    @Test
    void aPlainPluginInstalledByPathHasNoVersionAndStandsInNoOnesWay() throws Exception {
        Path plain = Sandbox.executable(root.resolve("src/jig-plain"), "#!/bin/sh\necho plain \"$@\"\n");
        assertEquals("installed plain from " + plain + "\n", ok("plugins", "install", plain.toString()).stdout());
        repo.executable("greet", "1.0.0");
        ok("plugins", "install", "greet");
        assertEquals("plain x", runs("plain"));
        assertTrue(lock().path("plain").path("version").isMissingNode(), lock()::toString);
        assertEquals(plain.toUri().toString(), lock().path("plain").path("source").asText());
        assertEquals("greet 1.0.0 is installed already\n", ok("plugins", "upgrade", "--all").stdout());
    }

    @Test
    void outdatedUpgradeAndUninstallWithTheirLifecycleHooks() throws Exception {
        List<String> hooks = List.of("install", "upgrade", "uninstall");
        repo.executable("greet", "1.0.0", Map.of(), hooks, Set.of());
        ok("plugins", "install", "greet@^1");
        assertEquals("greet 1.0.0 x", runs("greet"));
        assertEquals("every plugin installed from an index is at its newest release\n", ok("plugins", "outdated").stdout());

        repo.executable("greet", "1.1.0", Map.of(), hooks, Set.of());
        JsonNode outdated = JSON.readTree(ok("plugins", "outdated", "--json").stdout());
        assertEquals("greet", outdated.path("outdated").path(0).path("name").asText());
        assertEquals("1.0.0", outdated.path("outdated").path(0).path("installed").asText());
        assertEquals("1.1.0", outdated.path("outdated").path(0).path("latest").asText());

        assertEquals("replaced greet 1.0.0 with 1.1.0 from index 'main'\n", ok("plugins", "upgrade", "greet").stdout());
        assertEquals("greet 1.1.0 x", runs("greet"));
        assertEquals("greet 1.1.0 is installed already\n", ok("plugins", "upgrade", "--all").stdout());
        assertEquals("1.1.0", lock().path("greet").path("version").asText());

        ok("plugins", "uninstall", "greet");
        Sandbox.Result gone = jig("greet", "x");
        assertEquals(127, gone.exitCode(), gone::toString);
        assertEquals(List.of(), names(lock()));
        assertFalse(Files.exists(store().resolve("greet")), "the store keeps nothing of an uninstalled plugin");

        List<JsonNode> events = lifecycle();
        assertEquals(List.of("install", "upgrade", "uninstall"), events.stream().map(e -> e.path("event").asText()).toList());
        assertEquals("1.0.0", events.get(0).path("version").asText());
        assertEquals("1.1.0", events.get(1).path("version").asText());
        assertEquals("1.0.0", events.get(1).path("previous").asText());
        // install and upgrade go to the staged copy, before it is live; uninstall to the installed one.
        assertTrue(events.get(0).path("at").asText().contains("/.staging/"), events.get(0)::toString);
        assertTrue(events.get(1).path("at").asText().contains("/.staging/"), events.get(1)::toString);
        assertTrue(events.get(2).path("at").asText().startsWith(store().resolve("greet").toString()), events.get(2)::toString);
        assertNoDebris();
    }

    @Test
    void aDirectoryPluginInstallsUpgradesAndIsListedAtItsNewVersion() throws Exception {
        repo.directoryPlugin("forecast", "1.0.0", List.of("upgrade"));
        ok("plugins", "install", "forecast");
        assertEquals("forecast 1.0.0 x", runs("forecast"));
        assertEquals("1.0.0", Sandbox.listed(JSON.readTree(ok("plugins", "list", "--json").stdout()), "forecast")
                .path("version").asText());
        repo.directoryPlugin("forecast", "2.0.0", List.of("upgrade"));
        ok("plugins", "upgrade", "forecast");
        assertEquals("forecast 2.0.0 x", runs("forecast"));
        JsonNode listed = Sandbox.listed(JSON.readTree(ok("plugins", "list", "--json").stdout()), "forecast");
        assertEquals("2.0.0", listed.path("version").asText(), listed::toString);
        assertEquals("manifest", listed.path("kind").asText(), listed::toString);
        assertEquals(List.of("upgrade"), lifecycle().stream().map(e -> e.path("event").asText()).toList());
        assertTrue(Files.isSymbolicLink(sandbox.userDir().resolve("forecast")));
    }

    @Test
    void anUpgradeNeverGoesBackFromAPreRelease() throws Exception {
        repo.executable("greet", "1.9.0");
        repo.executable("greet", "2.0.0-rc.1");
        assertEquals("installed greet 2.0.0-rc.1 from index 'main'\n", ok("plugins", "install", "greet@2.0.0-rc.1").stdout());
        assertEquals("greet 2.0.0-rc.1 is installed already\n", ok("plugins", "upgrade", "greet").stdout());
        repo.executable("greet", "2.0.0-rc.2");
        assertEquals("replaced greet 2.0.0-rc.1 with 2.0.0-rc.2 from index 'main'\n", ok("plugins", "upgrade", "--all").stdout());
        assertEquals("greet 2.0.0-rc.2 x", runs("greet"));
    }

    @Test
    void aRefusingHookLeavesThePreviousVersion() throws Exception {
        repo.executable("greet", "1.0.0", Map.of(), List.of("uninstall"), Set.of("uninstall"));
        ok("plugins", "install", "greet");
        repo.executable("greet", "2.0.0", Map.of(), List.of("upgrade"), Set.of("upgrade"));
        Sandbox.Result refused = jig("plugins", "upgrade", "greet");
        assertEquals(10, refused.exitCode(), refused::toString);
        assertTrue(refused.stderr().contains("greet 2.0.0 says no"), refused::toString);
        assertEquals("greet 1.0.0 x", runs("greet"));
        assertEquals("1.0.0", lock().path("greet").path("version").asText());

        Sandbox.Result kept = jig("plugins", "uninstall", "greet");
        assertEquals(10, kept.exitCode(), kept::toString);
        assertEquals("greet 1.0.0 x", runs("greet"));
        ok("plugins", "uninstall", "greet", "--force");
        assertEquals(127, jig("greet").exitCode());
        assertNoDebris();
    }

    @Test
    void searchFindsPluginsByNameAndDescription() throws Exception {
        repo.executable("greet", "1.0.0");
        repo.executable("greet", "1.2.0");
        repo.executable("weather", "0.3.0");
        ok("plugins", "install", "weather");
        Sandbox.Result search = ok("plugins", "search", "GREET");
        assertEquals(List.of("NAME   LATEST  INSTALLED  DESCRIPTION", "greet  1.2.0   -          The greet plugin"),
                search.stdout().lines().map(String::stripTrailing).toList());
        JsonNode all = JSON.readTree(ok("plugins", "search", "plugin", "--json").stdout()).path("plugins");
        assertEquals(2, all.size());
        assertEquals("0.3.0", all.findValues("installed").stream().filter(JsonNode::isTextual).findFirst().orElseThrow().asText());
        assertEquals("no plugin in the indexes matches 'nothing'\n", ok("plugins", "search", "nothing").stdout());
    }

    @Test
    void aFileIndexServesBesideAnHttpOneAndDownloadsSayWhatTheyFetch() throws Exception {
        repo.executable("greet", "1.0.0");
        try (PluginRepo local = new PluginRepo(root.resolve("mirror"))) {
            local.executable("weather", "0.3.0");
            config("extra = \"" + local.files.resolve("index.json").toUri() + "\"\n");
            Sandbox.Result installed = ok("plugins", "install", "greet", "weather");
            assertEquals("installed greet 1.0.0 from index 'main'\ninstalled weather 0.3.0 from index 'extra'\n",
                    installed.stdout(), installed::toString);
            assertEquals("weather 0.3.0 x", runs("weather"));
            assertEquals(local.files.resolve("jig-weather-0.3.0").toUri().toString(),
                    lock().path("weather").path("source").asText());
            // Not on a terminal: one plain line when a download starts, one when it ends; and a
            // note that the signatures, by a key the user does not trust, were not checked.
            List<String> lines = installed.stderr().lines().filter(l -> !l.startsWith("note: ")).toList();
            assertEquals(4, lines.size(), installed::toString);
            assertEquals(2, installed.stderr().lines().filter(l -> l.startsWith("note: the signature of ")).count(),
                    installed::toString);
            assertTrue(lines.get(0).startsWith("downloading greet from " + repo.base().resolve("jig-greet-1.0.0")), lines::toString);
            assertTrue(lines.get(1).startsWith("downloaded greet: "), lines::toString);
            assertTrue(lines.get(2).startsWith("downloading weather from "), lines::toString);
            assertFalse(installed.stderr().contains("\r"), installed::toString);
        }
    }

    @Test
    void onATerminalADownloadDrawsABar() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Sandbox.SCRIPT),
                "script(1) from util-linux is needed to make a terminal");
        repo.executable("greet", "1.0.0");
        sandbox.env.put("TERM", "xterm");
        Process script = sandbox.startUnderTerminal("plugins", "install", "greet");
        assertTrue(script.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        String screen = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, script.exitValue(), screen);
        assertTrue(screen.contains("\rgreet [") && screen.contains("100%"), screen);
        assertTrue(screen.contains("installed greet 1.0.0 from index 'main'"), screen);
        assertEquals("greet 1.0.0 x", runs("greet"));
    }

    @Test
    void aLinkedPluginShowsEveryChangeAtOnce() throws Exception {
        Path work = Sandbox.executable(root.resolve("dev/jig-draft"), "#!/bin/sh\necho draft one\n");
        assertEquals("linked draft to " + work + "\n", ok("plugins", "link", work.toString()).stdout());
        assertEquals("draft one", runs("draft"));
        Files.writeString(work, "#!/bin/sh\necho draft two\n");
        assertEquals("draft two", runs("draft"));
        assertEquals(List.of(), names(lock()), "a link is not locked");

        Sandbox.Result again = jig("plugins", "link", work.toString());
        assertEquals(10, again.exitCode(), again::toString);
        ok("plugins", "uninstall", "draft");
        assertEquals(127, jig("draft").exitCode());
        assertTrue(Files.exists(work), "uninstalling a link leaves what it pointed to");
    }

    @Test
    void aDependencyChainIsInstalledAndANeededPluginStays() throws Exception {
        repo.executable("base", "1.4.0");
        repo.executable("base", "2.1.0");
        repo.executable("lib", "1.0.0", Map.of("base", "^2.0.0"), List.of(), Set.of());
        repo.executable("app", "3.0.0", Map.of("lib", "^1.0.0"), List.of(), Set.of());
        Sandbox.Result installed = ok("plugins", "install", "app");
        assertEquals("""
                installed base 2.1.0 from index 'main'
                installed lib 1.0.0 from index 'main'
                installed app 3.0.0 from index 'main'
                """, installed.stdout(), installed::toString);
        assertTrue(installed.stderr().contains("app@3.0.0 -> lib@1.0.0"), installed::toString);
        assertEquals("app 3.0.0 x", runs("app"));

        Sandbox.Result needed = jig("plugins", "uninstall", "base");
        assertEquals(10, needed.exitCode(), needed::toString);
        assertEquals("jig: plugins uninstall: plugin 'base' is needed by lib (requires base ^2.0.0); uninstall that"
                + " first, or use --force\n", needed.stderr());
        assertEquals("base 2.1.0 x", runs("base"));
    }

    @Test
    void aPluginInstalledByPathGetsWhatItRequiresFromTheIndexesUnlessItComesAlong() throws Exception {
        repo.executable("base", "1.4.0");
        repo.executable("base", "2.1.0");
        Path app = Sandbox.executable(root.resolve("src/jig-app"),
                PluginRepo.plugin("app", "0.1.0", Map.of("base", "^1.0.0"), List.of(), Set.of()));
        Sandbox.Result installed = ok("plugins", "install", app.toString());
        assertEquals("installed base 1.4.0 from index 'main'\ninstalled app 0.1.0 from " + app + "\n", installed.stdout(),
                installed::toString);
        assertEquals("app 0.1.0 x", runs("app"));

        // lib is in no index, but comes along in the same command at a version that will do.
        Path lib = Sandbox.executable(root.resolve("src/jig-lib"), PluginRepo.plugin("lib", "0.4.2", Map.of(), List.of(), Set.of()));
        Path tool = Sandbox.executable(root.resolve("src/jig-tool"),
                PluginRepo.plugin("tool", "1.0.0", Map.of("lib", "~0.4.0", "base", "^1.2.0"), List.of(), Set.of()));
        Sandbox.Result together = ok("plugins", "install", lib.toString(), tool.toString());
        assertEquals("installed lib 0.4.2 from " + lib + "\ninstalled tool 1.0.0 from " + tool + "\n", together.stdout(),
                together::toString);
        assertEquals("tool 1.0.0 x", runs("tool"));
    }

    @Test
    void conflictingRequirementsNameTheChainAndInstallNothing() throws Exception {
        repo.executable("base", "1.4.0");
        repo.executable("base", "2.1.0");
        repo.executable("lib", "1.0.0", Map.of("base", "^2.0.0"), List.of(), Set.of());
        repo.executable("app", "3.0.0", Map.of("lib", "^1.0.0", "base", "^1.0.0"), List.of(), Set.of());
        Sandbox.Result conflict = jig("plugins", "install", "app");
        assertEquals(9, conflict.exitCode(), conflict::toString);
        assertTrue(conflict.stderr().startsWith("jig: plugins install: "), conflict::toString);
        assertEquals(1, conflict.stderr().lines().count(), conflict::toString);
        assertTrue(conflict.stderr().contains("app@3.0.0 -> lib@1.0.0"), conflict::toString);
        assertTrue(conflict.stderr().contains("base"), conflict::toString);
        assertFalse(Files.exists(sandbox.userDir()) && !Sandbox.fileNames(sandbox.userDir()).isEmpty());
        assertNoDebris();
    }

    @Test
    void lockedReproducesTheLockFileExactly() throws Exception {
        repo.executable("base", "2.1.0");
        repo.executable("lib", "1.0.0", Map.of("base", "^2.0.0"), List.of(), Set.of());
        repo.archive("packed", "3.1.0", false);
        ok("plugins", "install", "lib", "packed");
        byte[] locked = Files.readAllBytes(lockFile());

        // A fresh machine with only the lock file; the index has moved on meanwhile.
        Path saved = root.resolve("saved.lock.json");
        Files.write(saved, locked);
        Store.wipe(sandbox.userDir());
        Store.wipe(store());
        Files.delete(lockFile());
        repo.executable("lib", "1.1.0", Map.of("base", "^2.0.0"), List.of(), Set.of());
        repo.executable("base", "2.2.0");

        Sandbox.Result reproduced = ok("plugins", "install", "--locked", "--lock-file", saved.toString());
        assertEquals(3, reproduced.stdout().lines().count(), reproduced::toString);
        assertEquals(new String(locked, StandardCharsets.UTF_8), Files.readString(saved));
        assertEquals("lib 1.0.0 x", runs("lib"));
        assertEquals("base 2.1.0 x", runs("base"));
        assertEquals("packed 3.1.0 x", runs("packed"));

        // A lock whose artifact changed since: refused, nothing installed.
        Store.wipe(sandbox.userDir());
        repo.write("jig-lib-1.0.0", "#!/bin/sh\necho tampered\n".getBytes(StandardCharsets.UTF_8));
        Sandbox.Result tampered = jig("plugins", "install", "--locked", "--lock-file", saved.toString(), "lib");
        assertEquals(7, tampered.exitCode(), tampered::toString);
        assertEquals(127, jig("lib").exitCode());
    }

    /** The bad downloads: each fails with its exit status and one line, and the installed version stays. */
    @Test
    void badArtifactsInstallNothingAndKeepThePreviousVersion() throws Exception {
        repo.executable("greet", "1.0.0");
        ok("plugins", "install", "greet");
        Sandbox.write(root.resolve("config/jig/trusted-keys/publisher.pem"), repo.publicKeyPem());
        byte[] lockBefore = Files.readAllBytes(lockFile());

        // wrong digest: the index describes other bytes than those served
        repo.executable("greet", "1.1.0");
        repo.write("jig-greet-1.1.0", PluginRepo.plugin("greet", "6.6.6", Map.of(), List.of(), Set.of()).getBytes(StandardCharsets.UTF_8));
        assertFails(7, "has SHA-256", "plugins", "upgrade", "greet");

        // bad signature: the digest is right, the signature is of other bytes
        byte[] good = PluginRepo.plugin("greet", "1.2.0", Map.of(), List.of(), Set.of()).getBytes(StandardCharsets.UTF_8);
        repo.write("jig-greet-1.2.0", good);
        repo.release("greet", "1.2.0", Map.of(), "jig-greet-1.2.0", good, false);
        String forged = repo.signature("something else".getBytes(StandardCharsets.UTF_8));
        Files.writeString(repo.files.resolve("index.json"), Files.readString(repo.files.resolve("index.json"))
                .replace("\"sha256\" : \"" + PluginRepo.sha256(good) + "\"", "\"sha256\" : \"" + PluginRepo.sha256(good)
                        + "\", \"signature\" : \"" + forged + "\""));
        assertFails(7, "does not match the download", "plugins", "upgrade", "greet");

        // truncated, 404, stalled
        repo.executable("greet", "1.3.0");
        repo.fault("jig-greet-1.3.0", PluginRepo.Fault.TRUNCATE);
        assertFails(8, "truncated", "plugins", "upgrade", "greet");
        repo.executable("greet", "1.4.0");
        Files.delete(repo.files.resolve("jig-greet-1.4.0"));
        assertFails(8, "404", "plugins", "upgrade", "greet");
        repo.executable("greet", "1.5.0");
        repo.fault("jig-greet-1.5.0", PluginRepo.Fault.STALL);
        config("[core]\ndownload_timeout_ms = 1500\n");
        long start = System.nanoTime();
        assertFails(8, "no data", "plugins", "upgrade", "greet");
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "a stalled download ends near its timeout");

        assertEquals(new String(lockBefore, StandardCharsets.UTF_8), Files.readString(lockFile()));
        assertEquals(List.of("1.0.0-" + lock().path("greet").path("sha256").asText().substring(0, 12)),
                Sandbox.fileNames(store().resolve("greet")));
    }

    private void assertFails(int status, String text, String... args) throws IOException {
        Sandbox.Result result = jig(args);
        assertEquals(status, result.exitCode(), result::toString);
        assertEquals(1, result.stderr().lines().filter(l -> l.startsWith("jig: ")).count(), result::toString);
        assertTrue(result.stderr().contains(text), result::toString);
        assertEquals("greet 1.0.0 x", runs("greet"));
        assertNoDebris();
    }

    @Test
    void archivesThatReachOutsideAreRefused() throws Exception {
        Path outside = root.resolve("evil");
        byte[] plugin = PluginRepo.plugin("sly", "1.0.0", Map.of(), List.of(), Set.of()).getBytes(StandardCharsets.UTF_8);
        byte[] slip = PluginRepo.zip(Map.of("jig-sly", plugin, "../../../../../../../../.." + outside, "owned\n".getBytes()));
        repo.write("slip.zip", slip);
        repo.release("sly", "1.0.0", Map.of(), "slip.zip", slip, false);
        Sandbox.Result refused = jig("plugins", "install", "sly");
        assertEquals(10, refused.exitCode(), refused::toString);
        assertTrue(refused.stderr().contains("outside"), refused::toString);

        byte[] escape = PluginRepo.tarGz(List.of(PluginRepo.Entry.file("jig-sly", plugin, 0755),
                PluginRepo.Entry.symlink("lib", "../../../.."), PluginRepo.Entry.file("lib/evil", "owned\n".getBytes(), 0644)));
        Path local = root.resolve("escape.tar.gz");
        Files.write(local, escape);
        Sandbox.Result refusedLink = jig("plugins", "install", local.toString());
        assertEquals(10, refusedLink.exitCode(), refusedLink::toString);

        assertFalse(Files.exists(outside));
        assertEquals(127, jig("sly").exitCode());
        assertNoDebris();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Deletes a directory tree, as a user starting afresh would. */
    static final class Store {
        private Store() {
        }

        static void wipe(Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
