package dev.jig.host.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.host.testing.Scripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProcessTreeTests {

    private static final String TAG = "JIG_PROCESS_TAG";

    @TempDir
    Path tmp;

    private final String marker = Scripts.sleepMarker();

    @AfterEach
    void noLeftovers() {
        Scripts.killProcessesMentioning(marker);
    }

    private ProcessTree start(String shellBody) throws IOException {
        Path script = Scripts.executable(tmp, "tree", "#!/bin/sh\n" + shellBody + "\n");
        return ProcessTree.start(new ProcessBuilder(script.toString()).directory(tmp.toFile()), TAG);
    }

    /** Waits until {@code count} processes carry this test's marker, so that signals find them in place. */
    private void awaitSleepers(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Scripts.processesMentioning(marker).stream().filter(ProcessTree::running).count() < count) {
            assertTrue(System.nanoTime() < deadline, "the script never started " + count + " sleepers");
            Thread.sleep(10);
        }
    }

    private List<ProcessHandle> survivors() throws InterruptedException {
        // A zombie holds nothing: it only waits for its new parent to reap it.
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        List<ProcessHandle> left = running();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            left = running();
        }
        return left;
    }

    private List<ProcessHandle> running() {
        return Scripts.processesMentioning(marker).stream().filter(ProcessTree::running).toList();
    }

    @Test
    void sigtermComesFirstAndSigkillEndsWhatIgnoresIt() throws Exception {
        Path log = tmp.resolve("log");
        // A child that notes SIGTERM and goes on, with a sleeper of its own; the root dies of SIGTERM.
        ProcessTree tree = start("(trap 'echo term >> " + log + "' TERM; while :; do sleep " + marker + " & wait; done) &\n"
                + "exec sleep " + marker);
        awaitSleepers(2);

        tree.terminate(Duration.ofMillis(500));

        assertEquals(List.of(), survivors());
        assertTrue(tree.process().waitFor(5, TimeUnit.SECONDS));
        assertEquals(128 + 15, tree.process().exitValue(), "the root was ended by SIGTERM");
        assertEquals("term\n", Files.readString(log), "the child saw SIGTERM, ignored it, and was killed");
    }

    @Test
    void aZeroGraceSendsOnlySigkill() throws Exception {
        Path log = tmp.resolve("log");
        ProcessTree tree = start("trap 'echo term >> " + log + "' TERM\nsleep " + marker + " & wait");
        awaitSleepers(1);

        tree.terminate(Duration.ZERO);

        assertEquals(List.of(), survivors());
        assertTrue(tree.process().waitFor(5, TimeUnit.SECONDS));
        assertEquals(128 + 9, tree.process().exitValue());
        assertFalse(Files.exists(log), "no SIGTERM");
    }

    @Test
    void aDoubleForkedChildIsFoundByItsTag() throws Exception {
        // The subshell exits at once: its sleeper is re-parented before anyone could see it as a descendant.
        ProcessTree tree = start("(setsid sleep " + marker + " &)\nexec sleep " + marker);
        awaitSleepers(2);

        tree.terminate(ProcessTree.GRACE);

        assertEquals(List.of(), survivors());
    }

    @Test
    void aDescendantThatClearedItsEnvironmentIsFoundWhenItWasObserved() throws Exception {
        ProcessTree tree = start("env -i sleep " + marker + " &\nread line");
        awaitSleepers(1);
        tree.observe();
        tree.process().getOutputStream().close(); // the root exits; its sleeper is re-parented
        assertTrue(tree.process().waitFor(5, TimeUnit.SECONDS));

        tree.terminate(ProcessTree.GRACE);

        assertEquals(List.of(), survivors());
    }

    @Test
    void aDescendantThatClearedItsEnvironmentIsOutOfReachWhenNeverObserved() throws Exception {
        ProcessTree tree = start("env -i sleep " + marker + " &\nread line");
        awaitSleepers(1);
        tree.process().getOutputStream().close();
        assertTrue(tree.process().waitFor(5, TimeUnit.SECONDS));

        tree.terminate(ProcessTree.GRACE);

        assertEquals(1, running().size(), "neither a descendant nor tagged: the limit of what can be found");
    }

    @Test
    void terminateKnownLeavesTheSearchForTheTagOut() throws Exception {
        // The subshell runs in the foreground: once it is over, its sleeper has been re-parented.
        ProcessTree tree = start("(setsid sleep " + marker + " &)\nsleep " + marker + " &\nread line");
        awaitSleepers(2);
        tree.observe();
        tree.process().getOutputStream().close();
        assertTrue(tree.process().waitFor(5, TimeUnit.SECONDS));

        tree.terminateKnown(ProcessTree.GRACE);

        assertEquals(1, survivorsBeyond(1).size(), "the observed sleeper is gone, the daemon is not");
        tree.terminate(ProcessTree.GRACE);
        assertEquals(List.of(), survivors());
    }

    /** The running sleepers once at most {@code expected} are left, waiting a moment for the others to go. */
    private List<ProcessHandle> survivorsBeyond(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        List<ProcessHandle> left = running();
        while (left.size() > expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            left = running();
        }
        return left;
    }

    @Test
    void terminatingAnEndedTreeReturnsAtOnce() throws Exception {
        ProcessTree tree = start("exit 3");
        assertTrue(tree.process().waitFor(5, TimeUnit.SECONDS));

        tree.terminate(ProcessTree.GRACE);

        assertEquals(3, tree.process().exitValue());
        assertEquals(List.of(), tree.members(true).stream().toList());
    }

    @Test
    void theTagIsMatchedAsAWholeEntry() {
        byte[] entry = bytes("JIG_PROCESS_TAG=abc");

        assertTrue(ProcessTree.carries(bytes("A=1\0JIG_PROCESS_TAG=abc\0B=2\0"), entry));
        assertTrue(ProcessTree.carries(bytes("JIG_PROCESS_TAG=abc\0"), entry));
        assertTrue(ProcessTree.carries(bytes("A=1\0JIG_PROCESS_TAG=abc"), entry), "no final NUL");
        assertFalse(ProcessTree.carries(bytes("JIG_PROCESS_TAG=abcd\0"), entry), "a longer value");
        assertFalse(ProcessTree.carries(bytes("XJIG_PROCESS_TAG=abc\0"), entry), "a longer name");
        assertFalse(ProcessTree.carries(bytes("A=JIG_PROCESS_TAG=abc\0"), entry), "inside another value");
        assertFalse(ProcessTree.carries(bytes(""), entry));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
