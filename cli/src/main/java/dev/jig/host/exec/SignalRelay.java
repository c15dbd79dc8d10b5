package dev.jig.host.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While a plugin runs, catches SIGINT, SIGTERM and SIGHUP aimed at the host and passes them to
 * the plugin, so the host outlives the plugin and reports its exit status.
 *
 * <p>SIGINT and SIGHUP that come from the terminal (Ctrl-C, hang-up) reach the whole foreground
 * process group, plugin included; they are forwarded only when the host is not in that group.
 * A signal ignored when the host started (e.g. SIGINT under {@code nohup} or {@code &}) stays
 * ignored, as POSIX asks of a well-behaved program; the plugin inherits that disposition too.
 */
final class SignalRelay implements AutoCloseable {

    private static final List<String> FORWARDED = List.of("INT", "TERM", "HUP");
    private static final List<Path> KILL = List.of(Path.of("/bin/kill"), Path.of("/usr/bin/kill"));

    private final Process child;
    private final Function<Process, ProcessHandle> target;
    private final List<Signal> installed = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private SignalRelay(Process child, Function<Process, ProcessHandle> target) {
        this.child = child;
        this.target = target;
    }

    /**
     * Starts relaying signals meant for {@code child} until {@link #close()}.
     *
     * @param target the process of {@code child}'s tree that gets them, found when one arrives
     */
    static SignalRelay forwardTo(Process child, Function<Process, ProcessHandle> target) {
        SignalRelay relay = new SignalRelay(child, target);
        for (String name : FORWARDED) {
            Signal signal = new Signal(name);
            try {
                relay.previous.add(Signal.handle(signal, relay::forward));
                relay.installed.add(signal);
            } catch (IllegalArgumentException e) {
                // The JVM reserves this signal (e.g. under -Xrs): the default action applies.
            }
        }
        return relay;
    }

    private void forward(Signal signal) {
        if (!child.isAlive()) {
            return;
        }
        if (!signal.getName().equals("TERM") && ForegroundGroup.isForeground()) {
            return;
        }
        ProcessHandle plugin = target.apply(child);
        if (signal.getName().equals("TERM")) {
            plugin.destroy(); // SIGTERM on POSIX, no helper process needed
            return;
        }
        send(signal.getName(), plugin);
    }

    /** Java cannot send SIGINT or SIGHUP itself; kill(1) can. */
    private void send(String name, ProcessHandle plugin) {
        for (Path kill : KILL) {
            if (Files.isExecutable(kill)) {
                try {
                    new ProcessBuilder(kill.toString(), "-s", name, Long.toString(plugin.pid()))
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start()
                            .waitFor();
                    return;
                } catch (IOException e) {
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        plugin.destroy(); // no kill(1): SIGTERM is the closest request to stop
    }

    @Override
    public void close() {
        for (int i = 0; i < installed.size(); i++) {
            Signal.handle(installed.get(i), previous.get(i));
        }
    }
}
