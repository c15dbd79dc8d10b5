package dev.jig.host.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.host.HostSettings;
import dev.jig.host.exec.PluginEnvironment;
import dev.jig.host.exec.ProcessTree;
import dev.jig.host.metadata.StaticChecks;
import dev.jig.host.session.PluginSession;
import dev.jig.protocol.ErrorCodes;
import dev.jig.protocol.Id;
import dev.jig.protocol.Message;
import dev.jig.protocol.Payloads;
import dev.jig.protocol.Protocol;
import dev.jig.protocol.method.CliInfo;
import dev.jig.protocol.method.HookEvents;
import dev.jig.protocol.method.InitializeResult;
import dev.jig.protocol.method.Methods;
import dev.jig.protocol.method.VersionMismatch;
import dev.jig.protocol.metadata.PluginMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one plugin against the protocol by running it: the checks of {@code plugins test}.
 *
 * <p>Each group of checks gets a fresh protocol-mode session, so one failure does not hide the
 * next: the handshake (then an unknown method and the end of input), the version negotiation,
 * and the hooks. Then the plugin runs once in run mode. Every process is ended with its tree,
 * also when it hangs or floods its output. A plugin that exits without answering
 * {@code initialize} is a plain plugin: it is reported as such and the protocol checks are
 * skipped.
 */
public final class ConformanceChecker {

    /**
     * How long a plugin has to answer each request unless told otherwise: the host's default
     * call timeout, for the metadata probe and for hooks alike (PROTOCOL.md §9).
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(HookCalls.TIMEOUT_MS);

    /** The longest timeout, as for {@code call_timeout_ms}. */
    public static final Duration MAX_TIMEOUT = Duration.ofHours(1);

    /** A version no plugin speaks, to see it refuse. */
    static final int FUTURE_VERSION = 999;

    private static final String METHOD_UNKNOWN = "conformance/no_such_method";

    private final HostSettings settings;
    private final CliInfo cli;
    private final String tagVariable;
    private final Duration timeout;

    /**
     * @param settings the host's: its name, version and environment are what the plugin sees
     * @param timeout  how long the plugin has to answer each request, as its call timeout would
     *                 say; run mode gets twice as long
     */
    public ConformanceChecker(HostSettings settings, Duration timeout) {
        this.settings = settings;
        this.timeout = timeout;
        this.cli = new CliInfo(settings.cli().name(), settings.cli().version());
        this.tagVariable = ProcessTree.tagVariable(settings.cli().envPrefix());
    }

    /**
     * Runs every check on {@code target}. It executes the plugin: several times in protocol
     * mode and once in run mode.
     *
     * @throws IOException when the plugin cannot be started at all (a missing interpreter, say)
     */
    public Report check(Target target) throws IOException, InterruptedException {
        List<CheckResult> results = new ArrayList<>();
        target.manifest().ifPresent(manifest -> results.add(manifest(target, manifest)));
        Set<String> stray = new LinkedHashSet<>();
        Map<String, String> environment = PluginEnvironment.of(settings, target.file());
        try (Conversation first = start(target, environment)) {
            Conversation.Reply reply = first.initialize(Protocol.VERSIONS, cli, null, timeout);
            stray.addAll(first.stray());
            if (!reply.answered() && reply.ended()) {
                Optional<Integer> status = first.endInput(PluginSession.GRACE);
                String why = status.map(code -> "it exited with status " + code).orElse("it closed its output")
                        + " without answering initialize" + straySuffix(first.stray());
                results.add(CheckResult.skip("protocol", "a plain plugin: " + why + "; the protocol checks were skipped"));
                return new Report(target, Optional.of(why), results);
            }
            Optional<InitializeResult> handshake = handshake(reply, first, results);
            if (handshake.isEmpty()) {
                for (String check : List.of("negotiation", "metadata", "unknown method", "hooks", "exit on eof")) {
                    results.add(CheckResult.skip(check, "needs a handshake"));
                }
                results.add(stdout(stray));
                results.add(runMode(target, environment));
                return new Report(target, Optional.empty(), results);
            }
            PluginMetadata metadata = handshake.get().plugin();
            results.add(negotiation(handshake.get(), target, environment, stray));
            results.add(metadata(((Message.Response) reply.reply()).result().get("plugin"), metadata, target));
            results.add(unknownMethod(first));
            results.add(exitOnEof(first));
            stray.addAll(first.stray());
            results.addAll(hooks(metadata, target, environment, stray));
        }
        results.add(stdout(stray));
        results.add(runMode(target, environment));
        return new Report(target, Optional.empty(), results);
    }

    private Conversation start(Target target, Map<String, String> environment) throws IOException {
        return Conversation.start(target.command(), environment, settings.workingDirectory(), tagVariable);
    }

    private Optional<InitializeResult> handshake(Conversation.Reply reply, Conversation session,
                                                 List<CheckResult> results) {
        String check = "handshake";
        Optional<String> problem = replyProblem(reply, Conversation.INITIALIZE_ID, "initialize", timeout,
                session.stray());
        if (problem.isEmpty() && reply.reply() instanceof Message.ErrorResponse error) {
            problem = Optional.of("answered initialize offering " + Protocol.VERSIONS + " with error "
                    + error.error().code() + ": " + Quote.of(error.error().message()));
        }
        if (problem.isPresent()) {
            // The host would take a silent plugin for a plain one; a plain program should say so by exiting.
            String plain = reply.answered() || reply.flooded() ? "" : "; a plain program should exit instead"
                    + " (reject the unknown option " + Protocol.ARGUMENT + ")";
            results.add(CheckResult.fail(check, problem.get() + plain + stderrHint(session)));
            return Optional.empty();
        }
        try {
            InitializeResult result = Payloads.read(((Message.Response) reply.reply()).result(), InitializeResult.class);
            if (result.plugin() == null) {
                results.add(CheckResult.fail(check, "answered initialize without its metadata (\"plugin\")"));
                return Optional.empty();
            }
            results.add(CheckResult.pass(check, "answered initialize in " + reply.elapsed().toMillis() + " ms"));
            return Optional.of(result);
        } catch (IllegalArgumentException e) {
            results.add(CheckResult.fail(check, "answered initialize with a malformed result: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private CheckResult negotiation(InitializeResult picked, Target target, Map<String, String> environment,
                                    Set<String> stray) throws IOException, InterruptedException {
        String check = "negotiation";
        if (!Protocol.VERSIONS.contains(picked.protocolVersion())) {
            return CheckResult.fail(check, "offered " + Protocol.VERSIONS + ", it picked protocol version "
                    + picked.protocolVersion() + "; it must pick one it was offered");
        }
        List<Integer> future = List.of(FUTURE_VERSION);
        try (Conversation session = start(target, environment)) {
            Conversation.Reply reply = session.initialize(future, cli, null, timeout);
            stray.addAll(session.stray());
            Optional<String> problem = replyProblem(reply, Conversation.INITIALIZE_ID, "initialize offering " + future,
                    timeout, session.stray());
            if (problem.isPresent()) {
                return CheckResult.fail(check, problem.get() + "; expected error " + ErrorCodes.UNSUPPORTED_VERSION);
            }
            if (reply.reply() instanceof Message.Response response) {
                return CheckResult.fail(check, "offered only " + future + ", it picked " + Quote.of(
                        String.valueOf(response.result().get("protocolVersion"))) + " instead of answering error "
                        + ErrorCodes.UNSUPPORTED_VERSION + " with data {offered, supported}");
            }
            Message.ErrorResponse error = (Message.ErrorResponse) reply.reply();
            if (error.error().code() != ErrorCodes.UNSUPPORTED_VERSION) {
                return CheckResult.fail(check, "offered only " + future + ", it answered error " + error.error().code()
                        + "; expected " + ErrorCodes.UNSUPPORTED_VERSION + " (unsupported protocol version)");
            }
            VersionMismatch data;
            try {
                data = error.error().data() == null ? null : Payloads.read(error.error().data(), VersionMismatch.class);
            } catch (IllegalArgumentException e) {
                data = null;
            }
            if (data == null || !future.equals(data.offered()) || data.supported() == null || data.supported().isEmpty()) {
                return CheckResult.fail(check, "error " + ErrorCodes.UNSUPPORTED_VERSION + " needs data {\"offered\": "
                        + future + ", \"supported\": [...]}; it sent " + Quote.of(String.valueOf(error.error().data())));
            }
            return CheckResult.pass(check, "picked " + picked.protocolVersion() + " from " + Protocol.VERSIONS
                    + "; refused " + future + " with error " + ErrorCodes.UNSUPPORTED_VERSION + " (it speaks "
                    + data.supported() + ")");
        }
    }

    private CheckResult metadata(JsonNode plugin, PluginMetadata metadata, Target target) {
        // The host's own wording first: it is friendlier than the validator's (a regex, say).
        List<String> problems = new ArrayList<>(StaticChecks.problems(metadata, target.file().name(), cli.name()));
        problems.addAll(ProtocolSchemas.problems(plugin, "plugin-metadata.schema.json"));
        return problems.isEmpty()
                ? CheckResult.pass("metadata", "valid against plugin-metadata.schema.json, named '" + metadata.name() + "'")
                : CheckResult.fail("metadata", summary(problems));
    }

    private CheckResult manifest(Target target, ObjectNode manifest) {
        String schema = target.manifestSchema();
        List<String> problems = new ArrayList<>(ProtocolSchemas.problems(manifest, schema));
        JsonNode body = schema.equals("manifest.schema.json") ? manifest : manifest.path(cli.name());
        String name = body.path("name").asText(target.file().name());
        if (!name.equals(target.file().name())) {
            problems.add("it names the plugin '" + name + "', but its directory makes it '" + target.file().name() + "'");
        }
        return problems.isEmpty()
                ? CheckResult.pass("manifest", "valid against " + schema)
                : CheckResult.fail("manifest", summary(problems));
    }

    private CheckResult unknownMethod(Conversation session) throws InterruptedException {
        String check = "unknown method";
        Id id = Id.of(2);
        Conversation.Reply reply = session.call(new Message.Request(id, METHOD_UNKNOWN, null), timeout);
        Optional<String> problem = replyProblem(reply, id, METHOD_UNKNOWN, timeout, List.of());
        if (problem.isPresent()) {
            return CheckResult.fail(check, problem.get() + "; expected error " + ErrorCodes.METHOD_NOT_FOUND);
        }
        if (reply.reply() instanceof Message.ErrorResponse error && error.error().code() == ErrorCodes.METHOD_NOT_FOUND) {
            return CheckResult.pass(check, "answered " + METHOD_UNKNOWN + " with error " + ErrorCodes.METHOD_NOT_FOUND);
        }
        String got = reply.reply() instanceof Message.ErrorResponse error ? "error " + error.error().code() : "a result";
        return CheckResult.fail(check, "answered " + METHOD_UNKNOWN + " with " + got + "; expected error "
                + ErrorCodes.METHOD_NOT_FOUND + " (method not found)");
    }

    private static CheckResult exitOnEof(Conversation session) throws InterruptedException {
        String check = "exit on eof";
        Optional<Integer> status = session.endInput(PluginSession.GRACE);
        if (status.isEmpty()) {
            return CheckResult.fail(check, "still running " + PluginSession.GRACE.toSeconds() + " s after its stdin"
                    + " closed; on end of file it must exit with status 0 (the host then sends SIGTERM)");
        }
        return status.get() == 0
                ? CheckResult.pass(check, "exited with status 0 when its stdin closed")
                : CheckResult.fail(check, "exited with status " + status.get() + " when its stdin closed; expected 0"
                        + stderrHint(session));
    }

    private List<CheckResult> hooks(PluginMetadata metadata, Target target, Map<String, String> environment,
                                    Set<String> stray) throws IOException, InterruptedException {
        List<CheckResult> results = new ArrayList<>();
        metadata.hooks().stream().filter(event -> !HookEvents.ALL.contains(event)).forEach(event ->
                results.add(CheckResult.skip("hook " + event, "not an event " + cli.name() + " knows; never sent")));
        metadata.hooks().stream().filter(HookEvents.LIFECYCLE::contains).forEach(event ->
                results.add(CheckResult.skip("hook " + event, "sent only when the plugin is installed, upgraded or"
                        + " removed; not sent by a check, since the plugin may act on it")));
        List<String> events = HookCalls.events(metadata);
        if (events.isEmpty()) {
            results.add(CheckResult.skip("hooks", "it lists no hooks"));
            return results;
        }
        Map<String, String> hookEnvironment = new HashMap<>(environment);
        hookEnvironment.put(settings.cli().envPrefix() + "HOOK", metadata.name());
        JsonNode config = HookCalls.config(metadata);
        String cwd = settings.workingDirectory().toString();
        try (Conversation session = start(target, hookEnvironment)) {
            Conversation.Reply started = session.initialize(Protocol.VERSIONS, cli, config, timeout);
            Optional<String> unstarted = replyProblem(started, Conversation.INITIALIZE_ID,
                    "initialize with its configuration", timeout, session.stray());
            if (unstarted.isEmpty() && started.reply() instanceof Message.ErrorResponse error) {
                unstarted = Optional.of("answered initialize with its configuration with error " + error.error().code()
                        + ": " + Quote.of(error.error().message()));
            }
            String ended = null;
            long nextId = 2;
            for (String event : events) {
                String check = "hook " + event;
                if (unstarted.isPresent()) {
                    // As the host starts a hook session; the first event fails with it, the others are not sent.
                    results.add(CheckResult.fail(check, unstarted.get() + stderrHint(session)));
                    ended = "the session did not start";
                    unstarted = Optional.empty();
                    continue;
                }
                if (ended != null) {
                    results.add(CheckResult.skip(check, "not sent: " + ended));
                    continue;
                }
                Id id = Id.of(nextId++);
                Message.Request request = new Message.Request(id, Methods.HOOK,
                        Payloads.tree(HookCalls.params(event, metadata, cwd, config)));
                Conversation.Reply reply = session.call(request, timeout);
                Optional<String> problem = replyProblem(reply, id, "hook " + event, timeout, List.of());
                if (problem.isPresent()) {
                    ended = "the session ended after hook " + event + " failed";
                    results.add(CheckResult.fail(check, problem.get() + stderrHint(session)));
                } else {
                    results.add(hookResult(check, event, reply));
                }
            }
            stray.addAll(session.stray());
        }
        return results;
    }

    private static CheckResult hookResult(String check, String event, Conversation.Reply reply) {
        if (reply.reply() instanceof Message.ErrorResponse error) {
            return CheckResult.fail(check, "answered with error " + error.error().code() + ": "
                    + Quote.of(error.error().message()) + "; it lists " + event + ", so it must handle it");
        }
        JsonNode result = ((Message.Response) reply.reply()).result();
        List<String> problems = new ArrayList<>(ProtocolSchemas.problems(result, "hook-result.schema.json"));
        HookCalls.eventProblem(event, result).ifPresent(problems::add);
        return problems.isEmpty()
                ? CheckResult.pass(check, "answered in " + reply.elapsed().toMillis() + " ms with a valid result")
                : CheckResult.fail(check, "answered " + Quote.of(result.toString()) + ": " + summary(problems));
    }

    private static CheckResult stdout(Set<String> stray) {
        if (stray.isEmpty()) {
            return CheckResult.pass("stdout", "nothing but protocol messages on stdout in protocol mode");
        }
        return CheckResult.fail("stdout", "printed " + Quote.of(stray.iterator().next()) + (stray.size() > 1
                ? " and " + (stray.size() - 1) + " more lines" : "") + " on stdout in protocol mode; only protocol"
                + " messages may go there (use stderr, or a log notification)");
    }

    private CheckResult runMode(Target target, Map<String, String> environment) throws IOException, InterruptedException {
        return RunModeCheck.check(target.command(), environment, settings.workingDirectory(), tagVariable,
                timeout.multipliedBy(2));
    }

    /**
     * Why {@code reply} is not an answer to request {@code id}: none came, or the plugin ended or
     * flooded, or the id differs; empty when it is a reply to it (a result or an error).
     */
    static Optional<String> replyProblem(Conversation.Reply reply, Id id, String what, Duration timeout,
                                         List<String> stray) {
        if (reply.flooded()) {
            return Optional.of("flooded stdout before answering " + what + straySuffix(stray));
        }
        if (reply.ended()) {
            return Optional.of("closed its output (or exited) without answering " + what + straySuffix(stray));
        }
        if (!reply.answered()) {
            return Optional.of("did not answer " + what + " within " + timeout.toMillis() + " ms" + straySuffix(stray));
        }
        Id got = reply.reply() instanceof Message.Response response ? response.id()
                : ((Message.ErrorResponse) reply.reply()).id();
        if (!id.equals(got)) {
            return Optional.of("answered " + what + " with id " + got + "; the reply must carry the request's id " + id);
        }
        return Optional.empty();
    }

    private static String straySuffix(List<String> stray) {
        return stray.isEmpty() ? "" : " (it printed " + Quote.of(stray.get(0)) + ")";
    }

    private static String stderrHint(Conversation session) {
        String tail = session.stderrTail();
        // The last line: where a traceback or an error message says what went wrong.
        return tail == null || tail.isBlank() ? "" : "; stderr: " + Quote.of(tail.strip().lines()
                .reduce((first, last) -> last).orElse(""));
    }

    /** The first problem, and how many more. */
    private static String summary(List<String> problems) {
        return problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
    }
}
