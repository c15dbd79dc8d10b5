package dev.jig.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.host.session.PluginSession;
import dev.jig.protocol.Id;
import dev.jig.protocol.Message;
import dev.jig.protocol.Payloads;
import dev.jig.protocol.Protocol;
import dev.jig.protocol.codec.Inbound;
import dev.jig.protocol.codec.Json;
import dev.jig.protocol.method.CliInfo;
import dev.jig.protocol.method.InitializeParams;
import dev.jig.protocol.method.Methods;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times request-to-response round trips on one live {@link PluginSession}: the transport that
 * hooks will use. Run by {@code scripts/bench}:
 *
 * <pre>java -cp cli/target/test-classes:cli/target/jig.jar dev.jig.bench.SessionRoundTrip PLUGIN [WARMUP [COUNT]]</pre>
 *
 * <p>{@code PLUGIN} is started with {@code --jig-protocol} and must answer {@code initialize}
 * and then every request with a result (the bench's C plugin does). The request is shaped like
 * a hook call ({@code hook} with a small params object); hooks are not specified yet, so this
 * measures the session and codec, not a hook. Prints one JSON object on stdout, times in
 * microseconds.
 */
public final class SessionRoundTrip {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private SessionRoundTrip() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: SessionRoundTrip PLUGIN [WARMUP [COUNT]]");
            System.exit(2);
        }
        String plugin = args[0];
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;

        JsonNode params = Json.mapper().readTree("{\"event\":\"prerun\",\"command\":[\"hello\"],\"args\":[\"--x\"]}");
        long[] nanos = new long[count];
        long started;
        long finished;
        try (PluginSession session = PluginSession.start(List.of(plugin, Protocol.ARGUMENT), System.getenv(),
                Path.of("").toAbsolutePath())) {
            roundTrip(session, new Message.Request(Id.of(0), Methods.INITIALIZE,
                    Payloads.tree(new InitializeParams(Protocol.VERSIONS, new CliInfo("jig", "0.1.0")))));
            for (int i = 1; i <= warmup; i++) {
                roundTrip(session, new Message.Request(Id.of(i), "hook", params));
            }
            started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                Message.Request request = new Message.Request(Id.of(warmup + 1L + i), "hook", params);
                long t0 = System.nanoTime();
                roundTrip(session, request);
                nanos[i] = System.nanoTime() - t0;
            }
            finished = System.nanoTime();
        }
        Arrays.sort(nanos);
        System.out.println(String.format(Locale.ROOT,
                "{\"count\":%d,\"warmup\":%d,\"median_us\":%.2f,\"p99_us\":%.2f,\"min_us\":%.2f,\"max_us\":%.2f,"
                        + "\"mean_us\":%.2f,\"java\":\"%s\"}",
                count, warmup, micros(percentile(nanos, 50)), micros(percentile(nanos, 99)), micros(nanos[0]),
                micros(nanos[count - 1]), micros((finished - started) / (double) count),
                System.getProperty("java.runtime.version")));
    }

    /** Sends {@code request} and waits for its reply; anything else is a failure of the bench. */
    private static void roundTrip(PluginSession session, Message.Request request) throws IOException, InterruptedException {
        session.send(request);
        Inbound inbound = session.next(TIMEOUT)
                .orElseThrow(() -> new IllegalStateException("no reply to " + request.id() + " within " + TIMEOUT));
        if (!(inbound instanceof Inbound.Received received)
                || !(received.message() instanceof Message.Response response)
                || !response.id().equals(request.id())) {
            throw new IllegalStateException("expected a result for " + request.id() + ", got " + inbound
                    + "; plugin stderr: " + session.stderrTail());
        }
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
