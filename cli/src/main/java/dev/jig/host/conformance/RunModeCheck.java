package dev.jig.host.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.host.exec.EnvironmentDelta;
import dev.jig.host.exec.ProcessTree;
import dev.jig.protocol.Protocol;
import dev.jig.protocol.codec.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the plugin as a user would, without the reserved argument: no arguments and an empty
 * stdin. It passes when it exits in time, whatever its status (a plugin may well want
 * arguments), and prints no protocol message: protocol mode is for {@code --jig-protocol} only.
 */
final class RunModeCheck {

    static final String NAME = "run mode";

    /** Lines of stdout looked at; the rest is read and dropped, so a flood cannot block the plugin. */
    private static final int MAX_LINES = 200;

    /** Bytes kept of one line. */
    private static final int MAX_LINE = 4096;

    private RunModeCheck() {
    }

    /** @param limit how long it may run: generous, since a run may do real work, but it must not wait for a peer */
    static CheckResult check(List<String> command, Map<String, String> environment, Path workingDirectory,
                             String tagVariable, Duration limit) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        EnvironmentDelta.apply(builder.environment(), environment);
        ProcessTree tree = ProcessTree.start(builder, tagVariable);
        Process process = tree.process();
        process.getOutputStream().close(); // no stdin: end of file at once
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> readLines(process.getInputStream(), lines), "run-mode-stdout");
        reader.setDaemon(true);
        reader.start();
        boolean exited = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        tree.observe();
        if (!exited) {
            tree.terminate(Duration.ZERO);
            return CheckResult.fail(NAME, "still running " + limit.toMillis() + " ms after it was started without"
                    + " arguments and with an empty stdin; without " + Protocol.ARGUMENT + " it must run its command"
                    + " and exit, not wait for the protocol");
        }
        reader.join(limit.toMillis() / 10); // a child may still hold stdout open
        tree.terminateKnown(Duration.ZERO);
        List<String> seen;
        synchronized (lines) {
            seen = List.copyOf(lines);
        }
        Optional<String> spoken = seen.stream().filter(RunModeCheck::isProtocol).findFirst();
        if (spoken.isPresent()) {
            return CheckResult.fail(NAME, "printed the protocol message " + Quote.of(spoken.get()) + " when run without "
                    + Protocol.ARGUMENT + "; it may speak the protocol only when that is its first argument");
        }
        return CheckResult.pass(NAME, "run without arguments and with an empty stdin, it exited with status "
                + process.exitValue() + " and printed no protocol message");
    }

    /** Whether {@code line} is a JSON-RPC message rather than the command's own output. */
    static boolean isProtocol(String line) {
        try {
            JsonNode node = Json.mapper().readTree(line);
            return node != null && node.isObject() && Protocol.JSONRPC.equals(node.path("jsonrpc").asText(null));
        } catch (IOException e) {
            return false;
        }
    }

    private static void readLines(InputStream stdout, List<String> lines) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (stdout) {
            int b;
            while ((b = stdout.read()) != -1) {
                if (b == '\n') {
                    keep(lines, line);
                } else if (line.size() < MAX_LINE) {
                    line.write(b);
                }
            }
            if (line.size() > 0) {
                keep(lines, line);
            }
        } catch (IOException e) {
            // the process is gone: what was read is all there is
        }
    }

    private static void keep(List<String> lines, ByteArrayOutputStream line) {
        synchronized (lines) {
            if (lines.size() < MAX_LINES) {
                lines.add(line.toString(StandardCharsets.UTF_8));
            }
        }
        line.reset();
    }
}
