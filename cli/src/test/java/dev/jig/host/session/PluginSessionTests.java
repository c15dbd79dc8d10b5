package dev.jig.host.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.host.exec.ProcessTree;
import dev.jig.host.testing.Scripts;
import dev.jig.protocol.Id;
import dev.jig.protocol.Message;
import dev.jig.protocol.codec.Inbound;
import dev.jig.protocol.codec.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginSessionTests {

    /** The variable that tags a session's processes. */
    private static final String TAG = "JIG_PROCESS_TAG";

    @TempDir
    Path tmp;

    private final String marker = Scripts.sleepMarker();

    @AfterEach
    void noLeftovers() {
        Scripts.killProcessesMentioning(marker);
    }

    private PluginSession start(String shellBody) throws IOException {
        Path plugin = Scripts.executable(tmp, "jig-test", "#!/bin/sh\n" + shellBody + "\n");
        return PluginSession.start(List.of(plugin.toString(), "--jig-protocol"), System.getenv(), tmp, TAG);
    }

    /** Waits until the sleeper with this test's marker runs, so that signals find it in place. */
    private void awaitSleeper() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (Scripts.processesMentioning(marker).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the plugin never started its sleeper");
            Thread.sleep(10);
        }
    }

    @Test
    void sendsAndReceivesLines() throws Exception {
        try (PluginSession session = start("exec cat")) {
            Message.Request request = new Message.Request(Id.of(1), "initialize",
                    Json.mapper().readTree("{\"protocolVersions\":[1]}"));

            session.send(request);

            Inbound inbound = session.next(Duration.ofSeconds(5)).orElseThrow();
            assertEquals(request, assertInstanceOf(Inbound.Received.class, inbound).message());
        }
    }

    @Test
    void aReadGivesUpAtItsDeadline() throws Exception {
        try (PluginSession session = start("exec sleep " + marker)) {
            long start = System.nanoTime();

            Optional<Inbound> next = session.next(Duration.ofMillis(300));

            long tookMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertEquals(Optional.empty(), next);
            assertTrue(tookMillis >= 250 && tookMillis < 2000, tookMillis + " ms");
        }
    }

    @Test
    void theEndOfTheStreamIsReportedToEveryLaterRead() throws Exception {
        try (PluginSession session = start("echo '{\"jsonrpc\":\"2.0\",\"method\":\"log\"}'\nexit 3")) {
            assertInstanceOf(Inbound.Received.class, session.next(Duration.ofSeconds(5)).orElseThrow());
            for (int i = 0; i < 3; i++) {
                assertInstanceOf(Inbound.EndOfStream.class, session.next(Duration.ofSeconds(5)).orElseThrow());
            }
            assertTrue(session.awaitExit(Duration.ofSeconds(5)));
            assertEquals(Optional.of(3), session.exitStatus());
        }
    }

    @Test
    void theExitStatusIsEmptyWhileItRuns() throws Exception {
        try (PluginSession session = start("exec sleep " + marker)) {
            assertEquals(Optional.empty(), session.exitStatus());
            assertFalse(session.awaitExit(Duration.ofMillis(100)));
        }
    }

    @Test
    void closeEndsAPluginThatExitsOnEofAtOnce() throws Exception {
        PluginSession session = start("cat > /dev/null\nexit 0");
        long start = System.nanoTime();

        session.close();

        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(PluginSession.GRACE) < 0);
        assertEquals(Optional.of(0), session.exitStatus());
    }

    @Test
    void closeTerminatesAPluginThatIgnoresEof() throws Exception {
        PluginSession session = start("exec sleep " + marker);
        awaitSleeper();
        long start = System.nanoTime();

        session.close();

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(PluginSession.GRACE) >= 0, "EOF first, then a grace period: " + took);
        assertTrue(took.compareTo(PluginSession.GRACE.plusMillis(800)) < 0, "SIGTERM worked: " + took);
        assertEquals(Optional.of(128 + 15), session.exitStatus(), "ended by SIGTERM");
    }

    @Test
    void closeKillsAPluginThatIgnoresEofAndSigterm() throws Exception {
        PluginSession session = start("trap '' TERM\nsleep " + marker + "\necho done");
        awaitSleeper();
        long start = System.nanoTime();

        session.close();

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Duration steps = PluginSession.GRACE.plus(ProcessTree.GRACE);
        assertTrue(took.compareTo(steps) >= 0, "EOF, then SIGTERM, then SIGKILL: " + took);
        assertTrue(took.compareTo(steps.plusMillis(1500)) < 0, "took " + took);
        // close() sends SIGKILL without waiting for it to land.
        assertTrue(session.awaitExit(Duration.ofMillis(500)), "still running after SIGKILL");
        assertEquals(Optional.of(128 + 9), session.exitStatus(), "ended by SIGKILL");
        // The sleeper inherited the ignored SIGTERM: only SIGKILL ends it too.
        assertEquals(List.of(), Scripts.survivorsMentioning(marker, Duration.ofSeconds(1)));
    }

    @Test
    void closeIsIdempotent() throws Exception {
        PluginSession session = start("exec sleep " + marker);
        session.close();
        Optional<Integer> status = session.exitStatus();
        long start = System.nanoTime();

        session.close();
        session.close();

        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 200);
        assertTrue(status.isPresent());
        assertEquals(status, session.exitStatus());
    }

    @Test
    void killEndsTheTreeAtOnceAndCloseAfterwardsDoesNothing() throws Exception {
        PluginSession session = start("sleep " + marker + " &\nsleep " + marker);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (Scripts.processesMentioning(marker).size() < 2) {
            assertTrue(System.nanoTime() < deadline, "the plugin never started both sleepers");
            Thread.sleep(10);
        }
        long start = System.nanoTime();

        session.kill();
        session.close();

        assertTrue(session.awaitExit(Duration.ofSeconds(1)));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(PluginSession.GRACE) < 0);
        assertEquals(Optional.of(128 + 9), session.exitStatus());
        assertEquals(List.of(), Scripts.survivorsMentioning(marker, Duration.ofSeconds(1)));
    }

    @Test
    void sendingToAPluginThatIsGoneFails() throws Exception {
        PluginSession session = start("exit 0");
        assertTrue(session.awaitExit(Duration.ofSeconds(5)));
        session.close();

        assertThrows(IOException.class, () -> session.send(new Message.Notification("log", null)));
    }

    @Test
    void stderrTailKeepsShortOutputWhole() throws Exception {
        try (PluginSession session = start("echo 'first line' >&2\necho 'second line' >&2\nexit 1")) {
            assertTrue(session.awaitExit(Duration.ofSeconds(5)));

            assertEquals("first line\nsecond line", awaitStderr(session, "second line"));
        }
    }

    @Test
    void stderrTailKeepsOnlyTheTail() throws Exception {
        // 1000 numbered lines, 10 bytes each, then an end mark: far more than is kept.
        try (PluginSession session = start("i=1000\nwhile [ $i -lt 2000 ]; do echo \"line $i\" >&2; i=$((i + 1)); done\n"
                + "echo 'THE END' >&2")) {
            assertTrue(session.awaitExit(Duration.ofSeconds(10)));

            String tail = awaitStderr(session, "THE END");

            assertTrue(tail.endsWith("line 1999\nTHE END"), tail);
            assertFalse(tail.contains("line 1000"), tail);
            assertTrue(tail.length() <= 2048, "kept " + tail.length());
            assertTrue(tail.length() >= 1500, "kept only " + tail.length());
            List<String> lines = tail.lines().toList();
            // Whole lines after the first (which may be cut), consecutive, up to the end.
            for (int i = 1; i < lines.size() - 1; i++) {
                assertEquals("line " + (2000 - lines.size() + 1 + i), lines.get(i));
            }
        }
    }

    @Test
    void stderrTailIsEmptyWhenNothingWasWritten() throws Exception {
        try (PluginSession session = start("exit 0")) {
            assertTrue(session.awaitExit(Duration.ofSeconds(5)));
            Thread.sleep(50);
            assertEquals("", session.stderrTail());
        }
    }

    @Test
    void theEnvironmentIsExactlyTheOneGiven() throws Exception {
        Path plugin = Scripts.executable(tmp, "jig-env", "#!/bin/sh\necho \"$ONLY_THIS-${HOME:-nohome}\" >&2\n");
        try (PluginSession session = PluginSession.start(List.of(plugin.toString()),
                java.util.Map.of("ONLY_THIS", "yes", "PATH", "/usr/bin:/bin"), tmp, TAG)) {
            assertTrue(session.awaitExit(Duration.ofSeconds(5)));
            assertEquals("yes-nohome", awaitStderr(session, "yes"));
        }
    }

    @Test
    void aMissingExecutableFailsToStart() {
        assertThrows(IOException.class, () -> PluginSession.start(List.of(tmp.resolve("missing").toString()),
                System.getenv(), tmp, TAG));
    }

    /** The stderr tail once it holds {@code end}: the drain thread may lag the exit a little. */
    private static String awaitStderr(PluginSession session, String end) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String tail = session.stderrTail();
        while (!tail.endsWith(end) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            tail = session.stderrTail();
        }
        return tail;
    }

    @Test
    void aMissingWorkingDirectoryFailsToStart() throws Exception {
        Path gone = Files.createDirectories(tmp.resolve("gone"));
        Files.delete(gone);
        Path plugin = Scripts.executable(tmp, "jig-x", "#!/bin/sh\nexit 0\n");

        assertThrows(IOException.class, () -> PluginSession.start(List.of(plugin.toString()), System.getenv(), gone, TAG));
    }
}
