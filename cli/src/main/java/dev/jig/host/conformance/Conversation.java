package dev.jig.host.conformance;

import dev.jig.host.session.PluginSession;
import dev.jig.protocol.Id;
import dev.jig.protocol.Message;
import dev.jig.protocol.Payloads;
import dev.jig.protocol.Protocol;
import dev.jig.protocol.codec.Inbound;
import dev.jig.protocol.method.CliInfo;
import dev.jig.protocol.method.InitializeParams;
import dev.jig.protocol.method.Methods;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One protocol-mode session with the plugin under test, as the checker drives it: requests out,
 * replies awaited with a deadline. Lines on stdout that are not protocol messages are kept for
 * the stdout check; notifications are skipped, up to the protocol's limit.
 */
final class Conversation implements AutoCloseable {

    /** The id of {@code initialize}, as the host sends it. */
    static final Id INITIALIZE_ID = Id.of(1);

    /** Notifications accepted while waiting for one reply (PROTOCOL.md §8). */
    private static final int MAX_NOTIFICATIONS = 1000;

    /** Stray lines kept; a plugin that floods stdout with text is stopped after these. */
    private static final int MAX_STRAY = 100;

    /**
     * What waiting for a reply gave.
     *
     * @param reply   the reply, whatever its id; null when none came
     * @param ended   the plugin closed its stdout (or exited) without replying
     * @param flooded it sent more than the protocol allows before replying
     * @param elapsed how long the wait took
     */
    record Reply(Message reply, boolean ended, boolean flooded, Duration elapsed) {

        /** Whether a reply came. */
        boolean answered() {
            return reply != null;
        }
    }

    private final PluginSession session;
    private final List<String> stray = new ArrayList<>();

    private Conversation(PluginSession session) {
        this.session = session;
    }

    /** Starts {@code command} with the reserved argument appended. */
    static Conversation start(List<String> command, Map<String, String> environment, Path workingDirectory,
                              String tagVariable) throws IOException {
        List<String> argv = new ArrayList<>(command);
        argv.add(Protocol.ARGUMENT);
        return new Conversation(PluginSession.start(argv, environment, workingDirectory, tagVariable));
    }

    /**
     * Sends {@code initialize} offering {@code versions}, with {@code config} when not null (as
     * for hooks), and waits for the reply.
     */
    Reply initialize(List<Integer> versions, CliInfo cli, JsonNode config, Duration timeout) throws InterruptedException {
        InitializeParams params = new InitializeParams(versions, cli, config);
        return call(new Message.Request(INITIALIZE_ID, Methods.INITIALIZE, Payloads.tree(params)), timeout);
    }

    /** Sends {@code request} and waits for a reply, at most {@code timeout}. */
    Reply call(Message.Request request, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        try {
            session.send(request);
        } catch (IOException e) {
            // It stopped reading; what it wrote before still counts, and the wait reports the end.
        }
        long deadline = start + timeout.toNanos();
        int notifications = 0;
        while (true) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            Optional<Inbound> next = left.isNegative() ? Optional.empty() : session.next(left);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (next.isEmpty()) {
                return new Reply(null, false, false, elapsed);
            }
            if (next.get() instanceof Inbound.EndOfStream) {
                return new Reply(null, true, false, elapsed);
            }
            if (next.get() instanceof Inbound.Rejected rejected) {
                stray.add(rejected.excerpt());
                if (stray.size() > MAX_STRAY) {
                    return new Reply(null, false, true, elapsed);
                }
                continue;
            }
            Message message = ((Inbound.Received) next.get()).message();
            if (message instanceof Message.Notification || message instanceof Message.Request) {
                // Logs are allowed; a request from the plugin is not in version 1 and goes unanswered.
                if (++notifications > MAX_NOTIFICATIONS) {
                    return new Reply(null, false, true, elapsed);
                }
                continue;
            }
            if (message instanceof Message.ErrorResponse error && error.id() == null) {
                continue; // an answer to a line it could not read: ignored (PROTOCOL.md §3)
            }
            return new Reply(message, false, false, elapsed);
        }
    }

    /**
     * Closes the plugin's stdin and waits up to {@code grace} for it to exit, still reading its
     * stdout; the exit status, or empty when it was still running (it is killed then).
     */
    Optional<Integer> endInput(Duration grace) throws InterruptedException {
        session.closeInput();
        long deadline = System.nanoTime() + grace.toNanos();
        while (true) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            Optional<Inbound> next = left.isNegative() ? Optional.empty() : session.next(left);
            if (next.isEmpty()) {
                break;
            }
            if (next.get() instanceof Inbound.EndOfStream) {
                break;
            }
            if (next.get() instanceof Inbound.Rejected rejected && stray.size() < MAX_STRAY) {
                stray.add(rejected.excerpt());
            }
        }
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        if (session.awaitExit(left)) {
            return session.exitStatus();
        }
        session.kill();
        return Optional.empty();
    }

    /** The lines it wrote on stdout that are not protocol messages, in order (excerpts). */
    List<String> stray() {
        return List.copyOf(stray);
    }

    /** The last lines it wrote on stderr. */
    String stderrTail() {
        return session.stderrTail();
    }

    /** Ends the plugin and its process tree, at once. */
    @Override
    public void close() {
        session.kill();
    }
}
