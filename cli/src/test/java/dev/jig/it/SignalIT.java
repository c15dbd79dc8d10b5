package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.host.testing.Scripts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Signals sent to jig reach the plugin, and jig waits for it and returns its status. */
class SignalIT {

    /** Reports the signal it got in a file, then exits 7 after a pause jig must wait out. */
    private static final String TRAPPER = """
            #!%s
            import os, signal, sys, time
            out = sys.argv[1]
            def report(signum, frame):
                with open(out, "w") as f:
                    f.write(signal.Signals(signum).name)
                time.sleep(0.5)
                sys.exit(7)
            for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
                signal.signal(s, report)
            open(out + ".ready", "w").close()
            time.sleep(20)
            sys.exit(3)
            """;

    /**
     * Starts jig the way a shell starts a foreground job outside any terminal: in its own session
     * (so no terminal is forwarding keys) with SIGINT and SIGHUP at their defaults (a background
     * job of a non-interactive shell inherits SIGINT ignored, and a build run under nohup(1)
     * SIGHUP; jig rightly leaves an ignored signal ignored).
     */
    private static final String SESSION = """
            import os, signal, sys
            os.setsid()
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            signal.signal(signal.SIGHUP, signal.SIG_DFL)
            os.execv(sys.argv[1], sys.argv[1:])
            """;

    @TempDir
    Path root;

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"INT", "TERM", "HUP"})
    void signalIsRelayedAndJigReturnsThePluginsStatus(String signal) throws Exception {
        Sandbox sandbox = new Sandbox(root);
        Sandbox.executable(sandbox.bin.resolve("jig-trap"), TRAPPER.formatted(Sandbox.PYTHON));
        Path report = root.resolve("report");

        List<String> command = new ArrayList<>(List.of(Sandbox.PYTHON, "-c", SESSION));
        command.addAll(sandbox.command("trap", report.toString()));
        Process jig = sandbox.builder(command).redirectErrorStream(true).start();
        try {
            awaitFile(root.resolve("report.ready"));
            List<ProcessHandle> plugins = jig.descendants().toList();
            assertFalse(plugins.isEmpty(), "the plugin runs as jig's child");

            new ProcessBuilder("kill", "-s", signal, Long.toString(jig.pid())).start().waitFor();

            assertTrue(jig.waitFor(20, TimeUnit.SECONDS), "jig returns after the plugin exits");
            String output = new String(jig.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(7, jig.exitValue(), "jig returns the plugin's own status: " + output);
            assertEquals("SIG" + signal, Files.readString(report));
            plugins.forEach(p -> assertFalse(p.isAlive(), "no plugin process is left: " + p.pid()));
        } finally {
            jig.descendants().forEach(ProcessHandle::destroyForcibly);
            jig.destroyForcibly();
        }
    }

    @Test
    void interruptingAListingLeavesNoProbeRunning() throws Exception {
        Sandbox sandbox = new Sandbox(root);
        String marker = "jig-probe-marker-" + System.nanoTime();
        Path ready = root.resolve("probing");
        // Starts a child that keeps running, then stays silent: the probe waits on it.
        Sandbox.executable(sandbox.bin.resolve("jig-slow"), """
                #!/bin/sh
                touch '%3$s'
                %1$s -c 'import time; time.sleep(1000)' %2$s &
                exec %1$s -c 'import time; time.sleep(1001)' %2$s
                """.formatted(Sandbox.PYTHON, marker, ready));

        List<String> command = new ArrayList<>(List.of(Sandbox.PYTHON, "-c", SESSION));
        command.addAll(sandbox.command("plugins", "list"));
        Process jig = sandbox.builder(command).redirectErrorStream(true).start();
        try {
            awaitFile(ready);
            Thread.sleep(300); // the probe is under way
            new ProcessBuilder("kill", "-s", "INT", Long.toString(jig.pid())).start().waitFor();
            assertTrue(jig.waitFor(20, TimeUnit.SECONDS), "jig stops when interrupted");
            // A killed process needs a moment to go, more on a loaded machine.
            List<String> left = Scripts.survivorsMentioning(marker, Duration.ofSeconds(5)).stream()
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                    .toList();
            assertEquals(List.of(), left, "the probe's process tree went with jig");
        } finally {
            jig.descendants().forEach(ProcessHandle::destroyForcibly);
            jig.destroyForcibly();
        }
    }

    static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never appeared: " + file);
            }
            Thread.sleep(20);
        }
    }
}
