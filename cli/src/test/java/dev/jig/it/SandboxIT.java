package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sandboxed plugins through the real launcher, under bubblewrap: what a plugin under the strict
 * profile cannot reach, what grants let through, and that every mode (run, probe, hook) is
 * confined. Needs {@code bwrap}, which CI installs.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SandboxIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Tries what its arguments say and prints one JSON object with the outcome of each:
     * {@code write=PATH}, {@code read=PATH}, {@code connect=PORT} ({@code ok} or the exception's
     * name), {@code ls=DIR}, {@code env=NAME}, {@code config} (its configuration file, read),
     * {@code procs} (every visible process: pid and command line). Ignores the protocol
     * argument: a plain plugin.
     */
    private static final String BOX = """
            #!@PYTHON@
            import json, os, socket, sys
            if sys.argv[1:2] == ["--jig-protocol"]:
                sys.exit(0)
            def attempt(action):
                try:
                    action()
                    return "ok"
                except Exception as e:
                    return type(e).__name__
            def write(path):
                with open(path, "w") as f:
                    f.write("written from the sandbox")
            def read(path):
                with open(path) as f:
                    f.read()
            def connect(port):
                socket.create_connection(("127.0.0.1", int(port)), timeout=10).close()
            def procs():
                found = {}
                for pid in os.listdir("/proc"):
                    if pid.isdigit():
                        try:
                            with open("/proc/" + pid + "/cmdline", "rb") as f:
                                found[pid] = f.read().replace(b"\\0", b" ").decode(errors="replace")
                        except OSError:
                            pass
                return found
            out = {}
            for arg in sys.argv[1:]:
                kind, _, value = arg.partition("=")
                if kind == "write":
                    out[arg] = attempt(lambda: write(value))
                elif kind == "read":
                    out[arg] = attempt(lambda: read(value))
                elif kind == "connect":
                    out[arg] = attempt(lambda: connect(value))
                elif kind == "ls":
                    out[arg] = sorted(os.listdir(value)) if os.path.isdir(value) else None
                elif kind == "env":
                    out[arg] = os.environ.get(value)
                elif kind == "procs":
                    out[arg] = procs()
                elif kind == "config":
                    with open(os.environ["JIG_CONFIG"]) as f:
                        out[arg] = json.load(f)
            print(json.dumps(out))
            """;

    @TempDir
    Path root;

    private Sandbox sandbox;
    private Path outside;
    private ServerSocket server;
    private final AtomicInteger accepted = new AtomicInteger();

    @BeforeEach
    void setUp() throws IOException {
        sandbox = new Sandbox(root);
        outside = Sandbox.mkdirs(root.resolve("outside"));
        Sandbox.write(sandbox.home.resolve("secret.txt"), "the user's secret\n");
        Sandbox.executable(sandbox.userDir().resolve("jig-box"), BOX.replace("@PYTHON@", Sandbox.PYTHON));
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (true) {
                try (Socket socket = server.accept()) {
                    accepted.incrementAndGet();
                } catch (IOException e) {
                    return; // closed after the test
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void tearDown() throws IOException {
        server.close();
    }

    private static void assumeBwrap() {
        assumeTrue(Sandbox.onPath("bwrap"), "bwrap (bubblewrap) is not installed; .ci/run installs it");
    }

    private void userConfig(String toml) {
        Sandbox.write(root.resolve("config/jig/config.toml"), toml);
    }

    private JsonNode box(String... actions) throws IOException {
        List<String> args = new ArrayList<>(List.of("box"));
        args.addAll(List.of(actions));
        Sandbox.Result result = sandbox.jig(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result::toString);
        return JSON.readTree(result.stdout());
    }

    @Test
    void strictHidesHomeAndFilesAndNetworkAndProcesses() throws Exception {
        assumeBwrap();
        userConfig("[plugins.box]\nsandbox = \"strict\"\n");
        Path home = sandbox.home;

        JsonNode out = box("ls=" + home, "write=" + home.resolve("planted"), "write=" + outside.resolve("planted"),
                "write=" + sandbox.work.resolve("planted"), "write=/var/planted", "read=" + home.resolve("secret.txt"),
                "connect=" + server.getLocalPort(), "procs", "write=/tmp/private", "config");

        assertFalse(Files.exists(home.resolve("planted")), "a write to the home never reaches the user's home");
        assertFalse(Files.exists(outside.resolve("planted")), out::toString);
        assertNotEquals("ok", out.get("write=" + outside.resolve("planted")).asText(), out::toString);
        assertEquals("OSError", out.get("write=" + sandbox.work.resolve("planted")).asText(), "the working directory is read-only");
        assertFalse(Files.exists(sandbox.work.resolve("planted")));
        assertEquals("OSError", out.get("write=/var/planted").asText(), "the system is read-only");
        assertEquals("FileNotFoundError", out.get("read=" + home.resolve("secret.txt")).asText(), out::toString);
        assertEquals(JSON.createArrayNode(), out.get("ls=" + home), "the home is empty");
        assertNotEquals("ok", out.get("connect=" + server.getLocalPort()).asText(), out::toString);
        assertEquals(0, accepted.get(), "no connection reached the server on 127.0.0.1");
        assertEquals("ok", out.get("write=/tmp/private").asText(), "a private /tmp is writable");
        assertFalse(Files.exists(Path.of("/tmp/private")), "and private");
        assertTrue(out.get("config").has("core"), "its configuration file is let through: " + out.get("config"));

        JsonNode procs = out.get("procs");
        List<String> commands = new ArrayList<>();
        procs.properties().forEach(p -> commands.add(p.getKey() + " " + p.getValue().asText()));
        assertTrue(procs.size() <= 3, "only the sandbox's init, the plugin and nothing else: " + commands);
        assertTrue(commands.stream().noneMatch(c -> c.contains("java") || c.contains("jig.jar")), commands::toString);
        assertTrue(procs.has("1") && procs.has("2"), "its own PID namespace: " + commands);
    }

    @Test
    void grantsLetThroughWhatIsGrantedAndNothingElse() throws Exception {
        assumeBwrap();
        Path readable = Sandbox.mkdirs(root.resolve("readable"));
        Sandbox.write(readable.resolve("data.txt"), "data\n");
        Path writable = Sandbox.mkdirs(root.resolve("writable"));
        Sandbox.write(sandbox.home.resolve("data/notes.txt"), "notes\n");
        userConfig("[plugins.box]\nsandbox = \"strict\"\n[plugins.box.grant]\nnetwork = true\ncwd = \"write\"\n"
                + "read = [\"" + readable + "\", \"~/data\"]\nwrite = [\"" + writable + "\"]\n");

        JsonNode out = box("write=" + sandbox.work.resolve("made"), "write=" + writable.resolve("made"),
                "read=" + readable.resolve("data.txt"), "read=" + sandbox.home.resolve("data/notes.txt"),
                "write=" + readable.resolve("made"), "read=" + sandbox.home.resolve("secret.txt"),
                "write=" + outside.resolve("made"), "connect=" + server.getLocalPort());

        assertEquals("ok", out.get("write=" + sandbox.work.resolve("made")).asText(), out::toString);
        assertEquals("written from the sandbox", Files.readString(sandbox.work.resolve("made")));
        assertEquals("ok", out.get("write=" + writable.resolve("made")).asText(), out::toString);
        assertTrue(Files.exists(writable.resolve("made")));
        assertEquals("ok", out.get("read=" + readable.resolve("data.txt")).asText(), out::toString);
        assertEquals("ok", out.get("read=" + sandbox.home.resolve("data/notes.txt")).asText(), "~/data is granted");
        assertEquals("OSError", out.get("write=" + readable.resolve("made")).asText(), "read is not write");
        assertEquals("FileNotFoundError", out.get("read=" + sandbox.home.resolve("secret.txt")).asText(), out::toString);
        assertFalse(Files.exists(outside.resolve("made")), out::toString);
        assertEquals("ok", out.get("connect=" + server.getLocalPort()).asText(), out::toString);
        assertEquals(1, accepted.get());
    }

    @Test
    void aProjectFileCannotLoosenIt() throws Exception {
        assumeBwrap();
        userConfig("[plugins.box]\nsandbox = \"strict\"\n");
        Sandbox.write(sandbox.work.resolve(".jig/config.toml"), "[security]\nsandbox = \"none\"\n"
                + "[plugins.box]\nsandbox = \"none\"\n[plugins.box.grant]\nnetwork = true\ncwd = \"write\"\n"
                + "write = [\"" + outside + "\"]\n");

        JsonNode out = box("write=" + sandbox.work.resolve("planted"), "write=" + outside.resolve("planted"),
                "connect=" + server.getLocalPort(), "ls=" + sandbox.home);

        assertFalse(Files.exists(sandbox.work.resolve("planted")), out::toString);
        assertFalse(Files.exists(outside.resolve("planted")), out::toString);
        assertEquals(0, accepted.get(), out::toString);
        assertEquals(JSON.createArrayNode(), out.get("ls=" + sandbox.home));
    }

    @Test
    void theProbeAndHookSessionsAreSandboxedTooAndAudited() throws Exception {
        assumeBwrap();
        Path logs = Sandbox.mkdirs(root.resolve("logs"));
        Path log = logs.resolve("spy.jsonl");
        new HookPlugins.Spec("spy", log).hooks("prerun")
                .on("prerun", "open(os.path.join(os.environ[\"HOME\"], \"hook-was-here\"), \"w\").write(\"x\")\n"
                        + "log(\"home\", entries=os.listdir(os.environ[\"HOME\"]))\n" + HookPlugins.CONTINUE)
                .writeTo(sandbox.userDir());
        // Everything sandboxed; the spy may write its log, nothing else.
        userConfig("[security]\nsandbox = \"strict\"\naudit = true\n[plugins.spy.grant]\nwrite = [\"" + logs + "\"]\n");

        Sandbox.Result result = sandbox.jig("version");

        assertEquals(0, result.exitCode(), result::toString);
        List<JsonNode> starts = HookPlugins.entries(log, "start");
        assertEquals(2, starts.size(), "a probe and a hook session: " + HookPlugins.log(log));
        starts.forEach(start -> assertEquals(2, start.get("pid").asInt(), "each in a PID namespace of its own: " + start));
        assertEquals(1, HookPlugins.params(log, "prerun").size());
        assertEquals("[\"hook-was-here\"]", HookPlugins.entries(log, "home").get(0).get("entries").toString(),
                "the hook sees the sandbox's home, empty but for what it wrote");
        assertFalse(Files.exists(sandbox.home.resolve("hook-was-here")), "written to the sandbox's empty home only");

        List<JsonNode> audit = new ArrayList<>();
        for (String line : Files.readAllLines(sandbox.home.resolve(".local/state/jig/audit.jsonl"))) {
            audit.add(JSON.readTree(line));
        }
        assertEquals(List.of("probe strict", "hook strict"), audit.stream().filter(r -> r.get("plugin").asText().equals("spy"))
                .map(r -> r.get("mode").asText() + " " + r.get("sandbox").asText()).toList());
        assertEquals("strict", JSON.readTree(sandbox.jig("plugins", "info", "spy", "--json").stdout())
                .get("sandbox").get("profile").asText());
    }

    @Test
    void withoutBwrapASandboxIsAnErrorAndNothingRuns() throws Exception {
        Path marker = root.resolve("ran");
        Sandbox.executable(sandbox.userDir().resolve("jig-marker"), "#!/bin/sh\ntouch '" + marker + "'\necho ran\n");
        userConfig("[plugins.marker]\nsandbox = \"strict\"\n");
        withoutBwrap();

        Sandbox.Result result = sandbox.jig("marker", "now");

        assertEquals(69, result.exitCode(), result::toString);
        assertEquals("", result.stdout());
        assertEquals("jig: plugin 'marker' (" + sandbox.userDir().resolve("jig-marker") + ") was not run: its sandbox"
                + " 'strict' cannot be set up: bwrap is not on PATH. Install bubblewrap (the 'bubblewrap' package) or run"
                + " 'jig config set plugins.marker.sandbox none'.\n", result.stderr());
        assertFalse(Files.exists(marker), "neither probed nor run");

        userConfig("[plugins.marker]\nsandbox = \"none\"\n");
        assertEquals("ran\n", sandbox.jig("marker").stdout(), "opting out runs it");
    }

    @Test
    void aHookPluginThatCannotBeSandboxedIsAFailedHookAndNeverRuns() throws Exception {
        Path log = root.resolve("guard.jsonl");
        new HookPlugins.Spec("guard", log).hooks("prerun").on("prerun", HookPlugins.CONTINUE)
                .writeAsDirectoryTo(sandbox.userDir());
        userConfig("[security]\nsandbox = \"strict\"\n[plugins.guard]\nrequired = true\n");
        withoutBwrap();

        Sandbox.Result result = sandbox.jig("version");

        assertEquals(125, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("guard") && result.stderr().contains("its sandbox 'strict' cannot be set up:"
                + " bwrap is not on PATH"), result::toString);
        assertEquals(List.of(), HookPlugins.log(log), "never started without its sandbox");
    }

    @Test
    void theSandboxDiesWithJig() throws Exception {
        assumeBwrap();
        String token = "31415" + ProcessHandle.current().pid();
        Sandbox.executable(sandbox.userDir().resolve("jig-linger"), "#!/bin/sh\n[ \"$1\" = --jig-protocol ] && exit 0\n"
                + "sleep " + token + " &\necho started\nwait\n");
        userConfig("[plugins.linger]\nsandbox = \"strict\"\n");
        Process launcher = sandbox.builder(sandbox.command("linger")).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("started", out.readLine());
            for (int i = 0; i < 200 && sleeper(token).isEmpty(); i++) {
                Thread.sleep(50); // until the shell's child has become sleep
            }
            assertTrue(sleeper(token).isPresent(), "the plugin's child runs");
            ProcessHandle jvm = Stream.concat(Stream.of(launcher.toHandle()), launcher.descendants())
                    .filter(p -> p.info().command().orElse("").endsWith("/java")).findFirst().orElseThrow();
            jvm.destroyForcibly();
            launcher.waitFor();
            // SIGKILL left the host no chance to clean up: bwrap's --die-with-parent and the PID
            // namespace end the sandbox's processes; nothing is waited for but their end.
            for (int i = 0; i < 200 && sleeper(token).isPresent(); i++) {
                Thread.sleep(50);
            }
            assertEquals(Optional.empty(), sleeper(token).map(ProcessHandle::pid), "no process outlives jig");
        } finally {
            sleeper(token).ifPresent(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    /** A {@code PATH} without bwrap: only what the launcher and these plugins run. */
    private void withoutBwrap() throws IOException {
        sandbox.env.put("PATH", sandbox.bin + ":" + sandbox.programs("sh", "env", "touch", "cat", "sed", "stat",
                "readlink", "date", "mkdir", "rmdir", "find", "ln", "mv", "rm"));
    }

    private static Optional<ProcessHandle> sleeper(String token) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("sleep " + token)
                || p.info().arguments().map(a -> List.of(a).contains(token)).orElse(false)).findFirst();
    }
}
