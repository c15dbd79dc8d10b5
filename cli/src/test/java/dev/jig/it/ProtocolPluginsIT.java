package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Handshake, cache, validation and help of protocol plugins, through the real launcher. */
class ProtocolPluginsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private Sandbox sandbox;
    private Path dir;

    @BeforeEach
    void sandbox() {
        sandbox = new Sandbox(root);
        dir = Sandbox.mkdirs(root.resolve("plugins"));
        sandbox.env.put("JIG_PLUGIN_PATH", dir.toString());
        sandbox.env.put("PATH", sandbox.bin + ":/usr/bin:/bin");
    }

    private JsonNode listJson() throws Exception {
        Sandbox.Result result = sandbox.jig("plugins", "list", "--json");
        assertEquals(0, result.exitCode(), result::toString);
        return JSON.readTree(result.stdout());
    }

    private JsonNode plugin(JsonNode list, String name) {
        for (JsonNode plugin : list.get("plugins")) {
            if (plugin.get("name").asText().equals(name)) {
                return plugin;
            }
        }
        throw new AssertionError("no plugin " + name + " in " + list);
    }

    private static List<String> problems(JsonNode plugin) {
        List<String> messages = new ArrayList<>();
        plugin.get("problems").forEach(p -> messages.add(p.get("message").asText()));
        return messages;
    }

    @Test
    void aPluginIsProbedOnceUntilItChanges() throws Exception {
        Path counter = root.resolve("probes");
        Path file = Sandbox.executable(dir.resolve("jig-counted"), ProtocolPlugins.python("counted",
                "open(\"" + counter + "\", \"a\").write(\"probe\\n\")",
                "{\"jsonrpc\": \"2.0\", \"id\": msg[\"id\"], \"result\": {\"protocolVersion\": 1, \"plugin\": {\"name\": NAME, \"version\": \"2.0.0\"}}}"));

        assertEquals("protocol", plugin(listJson(), "counted").get("kind").asText());
        assertEquals("2.0.0", plugin(listJson(), "counted").get("version").asText());
        assertEquals("counted x\n", sandbox.jig("counted", "x").stdout());
        assertEquals(1, Files.readAllLines(counter).size(), "list, list and run probe it once");

        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        listJson();
        assertEquals(2, Files.readAllLines(counter).size(), "a touched file is probed again");

        listJson();
        sandbox.jig("plugins", "list", "--no-cache");
        assertEquals(3, Files.readAllLines(counter).size(), "--no-cache probes again, a warm cache does not");
    }

    @Test
    void twentyParallelListsOnAColdCacheAllSucceedAndLeaveOneValidCache() throws Exception {
        for (int i = 0; i < 5; i++) {
            Sandbox.executable(dir.resolve("jig-p" + i), ProtocolPlugins.withMetadata("p" + i, "\"description\": \"plugin " + i + "\""));
        }
        Sandbox.executable(dir.resolve("jig-plain"), "#!/bin/sh\necho plain\n");
        // Twenty JVMs and a hundred Python probes on two cores: what is tested is that every run
        // agrees and the cache is whole, so neither the probes nor the runs are timed tightly.
        StringBuilder patient = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            patient.append("[plugins.p").append(i).append("]\ncall_timeout_ms = 120000\n");
        }
        Sandbox.write(root.resolve("config/jig/config.toml"), patient.toString());
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Sandbox.Result>> runs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                runs.add(pool.submit((Callable<Sandbox.Result>) () -> sandbox.jigWithin(Duration.ofMinutes(3), "plugins", "list")));
            }
            String first = null;
            for (Future<Sandbox.Result> run : runs) {
                Sandbox.Result result = run.get();
                assertEquals(0, result.exitCode(), result::toString);
                first = first == null ? result.stdout() : first;
                assertEquals(first, result.stdout());
            }
            assertTrue(first.contains("plugin 3") || first.contains("p3"), first);
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> files = Files.list(sandbox.cacheDir())) {
            List<Path> entries = files.toList();
            assertEquals(6, entries.size(), "one record per plugin, no temporary files: " + entries);
            for (Path entry : entries) {
                assertTrue(entry.getFileName().toString().endsWith(".plugin"), entry::toString);
                assertTrue(Files.readString(entry).startsWith("jig-plugin-cache 2\n"), entry::toString);
            }
        }
        JsonNode list = listJson();
        for (int i = 0; i < 5; i++) {
            assertEquals("plugin " + i, plugin(list, "p" + i).get("description").asText());
        }
        assertEquals("plain", plugin(list, "plain").get("kind").asText());
    }

    @Test
    void aCorruptCacheIsRebuilt() throws Exception {
        Sandbox.executable(dir.resolve("jig-greet"), ProtocolPlugins.withMetadata("greet", "\"description\": \"hi\""));
        listJson();
        try (Stream<Path> files = Files.list(sandbox.cacheDir())) {
            for (Path entry : files.toList()) {
                Files.writeString(entry, "jig-plugin-cache 2\nkind nonsense\n\u0000\u0001garbage");
            }
        }
        assertEquals("hi", plugin(listJson(), "greet").get("description").asText());
        assertEquals("greet a\n", sandbox.jig("greet", "a").stdout());
    }

    @Test
    void aProbeThatHangsWithAGrandchildHoldingStdoutIsKilledWithItsTree() throws Exception {
        String marker = "jig-hang-marker-" + System.nanoTime();
        // The grandchild keeps stdout open after its parent is gone; both carry the marker.
        Sandbox.executable(dir.resolve("jig-hang"), """
                #!/bin/sh
                %1$s -c 'import time; time.sleep(1000)' %2$s &
                exec %1$s -c 'import time; time.sleep(1001)' %2$s
                """.formatted(Sandbox.PYTHON, marker));

        Instant start = Instant.now();
        JsonNode hang = plugin(listJson(), "hang");
        Duration took = Duration.between(start, Instant.now());

        assertEquals("plain", hang.get("kind").asText());
        assertTrue(hang.get("detail").asText().contains("did not answer within 5 s"), hang::toString);
        assertTrue(took.compareTo(Duration.ofSeconds(7)) < 0, "returned " + took + " after start; the probe timeout is 5 s");
        Thread.sleep(200);
        List<String> left = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false)
                        || p.info().arguments().map(a -> String.join(" ", a).contains(marker)).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .toList();
        assertEquals(List.of(), left, "no process of the probed tree is left");
    }

    @Test
    void aBannerBeforeTheReplyIsAClearError() throws Exception {
        Sandbox.executable(dir.resolve("jig-chatty"), """
                #!/bin/sh
                echo "Welcome to chatty 3000!"
                read line
                echo '{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":1,"plugin":{"name":"chatty","version":"1.0.0"}}}'
                """);
        assertEquals(List.of("printed 'Welcome to chatty 3000!' on stdout before its reply; only protocol messages may go there (use stderr)"),
                problems(plugin(listJson(), "chatty")));
        Sandbox.Result run = sandbox.jig("chatty");
        assertEquals(126, run.exitCode());
        assertEquals("jig: plugin 'chatty' (" + dir.resolve("jig-chatty") + ") is invalid: printed 'Welcome to chatty 3000!'"
                + " on stdout before its reply; only protocol messages may go there (use stderr). See 'jig plugins info chatty'.\n",
                run.stderr());
    }

    @Test
    void versionNegotiation() throws Exception {
        Sandbox.executable(dir.resolve("jig-old"), ProtocolPlugins.python("old", "",
                "{\"jsonrpc\": \"2.0\", \"id\": msg[\"id\"], \"error\": {\"code\": -32000, \"message\": \"no common version\","
                        + " \"data\": {\"offered\": msg[\"params\"][\"protocolVersions\"], \"supported\": [2]}}}"));
        Sandbox.executable(dir.resolve("jig-both"), ProtocolPlugins.python("both", "",
                "{\"jsonrpc\": \"2.0\", \"id\": msg[\"id\"], \"result\": {\"protocolVersion\": max(set(msg[\"params\"][\"protocolVersions\"]) & {1, 2}),"
                        + " \"plugin\": {\"name\": NAME, \"version\": \"1.0.0\"}}}"));
        Sandbox.executable(dir.resolve("jig-pushy"), ProtocolPlugins.python("pushy", "",
                "{\"jsonrpc\": \"2.0\", \"id\": msg[\"id\"], \"result\": {\"protocolVersion\": 3, \"plugin\": {\"name\": NAME, \"version\": \"1.0.0\"}}}"));
        JsonNode list = listJson();
        assertEquals(List.of("it speaks protocol versions [2]; jig speaks [1]"), problems(plugin(list, "old")));
        assertEquals(List.of(), problems(plugin(list, "both")));
        assertEquals(List.of("picked protocol version 3, which jig did not offer (it offered [1])"), problems(plugin(list, "pushy")));
        assertEquals(126, sandbox.jig("old").exitCode());
        assertEquals("both\n", sandbox.jig("both").stdout());
    }

    @Test
    void eachKindOfRequirementNotMet() throws Exception {
        Sandbox.executable(dir.resolve("jig-dep"), ProtocolPlugins.withMetadata("dep", "\"description\": \"a dependency\""));
        Sandbox.executable(dir.resolve("jig-newer"), ProtocolPlugins.withMetadata("newer", "\"requires\": {\"cli\": \">=99.0.0\"}"));
        Sandbox.executable(dir.resolve("jig-lonely"), ProtocolPlugins.withMetadata("lonely", "\"requires\": {\"plugins\": {\"missing\": \"^1.0.0\"}}"));
        Sandbox.executable(dir.resolve("jig-picky"), ProtocolPlugins.withMetadata("picky", "\"requires\": {\"plugins\": {\"dep\": \"^2.0.0\"}}"));
        Sandbox.executable(dir.resolve("jig-happy"), ProtocolPlugins.withMetadata("happy", "\"requires\": {\"cli\": \">=0.1.0\", \"plugins\": {\"dep\": \"^1.0.0\"}, \"programs\": [\"sh\"]}"));
        Sandbox.executable(dir.resolve("jig-tooled"), ProtocolPlugins.withMetadata("tooled", "\"requires\": {\"programs\": [\"no-such-program-xyz\"]}"));
        Sandbox.executable(dir.resolve("jig-misnamed"), ProtocolPlugins.python("misnamed", "",
                "{\"jsonrpc\": \"2.0\", \"id\": msg[\"id\"], \"result\": {\"protocolVersion\": 1, \"plugin\": {\"name\": \"other\", \"version\": \"1.0\"}}}"));
        Sandbox.write(dir.resolve("future/plugin.json"), "{\"name\": \"future\", \"version\": \"1.0.0\", \"run\": [\"sh\", \"x\"], \"requires\": {\"protocol\": [2]}}");
        Sandbox.executable(dir.resolve("jig-split"), ProtocolPlugins.withMetadata("split", "\"commands\": [{\"name\": \"sub\"}, {\"name\": \"free\"}]"));
        Sandbox.executable(dir.resolve("jig-split-sub"), "#!/bin/sh\necho taken\n");

        JsonNode list = listJson();
        assertEquals(List.of(), problems(plugin(list, "happy")));
        assertEquals(List.of("requires jig >=99.0.0; this is jig " + System.getProperty("jig.version")), problems(plugin(list, "newer")));
        assertEquals(List.of("requires plugin 'missing' ^1.0.0, which is not installed"), problems(plugin(list, "lonely")));
        assertEquals(List.of("requires plugin 'dep' ^2.0.0, which is at 1.0.0"), problems(plugin(list, "picky")));
        assertEquals(List.of("requires program 'no-such-program-xyz', which is not on PATH"), problems(plugin(list, "tooled")));
        assertEquals(List.of("its metadata names it 'other', but its file makes it 'misnamed': rename one to match",
                "its version '1.0' is not a semantic version (e.g. 1.2.0)"), problems(plugin(list, "misnamed")));
        assertEquals(List.of("it speaks protocol versions [2]; jig speaks [1]"), problems(plugin(list, "future")));
        assertEquals(List.of("its subcommand 'split sub' is also the plugin " + dir.resolve("jig-split-sub") + ", which runs instead"),
                problems(plugin(list, "split")));

        for (String invalid : List.of("newer", "lonely", "picky", "tooled", "misnamed", "future", "split")) {
            Sandbox.Result run = sandbox.jig(invalid);
            assertEquals(126, run.exitCode(), run::toString);
            assertTrue(run.stderr().startsWith("jig: plugin '" + invalid + "' ("), run::toString);
            assertEquals(1, run.stderr().lines().count(), run::toString);
            assertFalse(run.stdout().contains(invalid), "an invalid plugin never runs: " + run);
        }
        assertEquals("happy\n", sandbox.jig("happy").stdout());
    }

    @Test
    void manifestPluginsAreListedWithoutStartingAProcess() throws Exception {
        Path marker = root.resolve("ran");
        Sandbox.write(dir.resolve("tool/plugin.json"), """
                {"name": "tool", "version": "0.3.0", "description": "A manifest plugin",
                 "run": ["bin/tool", "data.txt"], "commands": [{"name": "build", "summary": "Build it"}]}
                """);
        Sandbox.write(dir.resolve("tool/data.txt"), "data");
        Sandbox.executable(dir.resolve("tool/bin/tool"), "#!/bin/sh\necho \"$@\" > '" + marker + "'\necho \"tool $* in $PWD from $JIG_PLUGIN_DIR\"\n");
        Sandbox.write(dir.resolve("node-tool/package.json"), """
                {"name": "@acme/jig-node-tool", "version": "4.5.6", "description": "From npm",
                 "jig": {"run": ["sh", "index.sh"]}}
                """);
        Sandbox.write(dir.resolve("node-tool/index.sh"), "echo \"node-tool $*\"; touch '" + marker + "'\n");

        JsonNode list = listJson();
        JsonNode tool = plugin(list, "tool");
        assertEquals("manifest", tool.get("kind").asText());
        assertEquals("0.3.0", tool.get("version").asText());
        assertEquals(dir.resolve("tool/plugin.json").toString(), tool.get("path").asText());
        JsonNode node = plugin(list, "node-tool");
        assertEquals(List.of("node", "tool"), List.of(node.get("command").get(0).asText(), node.get("command").get(1).asText()));
        assertEquals("4.5.6", node.get("version").asText());
        assertEquals("From npm", node.get("description").asText());
        assertFalse(Files.exists(marker), "listing manifest plugins starts no process");

        Sandbox.Result run = sandbox.jig("tool", "build", "--fast");
        assertEquals("tool " + dir.resolve("tool/data.txt") + " build --fast in " + sandbox.work + " from " + dir.resolve("tool") + "\n",
                run.stdout(), run::toString);
        assertEquals("node-tool x\n", sandbox.jig("node", "tool", "x").stdout());
    }

    @Test
    void anAnswerWithTheWrongIdIsInvalid() throws Exception {
        Sandbox.executable(dir.resolve("jig-wrongid"), ProtocolPlugins.python("wrongid", "",
                "{\"jsonrpc\": \"2.0\", \"id\": 42, \"result\": {\"protocolVersion\": 1, \"plugin\": {\"name\": NAME, \"version\": \"1.0.0\"}}}"));
        assertEquals(List.of("answered initialize with id 42, expected 1"), problems(plugin(listJson(), "wrongid")));
    }

    @Test
    void plainProgramsStayPlainAndRunnable() throws Exception {
        Sandbox.executable(dir.resolve("jig-echo"), "#!/bin/sh\necho \"echo $*\"\n");
        Sandbox.executable(dir.resolve("jig-cat"), "#!/bin/sh\nexec cat\n");
        Sandbox.executable(dir.resolve("jig-fails"), "#!/bin/sh\necho 'usage: fails NAME' >&2\nexit 2\n");
        Sandbox.executable(dir.resolve("jig-binary"), "#!/bin/sh\nhead -c 3000 /dev/urandom\n");
        JsonNode list = listJson();
        for (String plain : List.of("echo", "cat", "fails", "binary")) {
            assertEquals("plain", plugin(list, plain).get("kind").asText(), plain);
            assertTrue(plugin(list, plain).get("runnable").asBoolean(), plain);
        }
        assertEquals("echo a b\n", sandbox.jig("echo", "a", "b").stdout());
    }

    @Test
    void helpShowsSummariesAndRendersPluginHelpFromMetadata() throws Exception {
        Sandbox.executable(dir.resolve("jig-greet"), ProtocolPlugins.withMetadata("greet", """
                "description": "Greet people", "usage": "[--shout] NAME...",
                "flags": [{"name": "--shout", "short": "-s", "summary": "Greet loudly"}, {"name": "--lang", "value": "LANG", "summary": "Language"}],
                "commands": [{"name": "list", "summary": "List greetings", "usage": "[--all]", "flags": [{"name": "--all", "summary": "Every one"}]}]
                """));
        Sandbox.executable(dir.resolve("jig-plain"), "#!/bin/sh\necho \"plain help for $*\"\n");

        String overview = sandbox.jig("help").stdout();
        assertTrue(overview.contains("  greet  Greet people\n"), overview);
        assertTrue(overview.contains("  plain\n"), overview);

        assertEquals("""
                Usage: jig greet [--shout] NAME...

                Greet people

                Flags:
                  -s, --shout      Greet loudly
                      --lang LANG  Language

                Commands:
                  list  List greetings

                greet 1.0.0
                """, sandbox.jig("help", "greet").stdout());
        assertEquals("""
                Usage: jig greet list [--all]

                List greetings

                Flags:
                      --all  Every one
                """, sandbox.jig("help", "greet", "list").stdout());
        Sandbox.Result missing = sandbox.jig("help", "greet", "nope");
        assertEquals(127, missing.exitCode());
        assertEquals("plain help for --help\n", sandbox.jig("help", "plain").stdout());
    }

    @Test
    void infoShowsEverything() throws Exception {
        Sandbox.executable(dir.resolve("jig-greet"), ProtocolPlugins.withMetadata("greet", """
                "description": "Greet people", "vendor": "Acme", "homepage": "https://example.org/greet",
                "hooks": ["command_not_found"], "requires": {"cli": ">=0.1.0", "programs": ["sh"]}, "commands": [{"name": "list"}]
                """));
        Sandbox.executable(sandbox.bin.resolve("jig-greet"), "#!/bin/sh\necho shadowed\n");

        Sandbox.Result info = sandbox.jig("plugins", "info", "greet");
        assertEquals(0, info.exitCode(), info::toString);
        String text = info.stdout();
        for (String expected : List.of("name:         greet", "kind:         protocol", "version:      1.0.0",
                "description:  Greet people", "vendor:       Acme", "homepage:     https://example.org/greet",
                "requires:     jig >=0.1.0; program sh", "hooks:        command_not_found", "commands:     list",
                "path:         " + dir.resolve("jig-greet"), "origin:       explicit (" + dir + ")", "fingerprint:  size ",
                "status:       ok", "also found:   " + sandbox.bin.resolve("jig-greet") + " (shadowed by " + dir.resolve("jig-greet") + ")")) {
            assertTrue(text.contains(expected), "missing '" + expected + "' in\n" + text);
        }
        JsonNode json = JSON.readTree(sandbox.jig("plugins", "info", "greet", "--json").stdout());
        assertEquals("Acme", json.get("metadata").get("vendor").asText());
        assertEquals(sandbox.bin.resolve("jig-greet").toString(), json.get("alsoFound").get(0).asText());

        Sandbox.Result none = sandbox.jig("plugins", "info", "nothing");
        assertEquals(127, none.exitCode());
        assertEquals("jig: no plugin 'nothing'. See 'jig plugins list'.\n", none.stderr());
    }

    @Test
    void localPluginsAreNeverProbedUntilTrusted() throws Exception {
        Path marker = root.resolve("probed");
        Sandbox.executable(sandbox.localDir().resolve("jig-cloned"), "#!/bin/sh\n[ \"$1\" = --jig-protocol ] && touch '" + marker + "'\necho cloned \"$@\"\n");
        JsonNode cloned = plugin(listJson(), "cloned");
        assertEquals("plain", cloned.get("kind").asText());
        sandbox.jig("help");
        assertFalse(Files.exists(marker), "listing and help never run a file from ./plugins");
        assertEquals(126, sandbox.jig("cloned", "run").exitCode(), "nor does typing its command");
        assertFalse(Files.exists(marker));

        assertEquals(0, sandbox.jig("plugins", "trust", "cloned").exitCode());
        assertEquals("cloned run\n", sandbox.jig("cloned", "run").stdout());
        assertTrue(Files.exists(marker), "a trusted plugin is asked for its metadata like any other");
    }
}
