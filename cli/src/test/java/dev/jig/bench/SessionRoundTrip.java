package dev.jig.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.host.session.PluginSession;
import dev.jig.protocol.Id;
import dev.jig.protocol.Message;
import dev.jig.protocol.Payloads;
import dev.jig.protocol.Protocol;
import dev.jig.protocol.codec.Inbound;
import dev.jig.protocol.codec.Json;
import dev.jig.protocol.method.CliInfo;
import dev.jig.protocol.method.HookParams;
import dev.jig.protocol.method.HookResult;
import dev.jig.protocol.method.InitializeParams;
import dev.jig.protocol.method.Methods;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times request-to-response round trips on one live {@link PluginSession}. Run by
 * {@code scripts/bench}:
 *
 * <pre>java -cp cli/target/test-classes:cli/target/jig.jar dev.jig.bench.SessionRoundTrip [--hook] PLUGIN [WARMUP [COUNT]]</pre>
 *
 * <p>{@code PLUGIN} is started with {@code --jig-protocol} and must answer {@code initialize}
 * and then every request with a result.
 *
 * <ul>
 *   <li>Without {@code --hook}: the transport alone. Each request is a {@code bench.ping} with a
 *       small params object, built before the clock starts; any result will do (the bench's
 *       protocol plugin answers {@code {}}).</li>
 *   <li>With {@code --hook}: one {@code prerun} hook as the host asks it. Each timed round trip
 *       builds {@link HookParams#prerun} with the plugin's view of the configuration, writes it
 *       as a {@code hook} request, reads the reply and decodes it as a {@link HookResult}, which
 *       must say {@code continue}. {@code initialize} carries the configuration, as it does for a
 *       hook session. The plugin must subscribe to {@code prerun} (the bench's hook plugin).</li>
 * </ul>
 *
 * <p>Prints one JSON object on stdout, times in microseconds.
 */
public final class SessionRoundTrip {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private SessionRoundTrip() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = Arrays.asList(args);
        boolean hook = !rest.isEmpty() && rest.get(0).equals("--hook");
        if (hook) {
            rest = rest.subList(1, rest.size());
        }
        if (rest.isEmpty() || rest.size() > 3) {
            System.err.println("usage: SessionRoundTrip [--hook] PLUGIN [WARMUP [COUNT]]");
            System.exit(2);
        }
        String plugin = rest.get(0);
        int warmup = rest.size() > 1 ? Integer.parseInt(rest.get(1)) : 1_000;
        int count = rest.size() > 2 ? Integer.parseInt(rest.get(2)) : 10_000;

        String cwd = Path.of("").toAbsolutePath().toString();
        JsonNode config = config(Path.of(plugin).getFileName().toString().replaceFirst("^jig-", ""));
        RoundTrip trip = hook ? (session, id) -> hookRoundTrip(session, id, cwd, config) : pingRoundTrip();
        long[] nanos = new long[count];
        long started;
        long finished;
        try (PluginSession session = PluginSession.start(List.of(plugin, Protocol.ARGUMENT), System.getenv(),
                Path.of(cwd), "JIG_PROCESS_TAG")) {
            CliInfo cli = new CliInfo("jig", "0.1.0");
            roundTrip(session, new Message.Request(Id.of(0), Methods.INITIALIZE,
                    Payloads.tree(hook ? new InitializeParams(Protocol.VERSIONS, cli, config)
                            : new InitializeParams(Protocol.VERSIONS, cli))));
            for (int i = 1; i <= warmup; i++) {
                trip.run(session, i);
            }
            started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                trip.run(session, warmup + 1L + i);
                nanos[i] = System.nanoTime() - t0;
            }
            finished = System.nanoTime();
        }
        Arrays.sort(nanos);
        System.out.println(String.format(Locale.ROOT,
                "{\"mode\":\"%s\",\"count\":%d,\"warmup\":%d,\"median_us\":%.2f,\"p99_us\":%.2f,\"min_us\":%.2f,"
                        + "\"max_us\":%.2f,\"mean_us\":%.2f,\"java\":\"%s\"}",
                hook ? "hook" : "ping", count, warmup, micros(percentile(nanos, 50)), micros(percentile(nanos, 99)),
                micros(nanos[0]), micros(nanos[count - 1]), micros((finished - started) / (double) count),
                System.getProperty("java.runtime.version")));
    }

    /** One timed exchange with request id {@code id}. */
    @FunctionalInterface
    private interface RoundTrip {
        void run(PluginSession session, long id) throws IOException, InterruptedException;
    }

    private static RoundTrip pingRoundTrip() throws IOException {
        JsonNode params = Json.mapper().readTree("{\"event\":\"prerun\",\"command\":[\"hello\"],\"args\":[\"--x\"]}");
        return (session, id) -> roundTrip(session, new Message.Request(Id.of(id), "bench.ping", params));
    }

    /** A prerun hook, from building its params to the decoded result, as the host asks it. */
    private static void hookRoundTrip(PluginSession session, long id, String cwd, JsonNode config)
            throws IOException, InterruptedException {
        HookParams params = HookParams.prerun(List.of("hello"), List.of("--x"), "hello", cwd, config);
        JsonNode reply = roundTrip(session, new Message.Request(Id.of(id), Methods.HOOK, Payloads.tree(params)));
        HookResult result = Payloads.read(reply, HookResult.class);
        if (!HookResult.CONTINUE.equals(result.action())) {
            throw new IllegalStateException("prerun " + id + " was answered with " + reply + ", not continue");
        }
    }

    /** What a hook plugin named {@code name} sees of the configuration: {@code core} and its own namespace. */
    private static JsonNode config(String name) {
        ObjectNode config = Json.mapper().createObjectNode();
        config.putObject("core").put("hook_timeout_ms", 5000);
        config.putObject("plugins").putObject(name);
        return config;
    }

    /** Sends {@code request} and waits for its result; anything else is a failure of the bench. */
    private static JsonNode roundTrip(PluginSession session, Message.Request request)
            throws IOException, InterruptedException {
        session.send(request);
        Inbound inbound = session.next(TIMEOUT)
                .orElseThrow(() -> new IllegalStateException("no reply to " + request.id() + " within " + TIMEOUT));
        if (!(inbound instanceof Inbound.Received received)
                || !(received.message() instanceof Message.Response response)
                || !response.id().equals(request.id())) {
            throw new IllegalStateException("expected a result for " + request.id() + ", got " + inbound
                    + "; plugin stderr: " + session.stderrTail());
        }
        return response.result();
    }

    /** The nearest-rank percentile of sorted values. */
    private static double percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double micros(double nanos) {
        return nanos / 1_000.0;
    }
}
