package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.host.testing.Scripts;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the jig JVM in the middle of a probe, a hook session, a configuration write
 * and a cache write; the next run must be right with no clean-up by hand. The writes are caught
 * at their most fragile instant, the temporary file complete and not yet renamed, with the
 * debugger interface ({@link PausedJig}); the probe and the hook when their plugin says it has
 * been asked.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CrashSafetyIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private Sandbox sandbox;

    @BeforeEach
    void setUp() {
        sandbox = new Sandbox(root);
        sandbox.env.put("PATH", sandbox.bin + ":/usr/bin:/bin");
        sandbox.env.put("JIG_NO_CDS", "1");
    }

    @AfterEach
    void noLeftovers() {
        Scripts.killProcessesMentioning(root.toString());
    }

    @Test
    void killedWhileWritingTheConfigurationItLeavesTheOldOneAndTheNextWriteWorks() throws Exception {
        Sandbox.Result first = sandbox.jig("config", "set", "plugins.greet.lang", "fr");
        assertEquals(0, first.exitCode(), first::toString);
        Path config = root.resolve("config/jig/config.toml");
        String before = Files.readString(config);

        try (PausedJig jig = PausedJig.atRenameFor(sandbox, "dev.jig.host.config.ConfigWriter",
                List.of("config", "set", "plugins.greet.name", "Ada"))) {
            Path temp = onlyTemp(config);
            assertTrue(Files.readString(temp).contains("Ada"), "held with the new content written, not yet renamed");
            jig.kill();
        }

        assertEquals(before, Files.readString(config), "the old configuration, whole");
        Sandbox.Result get = sandbox.jig("config", "get", "plugins.greet", "--json");
        assertEquals(0, get.exitCode(), get::toString);
        assertEquals(JSON.readTree("{\"lang\": \"fr\"}"), JSON.readTree(get.stdout()));

        // The lock died with the process; the debris goes with the next write once it is old.
        Path debris = onlyTemp(config);
        Files.setLastModifiedTime(debris, FileTime.from(Instant.now().minus(Duration.ofMinutes(2))));
        Sandbox.Result next = sandbox.jig("config", "set", "plugins.greet.name", "Grace");
        assertEquals(0, next.exitCode(), next::toString);
        Sandbox.Result after = sandbox.jig("config", "get", "plugins.greet", "--json");
        assertEquals(JSON.readTree("{\"lang\": \"fr\", \"name\": \"Grace\"}"), JSON.readTree(after.stdout()), after::toString);
        assertFalse(Files.exists(debris), "the killed write's temporary file is swept");
    }

    @Test
    void killedWhileWritingTheMetadataCacheTheNextRunProbesAgainAndIsRight() throws Exception {
        Sandbox.executable(sandbox.bin.resolve("jig-greet"), ProtocolPlugins.withMetadata("greet", "\"description\": \"Greets\""));

        try (PausedJig jig = PausedJig.atRenameFor(sandbox, "dev.jig.host.metadata.MetadataCache",
                List.of("plugins", "list", "--json"))) {
            assertEquals(1, temps(sandbox.cacheDir()).size(), "held with a record written, not yet renamed");
            jig.kill();
        }

        Sandbox.Result list = sandbox.jig("plugins", "list", "--json");
        assertEquals(0, list.exitCode(), list::toString);
        JsonNode greet = Sandbox.listed(JSON.readTree(list.stdout()), "greet");
        assertEquals("protocol", greet.get("kind").asText(), greet::toString);
        assertEquals("Greets", greet.get("description").asText(), greet::toString);
        Sandbox.Result run = sandbox.jig("greet", "Ada");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("greet Ada\n", run.stdout());
    }

    @Test
    void killedDuringAProbeTheNextRunProbesAgainAndThePluginEndsOnItsOwn() throws Exception {
        // The first probe is held in initialize until the plugin's sleep ends; later ones answer at once.
        Path asked = root.resolve("asked");
        Sandbox.executable(sandbox.bin.resolve("jig-slow"), ProtocolPlugins.python("slow", """
                import os, subprocess
                    if not os.path.exists(%s):
                        open(%s, "w").close()
                        subprocess.run(["sleep", "2"])""".formatted(
                HookPlugins.py(asked.toString()), HookPlugins.py(asked.toString())),
                "{\"jsonrpc\": \"2.0\", \"id\": msg[\"id\"], \"result\": {\"protocolVersion\": 1,"
                        + " \"plugin\": {\"name\": NAME, \"version\": \"1.0.0\"}}}"));
        Process jig = start("slow", "x");
        awaitFile(asked, jig);
        assertTrue(jig.isAlive(), "held in the probe");
        jig.destroyForcibly();
        jig.waitFor(10, TimeUnit.SECONDS);

        Sandbox.Result run = sandbox.jig("slow", "x");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("slow x\n", run.stdout());
        Sandbox.Result list = sandbox.jig("plugins", "list", "--json");
        assertEquals("protocol", Sandbox.listed(JSON.readTree(list.stdout()), "slow").get("kind").asText(), list::toString);
        // The orphaned plugin's input ended with jig; once its sleep is over it finds that and exits.
        assertEquals(List.of(), Scripts.survivorsMentioning(sandbox.bin.resolve("jig-slow").toString(), Duration.ofSeconds(10)));
    }

    @Test
    void killedDuringAHookSessionTheNextRunHasItsHooksAndThePluginEndsOnItsOwn() throws Exception {
        Path hookLog = root.resolve("watch.log");
        Path slow = root.resolve("slow-once");
        Files.writeString(slow, "");
        new HookPlugins.Spec("watch", hookLog).hooks("prerun", "postrun")
                .on("prerun", """
                        if os.path.exists(%s):
                            os.remove(%s)
                            time.sleep(2)
                        """.formatted(HookPlugins.py(slow.toString()), HookPlugins.py(slow.toString())) + HookPlugins.CONTINUE)
                .writeTo(sandbox.bin);
        Sandbox.executable(sandbox.bin.resolve("jig-target"), "#!/bin/sh\n[ \"$1\" = --jig-protocol ] && exit 0\necho \"target $*\"\n");
        Process jig = start("target", "one");
        awaitPrerun(hookLog, jig);
        jig.destroyForcibly();
        jig.waitFor(10, TimeUnit.SECONDS);

        Sandbox.Result run = sandbox.jig("target", "two");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("target two\n", run.stdout());
        assertEquals("", run.stderr());
        List<JsonNode> prerun = HookPlugins.params(hookLog, "prerun");
        List<JsonNode> postrun = HookPlugins.params(hookLog, "postrun");
        assertEquals(2, prerun.size(), "the killed run's and the next one's");
        assertEquals(List.of("two"), postrun.stream().map(p -> p.get("args").get(0).asText()).toList(),
                "only the next run got as far as postrun");
        // The killed run's session finds its pipes gone once its handler returns, and exits.
        assertEquals(List.of(), Scripts.survivorsMentioning(sandbox.bin.resolve("jig-watch").toString(), Duration.ofSeconds(10)));
    }

    private Process start(String... words) throws IOException {
        return sandbox.builder(sandbox.command(words))
                .redirectInput(new File("/dev/null"))
                .redirectOutput(root.resolve("killed.out").toFile())
                .redirectError(root.resolve("killed.err").toFile())
                .start();
    }

    private static void awaitFile(Path file, Process jig) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(file)) {
            assertTrue(jig.isAlive() && System.nanoTime() < deadline, "the plugin was never asked");
            Thread.sleep(10);
        }
    }

    private static void awaitPrerun(Path hookLog, Process jig) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (HookPlugins.params(hookLog, "prerun").isEmpty()) {
            assertTrue(jig.isAlive() && System.nanoTime() < deadline, "the hook was never asked");
            Thread.sleep(10);
        }
    }

    /** The one temporary file beside {@code target}. */
    private static Path onlyTemp(Path target) throws IOException {
        List<Path> temps = temps(target.getParent());
        assertEquals(1, temps.size(), temps::toString);
        assertTrue(temps.get(0).getFileName().toString().startsWith("." + target.getFileName() + "."), temps::toString);
        return temps.get(0);
    }

    private static List<Path> temps(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
