package dev.jig.host.exec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a plugin's command git-style: the plugin inherits stdin, stdout and stderr (a terminal
 * stays a terminal), gets its arguments verbatim, and its exit status is returned unchanged
 * ({@code 128 + N} when signal N killed it).
 */
public final class PluginRunner {

    private PluginRunner() {
    }

    /**
     * Runs {@code command} followed by {@code args} and waits for it, relaying SIGINT, SIGTERM
     * and SIGHUP meanwhile.
     *
     * @param command     how to start the plugin: its executable, or a manifest's run vector
     * @param environment the complete environment it sees
     * @param started     called once the operating system has started it
     * @param sandboxed   whether {@code command} starts bwrap, which runs the plugin as its
     *                    grandchild: signals go to the plugin, since bwrap would only die of them
     * @return the plugin's exit status
     * @throws PluginLaunchException when the operating system cannot start it
     */
    public static int run(List<String> command, List<String> args, Map<String, String> environment,
                          Path workingDirectory, boolean sandboxed, Runnable started) throws PluginLaunchException {
        List<String> argv = new ArrayList<>(command);
        argv.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(argv).directory(workingDirectory.toFile()).inheritIO();
        EnvironmentDelta.apply(builder.environment(), environment);

        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new PluginLaunchException(Path.of(command.get(0)), reason(e), e);
        }
        try (SignalRelay relay = SignalRelay.forwardTo(process, sandboxed ? PluginRunner::grandchild : Process::toHandle)) {
            started.run();
            return waitUninterruptibly(process);
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
