package dev.jig.host.hook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.host.metadata.Text;
import dev.jig.host.session.PluginSession;
import dev.jig.protocol.ErrorCodes;
import dev.jig.protocol.Id;
import dev.jig.protocol.Message;
import dev.jig.protocol.Payloads;
import dev.jig.protocol.Protocol;
import dev.jig.protocol.RpcError;
import dev.jig.protocol.codec.Inbound;
import dev.jig.protocol.method.CliInfo;
import dev.jig.protocol.method.HookParams;
import dev.jig.protocol.method.InitializeParams;
import dev.jig.protocol.method.InitializeResult;
import dev.jig.protocol.method.LogParams;
import dev.jig.protocol.method.Methods;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One hook plugin in protocol mode for the length of an invocation: started and initialized
 * once, then asked about each event it wants. Every wait has a deadline; a plugin that fails
 * once is killed and asked nothing more.
 */
final class HookSession implements AutoCloseable {

    /** Log lines accepted while waiting for one reply; a flood is a failure. */
    private static final int MAX_NOTIFICATIONS = 1000;

    private final PluginSession session;
    private final Duration timeout;
    private final Consumer<LogParams> log;
    private final Ended ended;
    private final List<String> events = new ArrayList<>();
    private final AtomicBoolean over = new AtomicBoolean();
    private int nextId = 1;

    /** Told once when a session is over, closed or killed (for the audit log). */
    @FunctionalInterface
    interface Ended {
        /**
         * @param events     the events it was asked about, in order
         * @param exitStatus its exit status; empty when it was killed or the status is unknown
         */
        void ended(List<String> events, Optional<Integer> exitStatus);

        Ended NOTHING = (events, exitStatus) -> { };
    }

    private HookSession(PluginSession session, Duration timeout, Consumer<LogParams> log, Ended ended) {
        this.session = session;
        this.timeout = timeout;
        this.log = log;
        this.ended = ended;
    }

    /**
     * Starts a plugin in protocol mode and completes the handshake.
     *
     * @param session the started process
     * @param config  what the plugin may read of the configuration, sent with {@code initialize}
     * @param log     receives the plugin's log lines
     * @throws HookFailure when it does not complete the handshake in time; the process is then killed
     */
    static HookSession initialize(PluginSession session, CliInfo cli, JsonNode config, Duration timeout,
                                  Consumer<LogParams> log) throws HookFailure, InterruptedException {
        return initialize(session, cli, config, timeout, log, Ended.NOTHING);
    }

    /** Like {@link #initialize(PluginSession, CliInfo, JsonNode, Duration, Consumer)}, telling {@code ended} when the session is over. */
    static HookSession initialize(PluginSession session, CliInfo cli, JsonNode config, Duration timeout,
                                  Consumer<LogParams> log, Ended ended) throws HookFailure, InterruptedException {
        HookSession hooks = new HookSession(session, timeout, log, ended);
        try {
            JsonNode reply = hooks.request(Methods.INITIALIZE,
                    Payloads.tree(new InitializeParams(Protocol.VERSIONS, cli, config)), "initialize");
            InitializeResult result = read(reply, InitializeResult.class, "initialize");
            if (!Protocol.VERSIONS.contains(result.protocolVersion())) {
                throw hooks.failure("picked protocol version " + result.protocolVersion() + ", which was not offered");
            }
        } catch (HookFailure e) {
            if (!e.fatal()) {
                throw hooks.failure(e.getMessage()); // a session without a handshake is no session
            }
            throw e;
        }
        return hooks;
    }

    /**
     * Asks the plugin about one event.
     *
     * @throws HookFailure when it does not answer in time, or answers an error or something
     *                     that is not a hook result; the process is then killed
     */
    JsonNode call(HookParams params) throws HookFailure, InterruptedException {
        synchronized (events) {
            events.add(params.event());
        }
        return object(request(Methods.HOOK, Payloads.tree(params), params.event()), params.event());
    }

    /**
     * Asks the plugin {@code method}, a request other than a hook (such as {@code complete}).
     *
     * @throws HookFailure as {@link #call(HookParams)}
     */
    JsonNode ask(String method, JsonNode params) throws HookFailure, InterruptedException {
        return object(request(method, params, method), method);
    }

    /** Ends the session at once: the whole process tree is killed, without the grace of {@link #close()}. */
    void abort() {
        session.kill();
        over();
    }

    /** A result must be an object; anything else fails the hook but leaves the stream, and the session, intact. */
    private static JsonNode object(JsonNode reply, String what) throws HookFailure {
        if (!reply.isObject()) {
            throw new HookFailure("answered " + what + " with " + reply.getNodeType().toString().toLowerCase()
                    + " instead of an object", false);
        }
        return reply;
    }

    /** Reads a result; a malformed one fails the hook but leaves the stream, and the session, intact. */
    private static <T> T read(JsonNode reply, Class<T> type, String what) throws HookFailure {
        object(reply, what);
        try {
            return Payloads.read(reply, type);
        } catch (IllegalArgumentException e) {
            throw new HookFailure("answered " + what + " with a malformed result: " + Text.oneLine(e.getMessage()), false);
        }
    }

    /** Sends a request and waits for its reply, passing on log lines meanwhile. */
    private JsonNode request(String method, JsonNode params, String what) throws HookFailure, InterruptedException {
        Id id = Id.of(nextId++);
        try {
            session.send(new Message.Request(id, method, params));
        } catch (IOException e) {
            throw failure(ended("stopped reading its input", "before it could be asked about " + what));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        int notifications = 0;
        while (true) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            Optional<Inbound> next = left.isNegative() ? Optional.empty() : session.next(left);
            if (next.isEmpty()) {
                throw failure("did not answer " + what + " within " + timeout.toMillis() + " ms");
            }
            if (next.get() instanceof Inbound.EndOfStream) {
                throw failure(ended("closed its output", "without answering " + what));
            }
            if (next.get() instanceof Inbound.Rejected rejected) {
                throw failure("wrote '" + rejected.excerpt() + "' on stdout, which is not protocol (use stderr)");
            }
            Message message = ((Inbound.Received) next.get()).message();
            if (message instanceof Message.Notification notification) {
                if (++notifications > MAX_NOTIFICATIONS) {
                    throw failure("sent more than " + MAX_NOTIFICATIONS + " notifications without answering " + what);
                }
                logged(notification);
            } else if (message instanceof Message.Request request) {
                answerUnknown(request); // no host methods in version 1
            } else if (message instanceof Message.Response response) {
                requireId(response.id(), id, what);
                return response.result();
            } else if (message instanceof Message.ErrorResponse error) {
                if (error.id() == null) {
                    continue; // a generic library's answer to a line it could not read: ignored (§3)
                }
                requireId(error.id(), id, what);
                throw new HookFailure("answered " + what + " with error " + error.error().code() + ": "
                        + Text.oneLine(error.error().message())
                        + (error.error().code() == ErrorCodes.METHOD_NOT_FOUND ? " (it lists the event but does not implement it)" : ""),
                        false);
            }
        }
    }

    private void logged(Message.Notification notification) {
        if (Methods.LOG.equals(notification.method()) && notification.params() != null) {
            try {
                log.accept(Payloads.read(notification.params(), LogParams.class));
            } catch (IllegalArgumentException e) {
                // A malformed log line is dropped: it must not cost the hook its answer.
            }
        }
    }

    private void answerUnknown(Message.Request request) throws HookFailure, InterruptedException {
        try {
            session.send(new Message.ErrorResponse(request.id(),
                    RpcError.of(ErrorCodes.METHOD_NOT_FOUND, "method not found: " + request.method())));
        } catch (IOException e) {
            throw failure(ended("stopped reading its input", "while it was asked a question"));
        }
    }

    private void requireId(Id got, Id expected, String what) throws HookFailure {
        if (!expected.equals(got)) {
            throw failure("answered " + what + " with id " + got + ", expected " + expected);
        }
    }

    /**
     * Why the stream ended: the exit status when the plugin exited, else {@code alive} (what it
     * did instead); then {@code when}.
     */
    private String ended(String alive, String when) throws InterruptedException {
        session.awaitExit(PluginSession.GRACE);
        // What it said on stderr has been shown already, line by line.
        return session.exitStatus().map(status -> "exited with status " + status).orElse(alive) + " " + when;
    }

    /** A failure that ends the session: the plugin is killed. */
    private HookFailure failure(String reason) {
        session.kill();
        over();
        return new HookFailure(reason, true);
    }

    /** Ends the session in order: EOF, then SIGTERM, then SIGKILL. */
    @Override
    public void close() {
        session.close();
        over();
    }

    private void over() {
        if (over.compareAndSet(false, true)) {
            List<String> asked;
            synchronized (events) {
                asked = List.copyOf(events);
            }
            ended.ended(asked, session.exitStatus());
        }
    }
}
