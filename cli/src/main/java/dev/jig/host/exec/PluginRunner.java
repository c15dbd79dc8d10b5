package dev.jig.host.exec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a plugin's command git-style: the plugin inherits stdin, stdout and stderr (a terminal
 * stays a terminal), gets its arguments verbatim, and its exit status is returned unchanged
 * ({@code 128 + N} when signal N killed it).
 *
 * <p>A run with a time limit is watched: its descendants are remembered as they appear, and
 * when the limit passes its whole {@link ProcessTree} is ended. A run without one is only waited for.
 */
public final class PluginRunner {

    /** How often a limited run's descendants are looked at, so that they can be ended once re-parented. */
    private static final Duration WATCH = Duration.ofMillis(200);

    /**
     * A wall-clock limit for a run.
     *
     * @param duration    how long the plugin may run
     * @param tagVariable the variable that tags its processes (see {@link ProcessTree})
     */
    public record Limit(Duration duration, String tagVariable) {
    }

    /**
     * How a run ended.
     *
     * @param status   the plugin's exit status ({@code 128 + N} when signal N ended it)
     * @param timedOut whether its limit passed and its processes were ended
     */
    public record Result(int status, boolean timedOut) {
    }

    private PluginRunner() {
    }

    /**
     * Runs {@code command} followed by {@code args} and waits for it, relaying SIGINT, SIGTERM
     * and SIGHUP meanwhile.
     *
     * @param command     how to start the plugin: its executable, or a manifest's run vector
     * @param environment the complete environment it sees
     * @param limit       how long it may run; when that passes, it and every process it started
     *                    get SIGTERM, then after {@link ProcessTree#GRACE} SIGKILL
     * @param sandboxed   whether {@code command} starts bwrap, which runs the plugin as its
     *                    grandchild: signals go to the plugin, since bwrap would only die of them
     * @param started     called once the operating system has started it
     * @throws PluginLaunchException when the operating system cannot start it
     */
    public static Result run(List<String> command, List<String> args, Map<String, String> environment,
                             Path workingDirectory, Optional<Limit> limit, boolean sandboxed, Runnable started)
            throws PluginLaunchException {
        List<String> argv = new ArrayList<>(command);
        argv.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(argv).directory(workingDirectory.toFile()).inheritIO();
        EnvironmentDelta.apply(builder.environment(), environment);

        ProcessTree tree = null;
        Process process;
        try {
            if (limit.isPresent()) {
                tree = ProcessTree.start(builder, limit.get().tagVariable());
                process = tree.process();
            } else {
                process = builder.start();
            }
        } catch (IOException e) {
            throw new PluginLaunchException(Path.of(command.get(0)), reason(e), e);
        }
        try (SignalRelay relay = SignalRelay.forwardTo(process, sandboxed ? PluginRunner::grandchild : Process::toHandle)) {
            started.run();
            return tree == null ? new Result(waitUninterruptibly(process), false) : watch(tree, limit.get().duration());
        }
    }

    /** Waits for the plugin until {@code limit} passes, remembering its descendants; then ends its tree. */
    private static Result watch(ProcessTree tree, Duration limit) {
        Process process = tree.process();
        long deadline = System.nanoTime() + limit.toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0 && process.isAlive()) {
                    tree.terminate(ProcessTree.GRACE);
                    return new Result(waitUninterruptibly(process), true);
                }
                try {
                    if (process.waitFor(Math.max(0, Math.min(left, WATCH.toNanos())), TimeUnit.NANOSECONDS)) {
                        return new Result(process.exitValue(), false);
                    }
                } catch (InterruptedException e) {
                    interrupted = true; // the plugin still owns the terminal: keep waiting
                }
                tree.observe();
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** bwrap's sandboxed command: the child of its child (the sandbox's init); bwrap itself until both exist. */
    private static ProcessHandle grandchild(Process bwrap) {
        return bwrap.toHandle().children().flatMap(ProcessHandle::children).findFirst().orElse(bwrap.toHandle());
    }

    private static int waitUninterruptibly(Process process) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return process.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true; // the plugin still owns the terminal: keep waiting
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The JDK reports "Cannot run program ...: error=2, No such file or directory"; keep the cause. */
    public static String reason(IOException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        return message.replaceFirst("^error=\\d+, ", "");
    }
}
