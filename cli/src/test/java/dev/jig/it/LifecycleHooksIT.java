package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.host.CliIdentity;
import dev.jig.host.HostSettings;
import dev.jig.host.audit.AuditLog;
import dev.jig.host.config.Configuration;
import dev.jig.host.config.PluginConfigs;
import dev.jig.host.discovery.CommandPath;
import dev.jig.host.discovery.Origin;
import dev.jig.host.discovery.PluginDir;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.exec.Programs;
import dev.jig.host.hook.Lifecycle;
import dev.jig.host.hook.LifecycleParams;
import dev.jig.host.sandbox.Sandboxes;
import dev.jig.host.testing.Scripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin-management events, sent by {@link Lifecycle#fire} to real plugin processes in a
 * staging directory outside the search path: what each plugin receives, and what its answer,
 * silence or crash means for the change.
 */
class LifecycleHooksIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private Sandbox sandbox;
    private Path staging;
    private Path logs;
    private final List<String> report = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void world() {
        sandbox = new Sandbox(root);
        staging = Sandbox.mkdirs(sandbox.userDir().resolve(".staging-1"));
        logs = Sandbox.mkdirs(root.resolve("logs"));
    }

    private HostSettings settings() {
        return new HostSettings(new CliIdentity("jig", "0.1.0", Optional.empty()), Set.of("plugins"), sandbox.env,
                sandbox.work, Optional.empty());
    }

    /** Fires {@code params} at {@code plugin} with the configuration the {@code -c} flags make. */
    private Optional<String> fire(PluginFile plugin, LifecycleParams params, String... flags) throws Exception {
        return fire(Optional.empty(), plugin, params, flags);
    }

    private Optional<String> fire(Optional<AuditLog> audit, PluginFile plugin, LifecycleParams params, String... flags)
            throws Exception {
        HostSettings settings = settings();
        Configuration config = Configuration.load(settings, List.of(flags));
        Programs programs = new Programs(settings);
        return Lifecycle.fire(settings, programs, new Sandboxes(config.sandboxSettings(), settings, programs),
                audit, new PluginConfigs(config), plugin, params, report::add);
    }

    private static PluginFile executable(Path file) {
        CommandPath command = CommandPath.fromFileName("jig-", file.getFileName().toString()).orElseThrow();
        return new PluginFile(command, file, new PluginDir(file.getParent(), Origin.USER), PluginFile.Form.EXECUTABLE);
    }

    private static PluginFile directory(Path manifest) {
        Path home = manifest.getParent();
        CommandPath command = CommandPath.fromFileName("", home.getFileName().toString()).orElseThrow();
        return new PluginFile(command, manifest, new PluginDir(home.getParent(), Origin.USER), PluginFile.Form.MANIFEST);
    }

    private HookPlugins.Spec plugin(String name) {
        return new HookPlugins.Spec(name, logs.resolve(name + ".log"));
    }

    private Path log(String name) {
        return logs.resolve(name + ".log");
    }

    @Test
    void aSubscriberThatContinuesLetsTheInstallGoAheadAndGetsItsParams() throws Exception {
        Path file = plugin("greet").hooks("prerun", "install").on("install", HookPlugins.CONTINUE).writeTo(staging);

        assertEquals(Optional.empty(), fire(executable(file), LifecycleParams.install("1.2.0"), "plugins.greet.lang=fr"));

        List<JsonNode> asked = HookPlugins.params(log("greet"), "install");
        assertEquals(1, asked.size(), HookPlugins.log(log("greet")).toString());
        JsonNode params = asked.get(0);
        assertEquals("greet", params.get("plugin").asText());
        assertEquals("1.2.0", params.get("version").asText());
        assertFalse(params.has("previous"), params.toString());
        assertEquals(staging.toString(), params.get("directory").asText());
        assertEquals(sandbox.work.toString(), params.get("cwd").asText());
        assertEquals("fr", params.at("/config/plugins/greet/lang").asText(), params.toString());
        assertEquals(5000, params.at("/config/core/hook_timeout_ms").asInt());
        assertEquals(1, HookPlugins.hookStarts(log("greet"), "greet").size(), "one hook session besides the probe");
        assertEquals(2, HookPlugins.entries(log("greet"), "eof").size(), "the probe and the session both saw their input end");
        assertFalse(Files.exists(sandbox.cacheDir()), "a staged copy is never remembered in the metadata cache");
    }

    @Test
    void anUpgradeNamesTheVersionItReplaces() throws Exception {
        Path file = plugin("greet").hooks("upgrade").on("upgrade", HookPlugins.CONTINUE).writeTo(staging);

        assertEquals(Optional.empty(), fire(executable(file), LifecycleParams.upgrade("2.0.0", "1.2.0")));

        JsonNode params = HookPlugins.params(log("greet"), "upgrade").get(0);
        assertEquals("2.0.0", params.get("version").asText());
        assertEquals("1.2.0", params.get("previous").asText());
    }

    @Test
    void anAbortStopsTheChangeWithThePluginsMessage() throws Exception {
        Path file = plugin("greet").hooks("uninstall")
                .on("uninstall", HookPlugins.abort("3 projects still use greet; remove them first", 4)).writeTo(staging);

        assertEquals(Optional.of("plugin 'greet' refused the uninstall: 3 projects still use greet; remove them first"),
                fire(executable(file), LifecycleParams.uninstall("1.2.0")));
    }

    @Test
    void aPluginThatDoesNotAnswerInTimeFailsItsHookAndItsWholeTreeIsKilled() throws Exception {
        String marker = Scripts.sleepMarker();
        Path file = plugin("slow").hooks("upgrade")
                .on("upgrade", "subprocess.Popen([\"sleep\", " + HookPlugins.py(marker) + "])\n" + HookPlugins.hang())
                .writeTo(staging);
        try {
            assertEquals(Optional.of("plugin 'slow' failed its upgrade hook: did not answer upgrade within 1500 ms"),
                    fire(executable(file), LifecycleParams.upgrade("2.0.0", "1.0.0"), "plugins.slow.call_timeout_ms=1500"));

            assertEquals(1, HookPlugins.params(log("slow"), "upgrade").size(), "it was asked, and it started its child");
            assertEquals(List.of(), Scripts.survivorsMentioning(marker, Duration.ofSeconds(10)), "its child is gone");
            long pid = HookPlugins.hookStarts(log("slow"), "slow").get(0).get("pid").asLong();
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the plugin is gone");
        } finally {
            Scripts.killProcessesMentioning(marker);
        }
    }

    @Test
    void aPluginThatCrashesFailsItsHookAndWhatItSaidIsReported() throws Exception {
        Path file = plugin("crashy").hooks("install").on("install", HookPlugins.crash()).writeTo(staging);

        assertEquals(Optional.of("plugin 'crashy' failed its install hook: exited with status 4 without answering install"),
                fire(executable(file), LifecycleParams.install("1.0.0")));
        assertTrue(report.contains("crashy: hook blew up"), report.toString());
    }

    @Test
    void anAnswerThatIsNotProtocolFailsTheHook() throws Exception {
        Path file = plugin("noisy").hooks("install").on("install", HookPlugins.garbage()).writeTo(staging);

        Optional<String> refused = fire(executable(file), LifecycleParams.install("1.0.0"));
        assertTrue(refused.orElse("").startsWith("plugin 'noisy' failed its install hook: wrote 'not json at all' on stdout"),
                refused.toString());
    }

    @Test
    void aPlainPluginIsOnlyProbed() throws Exception {
        Path calls = logs.resolve("plain.calls");
        Path file = Sandbox.executable(staging.resolve("jig-plain"),
                "#!/bin/sh\necho \"$*\" >> '" + calls + "'\necho hello from plain\n");

        assertEquals(Optional.empty(), fire(executable(file), LifecycleParams.install("1.0.0")));
        assertEquals(List.of("--jig-protocol"), Files.readAllLines(calls), "the probe, and nothing after it");
    }

    @Test
    void aProtocolPluginThatDoesNotListTheEventGetsNoSession() throws Exception {
        Path file = plugin("greet").hooks("prerun", "postrun", "upgrade").writeTo(staging);

        assertEquals(Optional.empty(), fire(executable(file), LifecycleParams.install("1.0.0")));
        assertEquals(1, HookPlugins.entries(log("greet"), "start").size(), "the probe only");
        assertEquals(List.of(), HookPlugins.hookStarts(log("greet"), "greet"));
        assertEquals(List.of(), HookPlugins.entries(log("greet"), "hook"));
    }

    @Test
    void aDirectoryPluginIsReadFromItsManifestAndAskedFromItsDirectory() throws Exception {
        Path manifest = plugin("deploy-helper").hooks("install").on("install", HookPlugins.CONTINUE).writeAsDirectoryTo(staging);

        assertEquals(Optional.empty(), fire(directory(manifest), LifecycleParams.install("1.0.0")));

        assertEquals(1, HookPlugins.entries(log("deploy-helper"), "start").size(), "no probe: the manifest says it all");
        JsonNode params = HookPlugins.params(log("deploy-helper"), "install").get(0);
        assertEquals(staging.resolve("deploy-helper").toString(), params.get("directory").asText());
        assertEquals("deploy-helper", params.get("plugin").asText());
    }

    @Test
    void aDirectoryPluginThatRefusesStopsTheInstall() throws Exception {
        Path manifest = plugin("deploy-helper").hooks("install")
                .on("install", HookPlugins.abort("needs kubectl on PATH", 2)).writeAsDirectoryTo(staging);

        assertEquals(Optional.of("plugin 'deploy-helper' refused the install: needs kubectl on PATH"),
                fire(directory(manifest), LifecycleParams.install("1.0.0")));
    }

    @Test
    void anInstallOfAPluginWithBrokenMetadataIsRefusedButItsUninstallGoesAhead() throws Exception {
        Path home = Sandbox.mkdirs(staging.resolve("broken"));
        Path manifest = Sandbox.write(home.resolve("plugin.json"),
                "{\"name\": \"other-name\", \"version\": \"1.0.0\", \"run\": [\"./main\"], \"hooks\": [\"install\", \"uninstall\"]}\n");

        Optional<String> install = fire(directory(manifest), LifecycleParams.install("1.0.0"));
        assertTrue(install.orElse("").startsWith("plugin 'broken' cannot be asked about the install, its metadata is invalid: "),
                install.toString());
        assertEquals(Optional.empty(), fire(directory(manifest), LifecycleParams.uninstall("1.0.0")));
        assertTrue(report.stream().anyMatch(line -> line.startsWith("plugin 'broken' was not asked about the uninstall")),
                report.toString());
    }

    @Test
    void commandsNeverSendTheLifecycleEventsNorPayForAPluginThatListsOnlyThem() throws Exception {
        plugin("greet").hooks("install", "upgrade", "uninstall").on("install", HookPlugins.CONTINUE).writeTo(sandbox.userDir());
        // The mark is only written for directories unchanged for a second (QuietMark.SETTLE):
        // a change within the same second could go unseen.
        Thread.sleep(1100);

        Sandbox.Result run = sandbox.jig("greet", "Ada");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("greet Ada\n", run.stdout(), run.toString());
        Sandbox.Result list = sandbox.jig("plugins", "list");
        assertEquals(0, list.exitCode(), list.toString());

        assertEquals(List.of(), HookPlugins.hookStarts(log("greet"), "greet"), "no hook session in a command");
        assertEquals(List.of(), HookPlugins.entries(log("greet"), "hook"));
        assertTrue(Files.exists(sandbox.root.resolve("cache/jig/hooks/quiet")),
                "no run-time subscriber: the next command knows it from the mark, without a scan");
    }

    @Test
    void theProbeAndTheSessionAreWrittenToTheAuditLog() throws Exception {
        Path file = plugin("greet").hooks("uninstall").on("uninstall", HookPlugins.CONTINUE).writeTo(staging);
        AuditLog audit = AuditLog.of(settings(), AuditLog.DEFAULT_MAX_BYTES, report::add).orElseThrow();

        assertEquals(Optional.empty(), fire(Optional.of(audit), executable(file), LifecycleParams.uninstall("1.0.0")));

        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(audit.file())) {
            records.add(JSON.readTree(line));
        }
        assertEquals(List.of("probe", "hook"), records.stream().map(r -> r.get("mode").asText()).toList(), records.toString());
        assertEquals("uninstall", records.get(1).get("event").asText());
        assertEquals(file.toString(), records.get(1).get("path").asText());
        assertEquals(0, records.get(1).get("exitCode").asInt(), records.get(1).toString());
    }
}
