package dev.jig.host.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jig.host.CliIdentity;
import dev.jig.host.HostSettings;
import dev.jig.host.discovery.CommandPath;
import dev.jig.host.discovery.Origin;
import dev.jig.host.discovery.PluginDir;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.discovery.PluginProblem;
import dev.jig.host.testing.Scripts;
import dev.jig.protocol.metadata.Requirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataServiceTests {

    @TempDir
    Path root;

    private Path work;
    private Path userPlugins;
    private Path localPlugins;
    private HostSettings settings;

    @BeforeEach
    void host() throws IOException {
        work = Files.createDirectories(root.resolve("work"));
        userPlugins = Files.createDirectories(root.resolve("config/jig/plugins"));
        localPlugins = Files.createDirectories(work.resolve("plugins"));
        settings = settings(Map.of("XDG_CACHE_HOME", root.resolve("cache").toString(),
                "HOME", root.resolve("home").toString()));
    }

    private HostSettings settings(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("XDG_CACHE_HOME");
        env.remove("HOME");
        env.remove("JIG_PLUGIN_PATH");
        env.putAll(overrides);
        return new HostSettings(new CliIdentity("jig", "0.1.0", Optional.empty()), Set.of("help", "plugins"), env,
                work, Optional.empty());
    }

    private static PluginFile executable(Path file, Origin origin) {
        CommandPath command = CommandPath.fromFileName("jig-", file.getFileName().toString()).orElseThrow();
        return new PluginFile(command, file, new PluginDir(file.getParent(), origin), PluginFile.Form.EXECUTABLE);
    }

    private static PluginFile manifest(Path file, Origin origin) {
        Path home = file.getParent();
        CommandPath command = CommandPath.fromFileName("", home.getFileName().toString()).orElseThrow();
        return new PluginFile(command, file, new PluginDir(home.getParent(), origin), PluginFile.Form.MANIFEST);
    }

    /**
     * A protocol plugin that appends its name to {@code calls} each time it is asked, after
     * {@code beforeReply} (Python), and answers as whatever name it was given.
     */
    private Path countingPlugin(Path dir, String fileName, String version, Path calls, String beforeReply) {
        return Scripts.executable(dir, fileName, "#!" + Scripts.python() + "\n" + """
                import json, os, sys, time
                name = os.environ["JIG_PLUGIN_NAME"]
                if sys.argv[1:] == ["--jig-protocol"]:
                    with open(%s, "a") as f:
                        f.write(name + "\\n")
                    request = json.loads(sys.stdin.readline())
                %s
                    sys.stdout.write(json.dumps({"jsonrpc": "2.0", "id": request["id"], "result": {
                        "protocolVersion": 1,
                        "plugin": {"name": name, "version": %s, "description": "I am " + name}}}) + "\\n")
                    sys.stdout.flush()
                    sys.stdin.read()
                """.formatted(pyString(calls.toString()), beforeReply.indent(4).stripTrailing(), pyString(version)));
    }

    private static String pyString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static List<String> calls(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private List<Path> cacheFiles() throws IOException {
        Path dir = root.resolve("cache/jig/plugins");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void theCacheLivesUnderXdgCacheHomeOrHome() {
        assertEquals(Optional.of(root.resolve("cache/jig")), settings.cacheDirectory());
        assertEquals(Optional.of(root.resolve("home/.cache/jig")),
                settings(Map.of("HOME", root.resolve("home").toString())).cacheDirectory());
        assertEquals(Optional.of(root.resolve("home/.cache/jig")),
                settings(Map.of("XDG_CACHE_HOME", "relative/cache", "HOME", root.resolve("home").toString())).cacheDirectory(),
                "a relative XDG_CACHE_HOME is ignored");
        assertEquals(Optional.of(root.resolve("home/.cache/jig")),
                settings(Map.of("XDG_CACHE_HOME", "", "HOME", root.resolve("home").toString())).cacheDirectory(),
                "an empty XDG_CACHE_HOME is unset");
        assertEquals(Optional.empty(), settings(Map.of()).cacheDirectory());
        assertEquals(Optional.empty(), settings(Map.of("HOME", "relative")).cacheDirectory());
    }

    @Test
    void aProbedPluginIsCachedUntilItsFileChanges() throws Exception {
        Path calls = root.resolve("calls.txt");
        Path file = countingPlugin(userPlugins, "jig-greet", "1.2.0", calls, "pass");
        PluginFile plugin = executable(file, Origin.USER);
        MetadataService service = new MetadataService(settings);

        PluginRecord first = service.record(plugin, false, true);
        PluginRecord second = service.record(plugin, false, true);

        assertEquals(Kind.PROTOCOL, first.kind(), first.toString());
        assertEquals(List.of(), first.problems());
        assertEquals("I am greet", first.summary());
        assertEquals(List.of("greet"), calls(calls), "asked once, with its name in the environment");
        assertEquals(first, second);
        assertEquals(1, cacheFiles().size());

        PluginRecord headerOnly = service.record(plugin, false, false);
        assertNull(headerOnly.metadataJson());
        assertEquals("1.2.0", headerOnly.version());
        assertEquals(1, calls(calls).size());

        PluginRecord fromAnotherRun = new MetadataService(settings).record(plugin, false, true);
        assertEquals(first, fromAnotherRun);
        assertEquals(1, calls(calls).size(), "the cache is on disk, not in the service");

        countingPlugin(userPlugins, "jig-greet", "1.3.0", calls, "pass");
        PluginRecord changed = service.record(plugin, false, true);

        assertEquals("1.3.0", changed.version());
        assertEquals(2, calls(calls).size(), "a changed file is asked again");
        assertEquals(changed, service.record(plugin, false, true));
        assertEquals(2, calls(calls).size());
    }

    @Test
    void refreshAsksAgain() throws Exception {
        Path calls = root.resolve("calls.txt");
        PluginFile plugin = executable(countingPlugin(userPlugins, "jig-greet", "1.2.0", calls, "pass"), Origin.USER);
        MetadataService service = new MetadataService(settings);

        service.record(plugin, false, false);
        service.record(plugin, true, false);

        assertEquals(2, calls(calls).size());
    }

    @Test
    void withoutACacheDirectoryEveryRecordIsAProbe() throws Exception {
        Path calls = root.resolve("calls.txt");
        PluginFile plugin = executable(countingPlugin(userPlugins, "jig-greet", "1.2.0", calls, "pass"), Origin.USER);
        MetadataService service = new MetadataService(settings(Map.of()));

        assertEquals("1.2.0", service.record(plugin, false, false).version());
        assertEquals("1.2.0", service.record(plugin, false, false).version());

        assertEquals(2, calls(calls).size());
    }

    @Test
    void aPlainPluginsRecordIsCachedToo() throws Exception {
        Path calls = root.resolve("calls.txt");
        Path file = Scripts.executable(userPlugins, "jig-plain", "#!/bin/sh\necho run >> '" + calls + "'\nexit 1\n");
        PluginFile plugin = executable(file, Origin.USER);
        MetadataService service = new MetadataService(settings);

        PluginRecord first = service.record(plugin, false, false);
        PluginRecord second = service.record(plugin, false, false);

        assertEquals(Kind.PLAIN, first.kind());
        assertTrue(first.detail().contains("exited with status 1"), first.detail());
        assertEquals(first, second);
        assertEquals(1, calls(calls).size());
    }

    @Test
    void executablesInLocalPluginsAreNeverRun() throws Exception {
        Path marker = root.resolve("was-run");
        Path file = Scripts.executable(localPlugins, "jig-evil", "#!/bin/sh\ntouch '" + marker + "'\n");
        PluginFile plugin = executable(file, Origin.LOCAL);
        MetadataService service = new MetadataService(settings);

        PluginRecord record = service.record(plugin, false, true);
        PluginRecord refreshed = service.record(plugin, true, true);
        Map<PluginFile, PluginRecord> listed = service.records(List.of(plugin), true, false);

        assertEquals(Kind.PLAIN, record.kind());
        assertTrue(record.detail().contains("./plugins"), record.detail());
        assertEquals(record, refreshed);
        assertEquals(record, listed.get(plugin));
        assertFalse(Files.exists(marker), "a plugin in ./plugins ran without being asked to");
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void manifestPluginsAreReadWithoutStartingAProcess() throws Exception {
        Path marker = root.resolve("was-run");
        Path home = userPlugins.resolve("greet");
        Scripts.executable(home.resolve("bin"), "run", "#!/bin/sh\ntouch '" + marker + "'\n");
        Path json = Files.writeString(home.resolve("plugin.json"), """
                {"name": "greet", "version": "1.0.0", "description": "Greet", "run": ["bin/run"]}
                """);
        Path localHome = localPlugins.resolve("local-greet");
        Scripts.executable(localHome, "run", "#!/bin/sh\ntouch '" + marker + "'\n");
        Path localJson = Files.writeString(localHome.resolve("plugin.json"), """
                {"name": "local-greet", "version": "2.0.0", "run": ["./run"]}
                """);
        PluginFile plugin = manifest(json, Origin.USER);
        PluginFile local = manifest(localJson, Origin.LOCAL);
        MetadataService service = new MetadataService(settings);

        Map<PluginFile, PluginRecord> records = service.records(List.of(plugin, local), false, true);
        Map<PluginFile, PluginRecord> refreshed = service.records(List.of(plugin, local), true, true);

        PluginRecord record = records.get(plugin);
        assertEquals(Kind.MANIFEST, record.kind());
        assertEquals(List.of(), record.problems());
        assertEquals(List.of("bin/run"), record.run());
        assertEquals("Greet", record.summary());
        assertEquals(Kind.MANIFEST, records.get(local).kind());
        assertEquals("2.0.0", records.get(local).version(), "a manifest in ./plugins is read: reading runs nothing");
        assertEquals(records, refreshed);
        assertFalse(Files.exists(marker), "listing a manifest plugin started it");
    }

    @Test
    void anEditedManifestIsReadAgain() throws Exception {
        Path json = Files.writeString(Files.createDirectories(userPlugins.resolve("greet")).resolve("plugin.json"),
                "{\"name\": \"greet\", \"version\": \"1.0.0\", \"run\": [\"bin/run\"]}");
        PluginFile plugin = manifest(json, Origin.USER);
        MetadataService service = new MetadataService(settings);
        assertEquals("1.0.0", service.record(plugin, false, false).version());

        Files.writeString(json, "{\"name\": \"greet\", \"version\": \"1.10.0\", \"run\": [\"bin/run\"]}");

        assertEquals("1.10.0", service.record(plugin, false, false).version());
    }

    @Test
    void aVanishedFileIsPlainAndUnreadable() throws Exception {
        PluginFile plugin = executable(userPlugins.resolve("jig-gone"), Origin.USER);

        PluginRecord record = new MetadataService(settings).record(plugin, false, false);

        assertEquals(Kind.PLAIN, record.kind());
        assertTrue(record.detail().startsWith("cannot be read"), record.detail());
    }

    @Test
    void oneFileUnderTwoNamesHasARecordForEachName() throws Exception {
        // A multi-call plugin: one file, installed under two names, answering as the one it was run as.
        Path calls = root.resolve("calls.txt");
        Path file = countingPlugin(root.resolve("opt"), "multi", "1.0.0", calls, "pass");
        PluginFile greet = executable(Files.createSymbolicLink(userPlugins.resolve("jig-greet"), file), Origin.USER);
        PluginFile hello = executable(Files.createSymbolicLink(userPlugins.resolve("jig-hello"), file), Origin.USER);
        MetadataService service = new MetadataService(settings);

        PluginRecord greetRecord = service.record(greet, false, true);
        PluginRecord helloRecord = service.record(hello, false, true);

        assertEquals("I am greet", greetRecord.summary());
        assertEquals("I am hello", helloRecord.summary());
        assertEquals(List.of(), helloRecord.problems());
        assertEquals(List.of("greet", "hello"), calls(calls));
        assertEquals("I am greet", service.record(greet, false, true).summary());
        assertEquals("I am hello", service.record(hello, false, true).summary());
        assertEquals(2, calls(calls).size(), "both records are cached");
    }

    @Test
    void anAliasProbedFirstDoesNotMakeTheOriginalInvalid() throws Exception {
        Path calls = root.resolve("calls.txt");
        Path file = countingPlugin(userPlugins, "jig-greet", "1.0.0", calls, "name = 'greet'");
        PluginFile alias = executable(Files.createSymbolicLink(userPlugins.resolve("jig-hi"), file), Origin.USER);
        PluginFile greet = executable(file, Origin.USER);
        MetadataService service = new MetadataService(settings);

        PluginRecord aliasRecord = service.record(alias, false, false);
        PluginRecord greetRecord = service.record(greet, false, false);

        assertEquals(List.of("its metadata names it 'greet', but its file makes it 'hi': rename one to match"),
                aliasRecord.problems());
        assertEquals(List.of(), greetRecord.problems());
        assertEquals(aliasRecord.problems(), service.record(alias, false, false).problems());
        assertEquals(List.of(), service.record(greet, false, false).problems());
        assertEquals(2, calls(calls).size());
    }

    @Test
    void recordsKeepsTheOrderOfItsInput() throws Exception {
        Path calls = root.resolve("calls.txt");
        List<PluginFile> plugins = new ArrayList<>();
        for (String name : List.of("zeta", "alpha", "mid")) {
            plugins.add(executable(countingPlugin(userPlugins, "jig-" + name, "1.0.0", calls, "pass"), Origin.USER));
        }

        Map<PluginFile, PluginRecord> records = new MetadataService(settings).records(plugins, false, false);

        assertEquals(plugins, List.copyOf(records.keySet()));
        assertEquals(List.of("I am zeta", "I am alpha", "I am mid"),
                records.values().stream().map(PluginRecord::summary).toList());
        assertTrue(new MetadataService(settings).records(List.of(), false, false).isEmpty());
    }

    @Test
    void probesRunInParallel() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "one processor: probes run one at a time");
        Path calls = root.resolve("calls.txt");
        Path times = Files.createDirectories(root.resolve("times"));
        List<PluginFile> plugins = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Path file = countingPlugin(userPlugins, "jig-slow" + i, "1.0.0", calls, """
                    start = time.monotonic()
                    time.sleep(1)
                    with open(os.path.join(%s, name), "w") as f:
                        f.write("%%f %%f" %% (start, time.monotonic()))""".formatted(pyString(times.toString())));
            plugins.add(executable(file, Origin.USER));
        }

        Map<PluginFile, PluginRecord> records = new MetadataService(settings).records(plugins, false, false);

        assertEquals(8, records.size());
        for (PluginRecord record : records.values()) {
            assertEquals(Kind.PROTOCOL, record.kind(), record.toString());
        }
        assertEquals(8, calls(calls).size(), "each plugin is asked once");
        List<double[]> intervals = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String[] parts = Files.readString(times.resolve("slow" + i)).split(" ");
            intervals.add(new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])});
        }
        int overlapping = 0;
        for (int a = 0; a < intervals.size(); a++) {
            for (int b = a + 1; b < intervals.size(); b++) {
                if (intervals.get(a)[0] < intervals.get(b)[1] && intervals.get(b)[0] < intervals.get(a)[1]) {
                    overlapping++;
                }
            }
        }
        assertTrue(overlapping >= 1, "no two probes ran at the same time");
    }

    @Test
    void problemsCombineTheRecordsAndTheRequirements() {
        PluginFile plugin = executable(userPlugins.resolve("jig-greet"), Origin.USER);
        PluginRecord record = new PluginRecord(Kind.PROTOCOL, List.of("its metadata has no version"), null, null,
                null, List.of(), new Requirements(">=5", null, null, List.of("surely-not-a-program")), List.of(),
                List.of(), null);
        Surroundings nothing = new Surroundings() {
            @Override
            public Optional<Installed> plugin(String name) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> pluginAt(CommandPath command) {
                return Optional.empty();
            }

            @Override
            public boolean onPath(String program) {
                return false;
            }
        };

        List<PluginProblem> problems = new MetadataService(settings).problems(plugin, record, nothing);

        assertEquals(List.of(new PluginProblem.Invalid("its metadata has no version"),
                new PluginProblem.Invalid("requires jig >=5; this is jig 0.1.0"),
                new PluginProblem.Invalid("requires program 'surely-not-a-program', which is not on PATH")), problems);
        assertNotNull(problems.get(0).code());
    }

    @Test
    void aPluginThatCannotBeStartedIsPlainAndAskedAgainNextTime() throws Exception {
        Path plugin = Scripts.executable(userPlugins, "jig-broken", "#!/nonexistent/interpreter\n");
        MetadataService service = new MetadataService(settings);

        PluginRecord record = service.record(executable(plugin, Origin.USER), false, false);

        assertEquals(Kind.PLAIN, record.kind());
        assertTrue(record.detail().startsWith("could not be started to ask: "), record.detail());
        assertFalse(Files.exists(root.resolve("cache/jig/plugins")) && Files.list(root.resolve("cache/jig/plugins")).findAny().isPresent(),
                "a failure to start is not remembered");
    }
}
