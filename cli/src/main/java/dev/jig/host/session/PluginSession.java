package dev.jig.host.session;

import dev.jig.host.exec.EnvironmentDelta;
import dev.jig.host.exec.ProcessTree;
import dev.jig.protocol.Message;
import dev.jig.protocol.codec.Inbound;
import dev.jig.protocol.codec.JsonLinesReader;
import dev.jig.protocol.codec.JsonLinesWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One plugin process in protocol mode.
 *
 * <p>A daemon thread reads stdout line by line into a small queue, so a read can give up at a
 * deadline even when the plugin (or a grandchild holding its stdout) never writes or closes.
 * {@link #close()} is the orderly shutdown of the protocol: EOF on stdin, then after {@link #GRACE}
 * SIGTERM, then after {@link ProcessTree#GRACE} SIGKILL; {@link #kill()} skips straight to
 * SIGKILL. Either ends the plugin's whole {@link ProcessTree}. A session still open when the JVM
 * exits is killed with its tree by a shutdown hook.
 */
public final class PluginSession implements AutoCloseable {

    /** How long the plugin gets to exit after the end of its input. */
    public static final Duration GRACE = Duration.ofSeconds(1);

    private final ProcessTree tree;
    private final Process process;
    private final JsonLinesWriter writer;
    private final BlockingQueue<Inbound> inbound = new ArrayBlockingQueue<>(16);
    private final StderrTail stderr;
    private volatile boolean closed;

    private PluginSession(ProcessTree tree, StderrTail stderr) {
        this.tree = tree;
        this.process = tree.process();
        this.writer = new JsonLinesWriter(process.getOutputStream());
        this.stderr = stderr;
        Thread reader = new Thread(() -> pump(process.getInputStream()), "plugin-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code command} with piped stdin and stdout; stderr is kept (its tail) for
     * diagnostics.
     *
     * @param environment the complete environment the plugin sees, but for the tag
     * @param tagVariable the variable that tags the plugin's processes (see {@link ProcessTree})
     */
    public static PluginSession start(List<String> command, Map<String, String> environment, Path workingDirectory,
                                      String tagVariable) throws IOException {
        return start(command, environment, workingDirectory, tagVariable, null);
    }

    /**
     * Like {@link #start(List, Map, Path, String)}, passing each line the plugin writes on stderr
     * to {@code stderrLines} as it comes (on another thread).
     */
    public static PluginSession start(List<String> command, Map<String, String> environment, Path workingDirectory,
                                      String tagVariable, Consumer<String> stderrLines) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        EnvironmentDelta.apply(builder.environment(), environment);
        LiveSessions.watch(); // before the start: an exit right after it must find the session
        ProcessTree tree = ProcessTree.start(builder, tagVariable);
        PluginSession session = new PluginSession(tree, StderrTail.follow(tree.process(), stderrLines));
        LiveSessions.add(session);
        return session;
    }

    /** Sends one message. */
    public void send(Message message) throws IOException {
        writer.write(message);
    }

    /** The plugin's process id. */
    public long pid() {
        return process.pid();
    }

    /**
     * The next line from the plugin, or empty when {@code timeout} passed first. After the end
     * of the stream, every call returns {@link Inbound.EndOfStream}.
     */
    public Optional<Inbound> next(Duration timeout) throws InterruptedException {
        Inbound next = inbound.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (next instanceof Inbound.EndOfStream) {
            inbound.offer(next); // stays at the end for later callers
        }
        return Optional.ofNullable(next);
    }

    /** The last lines the plugin wrote on stderr, for an error message. */
    public String stderrTail() {
        return stderr.text();
    }

    /**
     * The last line the plugin wrote on stderr, where a traceback or an error message says what
     * went wrong; for a plugin that has exited, once all it wrote has been read (100 ms at most).
     */
    public Optional<String> lastStderrLine() throws InterruptedException {
        if (!process.isAlive()) {
            stderr.awaitDrained(Duration.ofMillis(100));
        }
        return stderr.text().lines().reduce((first, last) -> last).map(String::strip).filter(line -> !line.isEmpty());
    }

    /** The exit status, once the process has ended. */
    public Optional<Integer> exitStatus() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /** Waits for the process to end, at most {@code timeout}. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Closes the plugin's stdin: the end of file that asks it to exit (PROTOCOL.md §9), nothing more. */
    public void closeInput() {
        closeQuietly(process.getOutputStream());
    }

    /** Kills the process and its whole tree (SIGKILL), without waiting for an orderly exit. */
    public void kill() {
        closed = true;
        tree.terminate(Duration.ZERO);
        closeQuietly(process.getOutputStream());
        LiveSessions.remove(this);
    }

    /**
     * EOF, then after {@link #GRACE} SIGTERM, then SIGKILL; the whole tree. When the plugin exits
     * on EOF, what it was seen to start and leaves running is ended the same way. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        tree.observe(); // before an exit re-parents them
        try {
            closeQuietly(process.getOutputStream());
            if (process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                tree.terminateKnown(ProcessTree.GRACE); // the usual end: no scan of every process
            } else {
                tree.terminate(ProcessTree.GRACE);
            }
        } catch (InterruptedException e) {
            tree.terminate(Duration.ZERO);
            Thread.currentThread().interrupt();
        } finally {
            LiveSessions.remove(this);
        }
    }

    private void pump(InputStream stdout) {
        JsonLinesReader reader = new JsonLinesReader(stdout);
        try {
            Inbound next;
            do {
                next = readOrEnd(reader);
                while (!inbound.offer(next, 50, TimeUnit.MILLISECONDS)) {
                    if (closed) {
                        return; // nobody will read it: let the thread end
                    }
                }
            } while (!(next instanceof Inbound.EndOfStream));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A read error (the pipe broke) is the end of the stream, queued like any other. */
    private static Inbound readOrEnd(JsonLinesReader reader) {
        try {
            return reader.read();
        } catch (IOException e) {
            return new Inbound.EndOfStream();
        }
    }

    private static void closeQuietly(OutputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // the plugin is gone already: nothing left to tell it
        }
    }
}
