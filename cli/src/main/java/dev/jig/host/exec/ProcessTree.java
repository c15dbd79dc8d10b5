package dev.jig.host.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A plugin process and every process it started, ended together: SIGTERM to all of them, a
 * grace period, then SIGKILL to whatever is left.
 *
 * <p>A process whose parent exited is re-parented and is no longer a descendant, so members are
 * found three ways: the plugin's descendants now; descendants remembered by {@link #observe()}
 * while it ran; and, where {@code /proc} exists, every process whose environment carries this
 * tree's tag, a random value that children inherit (a double-forked daemon too) unless they
 * clear their environment. {@link ProcessHandle} knows a process by its start time as well as
 * its pid, so a remembered process whose pid was reused is never signalled.
 */
public final class ProcessTree {

    /** How long the processes get between SIGTERM and SIGKILL. */
    public static final Duration GRACE = Duration.ofSeconds(2);

    /** How long to wait for processes to vanish after each SIGKILL. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(1);

    /** SIGKILL rounds, for processes forked while the previous round was under way. */
    private static final int KILL_ROUNDS = 5;

    private static final Path PROC = Path.of("/proc");

    private final Process process;
    private final byte[] tag;
    private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();

    private ProcessTree(Process process, byte[] tag) {
        this.process = process;
        this.tag = tag;
    }

    /** The variable that carries the tag: {@code <PREFIX>PROCESS_TAG}. */
    public static String tagVariable(String envPrefix) {
        return envPrefix + "PROCESS_TAG";
    }

    /**
     * Starts {@code builder}'s command with a fresh tag in {@code tagVariable}.
     *
     * @throws IOException when the operating system cannot start it
     */
    public static ProcessTree start(ProcessBuilder builder, String tagVariable) throws IOException {
        String value = UUID.randomUUID().toString();
        builder.environment().put(tagVariable, value);
        Process process = builder.start();
        return new ProcessTree(process, (tagVariable + "=" + value).getBytes(StandardCharsets.UTF_8));
    }

    /** The plugin process itself. */
    public Process process() {
        return process;
    }

    /** Remembers the plugin's descendants now, so they can be ended after they are re-parented. */
    public void observe() {
        process.descendants().forEach(seen::add);
    }

    /**
     * Ends the plugin and every member still running: SIGTERM, up to {@code grace} for all to
     * exit, then SIGKILL until none is left (a zero grace skips SIGTERM). Returns when they are
     * gone, or after a bounded wait for ones the kernel has not removed yet.
     */
    public void terminate(Duration grace) {
        end(grace, true);
    }

    /**
     * Like {@link #terminate(Duration)}, for only the members known without looking through
     * every process for the tag: the plugin's descendants now and those {@link #observe()}
     * remembered. For the frequent, orderly end of a plugin, where a scan of every process would
     * cost more than the end itself.
     */
    public void terminateKnown(Duration grace) {
        end(grace, false);
    }

    private void end(Duration grace, boolean tagged) {
        boolean interrupted = false;
        if (!grace.isZero()) {
            Set<ProcessHandle> members = members(tagged);
            members.forEach(ProcessHandle::destroy);
            interrupted = !awaitGone(members, grace);
        }
        for (int round = 0; round < KILL_ROUNDS; round++) {
            Set<ProcessHandle> left = members(tagged);
            if (left.isEmpty()) {
                break;
            }
            left.forEach(ProcessHandle::destroyForcibly);
            interrupted |= !awaitGone(left, KILL_WAIT);
        }
        try {
            process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS); // reaped: its exit status is known
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The running members, the plugin itself first (with {@code tagged}, those carrying the tag too): a parent signalled before its children
     * cannot react to their end (by exiting with a status of its choosing, or starting others).
     */
    Set<ProcessHandle> members(boolean tagged) {
        Set<ProcessHandle> members = new LinkedHashSet<>();
        if (process.isAlive()) {
            // Listing descendants reads every process's status; an ended plugin has none left
            // (they were re-parented), so the usual end of a session costs no such scan.
            members.add(process.toHandle());
            process.descendants().forEach(members::add);
        }
        members.addAll(seen);
        if (tagged && Files.isDirectory(PROC)) {
            try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
                all.filter(this::tagged).forEach(members::add);
            }
        }
        for (ProcessHandle member : List.copyOf(members)) {
            member.descendants().forEach(members::add); // children of a re-parented member
        }
        members.remove(ProcessHandle.current());
        members.removeIf(member -> !running(member));
        seen.removeIf(member -> !running(member));
        return members;
    }

    /** Whether the process's environment, as it was started, holds the tag. */
    private boolean tagged(ProcessHandle handle) {
        try {
            return carries(Files.readAllBytes(PROC.resolve(Long.toString(handle.pid())).resolve("environ")), tag);
        } catch (IOException | SecurityException e) {
            return false; // gone, or another user's: not ours to end
        }
    }

    /** Whether {@code environ} (NUL-separated {@code NAME=value} entries) holds {@code entry} exactly. */
    static boolean carries(byte[] environ, byte[] entry) {
        int start = 0;
        while (start <= environ.length) {
            int end = start;
            while (end < environ.length && environ[end] != 0) {
                end++;
            }
            if (Arrays.equals(environ, start, end, entry, 0, entry.length)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /**
     * Running, not a zombie: an orphan's zombie waits for a reaper that may be slow or absent,
     * and it holds nothing any more.
     */
    static boolean running(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(handle.pid())).resolve("stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return handle.isAlive(); // no procfs: the JDK's word
        }
    }

    /** Waits until none of {@code members} runs, at most {@code timeout}; false when interrupted. */
    private static boolean awaitGone(Set<ProcessHandle> members, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<ProcessHandle> left = new LinkedHashSet<>(members);
        while (true) {
            left.removeIf(member -> !running(member));
            if (left.isEmpty() || System.nanoTime() - deadline >= 0) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return false;
            }
        }
    }
}
