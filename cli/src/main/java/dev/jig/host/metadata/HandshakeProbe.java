package dev.jig.host.metadata;

import dev.jig.protocol.ErrorCodes;
import dev.jig.protocol.Id;
import dev.jig.protocol.Message;
import dev.jig.protocol.Payloads;
import dev.jig.protocol.Protocol;
import dev.jig.protocol.RpcError;
import dev.jig.protocol.codec.Inbound;
import dev.jig.protocol.method.CliInfo;
import dev.jig.protocol.method.InitializeParams;
import dev.jig.protocol.method.InitializeResult;
import dev.jig.protocol.method.Methods;
import dev.jig.protocol.method.VersionMismatch;
import dev.jig.host.session.PluginSession;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Asks an executable whether it speaks the protocol: starts it with the reserved argument, sends
 * {@code initialize}, and waits a bounded time for the answer.
 *
 * <p>Three outcomes. A correct answer makes a protocol plugin. Silence, an exit, or output that
 * is not protocol at all makes a plain plugin, which still runs. An answer that tries and fails
 * (no common version, a banner before a valid reply, the wrong id, a malformed result) makes a
 * protocol plugin with a problem, so the author learns what to fix.
 */
final class HandshakeProbe {

    /** How long a plugin has to answer {@code initialize}, unless its {@code call_timeout_ms} says otherwise. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** Non-protocol lines read before giving up on finding a reply among them. */
    private static final int MAX_STRAY_LINES = 16;

    /** Notifications (log lines) accepted before the reply; a flood ends the probe. */
    private static final int MAX_NOTIFICATIONS = 1000;

    private static final Id ID = Id.of(1);

    private final CliInfo cli;
    private final String tagVariable;

    /** @param tagVariable the variable that tags the plugin's processes (see {@code ProcessTree}) */
    HandshakeProbe(CliInfo cli, String tagVariable) {
        this.cli = cli;
        this.tagVariable = tagVariable;
    }

    /**
     * @param command      the plugin's executable (and any fixed arguments); the reserved
     *                     argument is appended
     * @param expectedName the name its file gives it
     * @param timeout      how long it has to answer; then it is killed with its whole tree
     * @throws IOException when the system cannot start it (a missing interpreter, say)
     */
    PluginRecord probe(List<String> command, String expectedName, Map<String, String> environment, Path workingDirectory,
                       Duration timeout) throws IOException, InterruptedException {
        return probe(command, expectedName, environment, workingDirectory, timeout, status -> { });
    }

    /**
     * Like {@link #probe(List, String, Map, Path, Duration)}, telling {@code exited} the plugin's
     * exit status once its session is closed (empty when it was killed or its status is unknown).
     */
    PluginRecord probe(List<String> command, String expectedName, Map<String, String> environment, Path workingDirectory,
                       Duration timeout, Consumer<Optional<Integer>> exited) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(command);
        argv.add(Protocol.ARGUMENT);
        PluginSession session = PluginSession.start(argv, environment, workingDirectory, tagVariable);
        try {
            session.send(new Message.Request(ID, Methods.INITIALIZE,
                    Payloads.tree(new InitializeParams(Protocol.VERSIONS, cli))));
        } catch (IOException e) {
            // It exited without reading its input; what it printed still tells what it is.
        }
        try {
            return awaitReply(session, expectedName, timeout);
        } finally {
            session.close();
            exited.accept(session.exitStatus());
        }
    }

    private PluginRecord awaitReply(PluginSession session, String expectedName, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> stray = new ArrayList<>();
        int notifications = 0;
        while (true) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            Optional<Inbound> next = left.isNegative() ? Optional.empty() : session.next(left);
            if (next.isEmpty()) {
                session.kill();
                return PluginRecord.plain("did not answer within " + duration(timeout) + straySuffix(stray));
            }
            Inbound inbound = next.get();
            if (inbound instanceof Inbound.EndOfStream) {
                return PluginRecord.plain(ended(session) + straySuffix(stray));
            }
            if (inbound instanceof Inbound.Rejected rejected) {
                stray.add(rejected.excerpt());
                if (stray.size() > MAX_STRAY_LINES) {
                    session.kill();
                    return PluginRecord.plain("printed '" + stray.get(0) + "' and more, none of it protocol");
                }
                continue;
            }
            Message message = ((Inbound.Received) inbound).message();
            if (message instanceof Message.Notification) {
                if (++notifications > MAX_NOTIFICATIONS) {
                    session.kill();
                    return PluginRecord.broken(Kind.PROTOCOL, "sent more than " + MAX_NOTIFICATIONS
                            + " notifications before answering initialize");
                }
                continue; // a log line before the reply is allowed
            }
            if (message instanceof Message.ErrorResponse error && error.id() == null) {
                continue; // a generic library's answer to a line it could not read: ignored (PROTOCOL.md §3)
            }
            if (message instanceof Message.Request) {
                // Not a reply at all: most likely a program echoing its input back.
                return PluginRecord.plain("wrote a request instead of a reply (does it echo its input?)");
            }
            return judge(message, expectedName, stray);
        }
    }

    private PluginRecord judge(Message reply, String expectedName, List<String> stray) {
        Id id = reply instanceof Message.Response r ? r.id() : ((Message.ErrorResponse) reply).id();
        if (!ID.equals(id)) {
            return PluginRecord.broken(Kind.PROTOCOL, "answered initialize with id " + id + ", expected " + ID);
        }
        if (!stray.isEmpty()) {
            return PluginRecord.broken(Kind.PROTOCOL, "printed '" + stray.get(0) + "' on stdout before its reply;"
                    + " only protocol messages may go there (use stderr)");
        }
        if (reply instanceof Message.ErrorResponse failure) {
            if (failure.error().code() == ErrorCodes.UNSUPPORTED_VERSION) {
                return PluginRecord.broken(Kind.PROTOCOL, "it speaks protocol versions " + supported(failure.error())
                        + "; " + cli.name() + " speaks " + Protocol.VERSIONS);
            }
            return PluginRecord.broken(Kind.PROTOCOL, "answered initialize with error " + failure.error().code()
                    + ": " + failure.error().message());
        }
        InitializeResult result;
        try {
            result = Payloads.read(((Message.Response) reply).result(), InitializeResult.class);
        } catch (IllegalArgumentException e) {
            return PluginRecord.broken(Kind.PROTOCOL, "answered initialize with a malformed result: " + e.getMessage());
        }
        if (!Protocol.VERSIONS.contains(result.protocolVersion())) {
            return PluginRecord.broken(Kind.PROTOCOL, "picked protocol version " + result.protocolVersion()
                    + ", which " + cli.name() + " did not offer (it offered " + Protocol.VERSIONS + ")");
        }
        if (result.plugin() == null) {
            return PluginRecord.broken(Kind.PROTOCOL, "answered initialize without its metadata (\"plugin\")");
        }
        return Records.fromMetadata(Kind.PROTOCOL, result.plugin(), List.of(), expectedName, cli.name());
    }

    /** The plugin's versions from the error's data, or a phrase when it did not say. */
    private static String supported(RpcError error) {
        try {
            List<Integer> supported = error.data() == null ? List.of()
                    : Payloads.read(error.data(), VersionMismatch.class).supported();
            return supported.isEmpty() ? "it did not name" : supported.toString();
        } catch (IllegalArgumentException e) {
            return "it did not name";
        }
    }

    private static String ended(PluginSession session) throws InterruptedException {
        session.awaitExit(PluginSession.GRACE);
        Optional<Integer> status = session.exitStatus();
        if (status.isEmpty()) {
            session.kill(); // it closed its output and runs on: there is nothing more to hear from it
            return "closed its output without answering";
        }
        String said = status.get() == 0 ? "" : session.lastStderrLine()
                .map(line -> " (stderr: '" + Text.oneLine(Text.excerpt(line)) + "')").orElse("");
        return "exited with status " + status.get() + " without answering" + said;
    }

    /** {@code 5 s} for whole seconds, as the default reads; else {@code 300 ms}. */
    private static String duration(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private static String straySuffix(List<String> stray) {
        return stray.isEmpty() ? "" : " after printing '" + stray.get(0) + "'";
    }
}
