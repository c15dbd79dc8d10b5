package dev.jig.protocol;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A plugin process with line-based access to its stdin and stdout. */
final class PluginSession implements AutoCloseable {
    /** Generous for a cold interpreter on a busy machine; the protocol allows 5 seconds. */
    static final Duration REPLY = Duration.ofSeconds(10);
    /**
     * How long a plugin may take to exit after the end of its stdin: a plugin that ignores the
     * end hangs for ever, so this only needs to outlast a cold interpreter's start on a busy
     * machine (input may end before the plugin has read a byte); 2 s once did not.
     */
    static final Duration EXIT = Duration.ofSeconds(10);

    private final Process process;
    private final OutputStream stdin;
    private final Path stderr;
    private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();

    private PluginSession(Process process, Path stderr) {
        this.process = process;
        this.stdin = process.getOutputStream();
        this.stderr = stderr;
        Thread reader = new Thread(this::pump, "plugin-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code plugin} in its own directory, which also keeps its stderr. */
    static PluginSession start(Path plugin, List<String> arguments) throws IOException {
        return start(plugin, arguments, plugin.getParent());
    }

    /**
     * Starts {@code plugin} in {@code directory}, which also keeps its stderr, without the
     * host's {@code JIG_*} variables of the environment the tests run in.
     */
    static PluginSession start(Path plugin, List<String> arguments, Path directory) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(plugin.toString());
        command.addAll(arguments);
        Path stderr = Files.createTempFile(directory, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectError(stderr.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("JIG_"));
        return new PluginSession(builder.start(), stderr);
    }

    private void pump() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(Optional.of(line));
            }
        } catch (IOException e) {
            // the process went away; the end marker below says so
        }
        lines.add(Optional.empty());
    }

    void send(String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Sends one line and waits for the next line of output. */
    String exchange(String line) throws Exception {
        send(line);
        return next(line);
    }

    /** Waits for the next line of output, which answers {@code sent}. */
    String next(String sent) throws Exception {
        Optional<String> reply = lines.poll(REPLY.toMillis(), TimeUnit.MILLISECONDS);
        if (reply == null) {
            fail("no reply within " + REPLY + " to " + sent + "; stderr: " + stderr());
        }
        return reply.orElseThrow(() -> new AssertionError("stdout ended instead of a reply to " + sent + "; stderr: " + stderr()));
    }

    void closeInput() throws IOException {
        stdin.close();
    }

    int exitCode(Duration within) throws Exception {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("still running " + within + " after the end of its input");
        }
        return process.exitValue();
    }

    /** The lines left on stdout up to its end; call after the process exited. */
    List<String> remainingLines() throws InterruptedException {
        List<String> rest = new ArrayList<>();
        while (true) {
            Optional<String> line = lines.poll(REPLY.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                fail("stdout did not end");
            }
            if (line.isEmpty()) {
                return rest;
            }
            rest.add(line.get());
        }
    }

    String stderr() {
        try {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
