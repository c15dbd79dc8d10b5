package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kill -9} of {@code plugins upgrade} at each step that changes something: while it
 * downloads, as the staged copy moves into the store, as the link switches, as the lock file is
 * written. The plugin must run afterwards (the previous version until the switch, the new one
 * after), and the next upgrade must succeed with no manual clean-up and leave no debris.
 */
class InstallCrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private Sandbox sandbox;
    private PluginRepo repo;

    @BeforeEach
    void setUp() throws Exception {
        sandbox = new Sandbox(root);
        repo = new PluginRepo(root.resolve("served"));
        Sandbox.write(root.resolve("config/jig/config.toml"), "[indexes]\nmain = \"" + repo.indexUrl() + "\"\n");
        repo.executable("greet", "1.0.0");
        Sandbox.Result installed = sandbox.jig("plugins", "install", "greet");
        assertEquals(0, installed.exitCode(), installed::toString);
        repo.executable("greet", "2.0.0");
    }

    @AfterEach
    void tearDown() {
        repo.close();
    }

    @ParameterizedTest(name = "killed in {0}")
    @ValueSource(strings = {"dev.jig.host.install.Store#commit", "dev.jig.host.install.Store#switchTo",
            "dev.jig.host.install.LockFile"})
    void killedWhileSwitchingItStillRunsAndTheNextUpgradeWorks(String step) throws Exception {
        try (PausedJig paused = PausedJig.atRenameFor(sandbox, step, List.of("plugins", "upgrade", "greet"))) {
            paused.kill();
        }
        String expected = step.endsWith("#switchTo") || step.endsWith("#commit") ? "greet 1.0.0 x" : "greet 2.0.0 x";
        assertEquals(expected, run());
        recovers();
    }

    @Test
    void killedWhileDownloadingItStillRunsAndTheNextUpgradeWorks() throws Exception {
        repo.fault("jig-greet-2.0.0", PluginRepo.Fault.STALL);
        Process upgrade = sandbox.builder(sandbox.command("plugins", "upgrade", "greet"))
                .redirectInput(new File("/dev/null")).redirectOutput(root.resolve("out").toFile())
                .redirectError(root.resolve("err").toFile()).start();
        Path staging = sandbox.home.resolve(".local/share/jig/plugins/.staging");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!hasDownload(staging) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(hasDownload(staging), "the download started");
        upgrade.destroyForcibly();
        upgrade.waitFor(10, TimeUnit.SECONDS);
        assertEquals("greet 1.0.0 x", run());
        repo.fault("jig-greet-2.0.0", null);
        recovers();
    }

    private static boolean hasDownload(Path staging) throws Exception {
        if (!Files.isDirectory(staging)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(staging)) {
            return files.anyMatch(f -> f.getFileName().toString().equals("download"));
        }
    }

    private String run() {
        Sandbox.Result result = sandbox.jig("greet", "x");
        assertEquals(0, result.exitCode(), result::toString);
        return result.stdout().strip();
    }

    /** The next upgrade finishes the job: 2.0.0 runs and is locked, and nothing is left over. */
    private void recovers() throws Exception {
        Sandbox.Result again = sandbox.jig("plugins", "upgrade", "greet");
        assertEquals(0, again.exitCode(), again::toString);
        assertEquals("greet 2.0.0 x", run());
        assertEquals("2.0.0", JSON.readTree(root.resolve("config/jig/plugins.lock.json").toFile())
                .path("plugins").path("greet").path("version").asText());
        Path store = sandbox.home.resolve(".local/share/jig/plugins");
        assertTrue(!Files.exists(store.resolve(".staging")) || Sandbox.fileNames(store.resolve(".staging")).isEmpty(),
                "nothing staged is left");
        assertEquals(1, Sandbox.fileNames(store.resolve("greet")).size(), "one version in the store");
        try (Stream<Path> entries = Files.list(sandbox.userDir())) {
            assertEquals(List.of("jig-greet"), entries.map(p -> p.getFileName().toString()).toList());
        }
    }
}
