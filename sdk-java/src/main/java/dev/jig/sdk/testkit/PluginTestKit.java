package dev.jig.sdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.protocol.Id;
import dev.jig.protocol.Message;
import dev.jig.protocol.Payloads;
import dev.jig.protocol.Protocol;
import dev.jig.protocol.codec.Inbound;
import dev.jig.protocol.codec.Json;
import dev.jig.protocol.codec.JsonLinesReader;
import dev.jig.protocol.codec.JsonLinesWriter;
import dev.jig.protocol.metadata.PluginMetadata;
import dev.jig.protocol.method.CliInfo;
import dev.jig.protocol.method.HookParams;
import dev.jig.protocol.method.HookResult;
import dev.jig.protocol.method.InitializeParams;
import dev.jig.protocol.method.InitializeResult;
import dev.jig.protocol.method.Methods;
import dev.jig.sdk.HostContext;
import dev.jig.sdk.Jig;
import dev.jig.sdk.JigPlugin;
import dev.jig.sdk.ProtocolServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a plugin in-process, the way a host would, so its author can unit-test it.
 *
 * <pre>{@code
 * try (PluginTestKit kit = PluginTestKit.start(new WordCount())) {
 *     assertEquals("wordcount", kit.metadata().name());
 *     Message reply = kit.request("nope", null);       // an ErrorResponse, code -32601
 *     assertEquals(0, kit.closeInput());               // EOF: the plugin stops serving
 * }
 * RunResult result = PluginTestKit.run(new WordCount(), "--lines", "README.md");
 * }</pre>
 *
 * <p>Hooks are sent the same way, with the host's configuration built by {@link #config}:
 *
 * <pre>{@code
 * try (PluginTestKit kit = PluginTestKit.start(new Audit())) {
 *     JsonNode config = PluginTestKit.config("audit", "{\"frozen\":true}");
 *     kit.initialize(config);
 *     HookResult result = kit.hookResult(HookParams.prerun(List.of("deploy"), List.of(), "deploy", "/srv", config));
 *     assertEquals(HookResult.ABORT, result.action());
 * }
 * }</pre>
 *
 * <p>Protocol mode runs {@link ProtocolServer} on a thread of its own, over in-memory pipes:
 * the test writes lines to the plugin's input and reads the plugin's output line by line.
 * Waiting methods give up after {@link #TIMEOUT} (or the timeout passed) and fail with an
 * {@link AssertionError}, as do replies that break the protocol. One kit drives one plugin from
 * one test thread at a time.
 */
public final class PluginTestKit implements AutoCloseable {

    /** How long the waiting methods wait by default: the host's handshake timeout. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** The host the kit pretends to be in {@link #initialize()}. */
    public static final CliInfo CLI = new CliInfo("jig", "0.1.0");

    private final InputPipe input = new InputPipe();
    private final OutputLines output = new OutputLines();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final JsonLinesWriter writer = new JsonLinesWriter(new RawInput(input));
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final List<Message.Notification> notifications = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong nextId = new AtomicLong(1);
    private final Thread thread;

    private PluginTestKit(JigPlugin plugin, HostContext context) {
        PrintStream diagnostics = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        ProtocolServer server = new ProtocolServer(plugin, context, diagnostics);
        thread = new Thread(() -> {
            try {
                exit.complete(server.serve(input, output));
            } catch (Throwable failure) {
                exit.completeExceptionally(failure);
            }
        }, "jig-plugin-under-test");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts serving {@code plugin} in protocol mode, as if run by a host that set no context
     * variables.
     *
     * @param plugin the plugin under test, not null
     * @return a running kit, never null; close it when done
     */
    public static PluginTestKit start(JigPlugin plugin) {
        return start(plugin, HostContext.none());
    }

    /**
     * Starts serving {@code plugin} in protocol mode with the given host context.
     *
     * @param plugin  the plugin under test, not null
     * @param context the context the plugin would read from its environment, not null
     * @return a running kit, never null; close it when done
     */
    public static PluginTestKit start(JigPlugin plugin, HostContext context) {
        return new PluginTestKit(plugin, context);
    }

    /**
     * Runs {@code plugin}'s command with empty input and no host context.
     *
     * @param plugin the plugin under test, not null
     * @param args   its arguments
     * @return the exit status and everything it printed, never null
     */
    public static RunResult run(JigPlugin plugin, String... args) {
        return run(plugin, List.of(args), "", HostContext.none());
    }

    /**
     * Runs {@code plugin}'s command exactly as {@link Jig#serve} does in run mode, with captured
     * streams.
     *
     * @param plugin  the plugin under test, not null
     * @param args    its arguments, not null
     * @param stdin   its standard input, as UTF-8 text, not null
     * @param context the context it would read from its environment, not null
     * @return the exit status and everything it printed, never null
     */
    public static RunResult run(JigPlugin plugin, List<String> args, String stdin, HostContext context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Jig.run(plugin, args, context, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new RunResult(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Sends {@code initialize} offering {@link Protocol#VERSIONS} as {@link #CLI}, and expects
     * a successful reply.
     *
     * @return the plugin's answer, never null
     * @throws AssertionError when the plugin answers with an error or not at all
     */
    public InitializeResult initialize() {
        Message reply = initialize(Protocol.VERSIONS);
        if (reply instanceof Message.ErrorResponse failure) {
            throw new AssertionError("initialize failed: " + failure.error());
        }
        return Payloads.read(((Message.Response) reply).result(), InitializeResult.class);
    }

    /**
     * Sends {@code initialize} as a host that starts the plugin for hooks: with the plugin's
     * configuration, offering {@link Protocol#VERSIONS} as {@link #CLI}; expects a successful
     * reply.
     *
     * @param config the configuration object, e.g. from {@link #config}; not null
     * @return the plugin's answer, never null
     * @throws AssertionError when the plugin answers with an error or not at all
     */
    public InitializeResult initialize(JsonNode config) {
        Message reply = request(Methods.INITIALIZE, Payloads.tree(new InitializeParams(Protocol.VERSIONS, CLI, config)));
        if (reply instanceof Message.ErrorResponse failure) {
            throw new AssertionError("initialize failed: " + failure.error());
        }
        return Payloads.read(((Message.Response) reply).result(), InitializeResult.class);
    }

    /**
     * Sends a {@code hook} request, e.g. {@code hook(HookParams.prerun(...))}.
     *
     * @param params the event and its fields, not null
     * @return the reply: a {@link Message.Response} or a {@link Message.ErrorResponse}, never null
     */
    public Message hook(HookParams params) {
        return request(Methods.HOOK, Payloads.tree(params));
    }

    /**
     * Sends a {@code hook} request and expects a successful reply.
     *
     * @param params the event and its fields, not null
     * @return the plugin's result, never null
     * @throws AssertionError when the plugin answers with an error, a result that is not a hook
     *                        result, or not at all
     */
    public HookResult hookResult(HookParams params) {
        Message reply = hook(params);
        if (reply instanceof Message.ErrorResponse failure) {
            throw new AssertionError(params.event() + " hook failed: " + failure.error());
        }
        try {
            return Payloads.read(((Message.Response) reply).result(), HookResult.class);
        } catch (IllegalArgumentException e) {
            throw new AssertionError(params.event() + " hook returned something else than a hook result: "
                    + ((Message.Response) reply).result(), e);
        }
    }

    /**
     * The configuration object a host gives a plugin: {@code core} with the default hook
     * timeout, and {@code namespace} as {@code plugins.<pluginName>}.
     *
     * @param pluginName the plugin's name, not null
     * @param namespace  the plugin's settings as a JSON object, e.g. {@code {"lang":"fr"}}; not null
     * @return a new configuration object, never null
     * @throws IllegalArgumentException when {@code namespace} is not a JSON object
     */
    public static ObjectNode config(String pluginName, String namespace) {
        JsonNode settings;
        try {
            settings = Json.mapper().readTree(namespace);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + namespace, e);
        }
        if (settings == null || !settings.isObject()) {
            throw new IllegalArgumentException("a plugin's settings are a JSON object, not " + namespace);
        }
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.putObject("core").put("hook_timeout_ms", 5000);
        config.putObject("plugins").set(pluginName, settings);
        return config;
    }

    /**
     * Sends {@code initialize} offering {@code versions} as {@link #CLI}.
     *
     * @param versions the protocol versions to offer, not null
     * @return the reply: a {@link Message.Response} or a {@link Message.ErrorResponse}, never null
     */
    public Message initialize(List<Integer> versions) {
        return request(Methods.INITIALIZE, Payloads.tree(new InitializeParams(versions, CLI)));
    }

    /**
     * Initializes the plugin and returns its metadata.
     *
     * @return the metadata from a successful {@code initialize}, never null
     */
    public PluginMetadata metadata() {
        return initialize().plugin();
    }

    /**
     * Sends a request with a fresh numeric id and waits for the reply with that id. Notifications
     * that arrive meanwhile are kept in {@link #notifications()}.
     *
     * @param method the method, not null
     * @param params the params object, or null for none
     * @return the reply: a {@link Message.Response} or a {@link Message.ErrorResponse}, never null
     */
    public Message request(String method, JsonNode params) {
        Id id = Id.of(nextId.getAndIncrement());
        send(new Message.Request(id, method, params));
        return replyTo(id);
    }

    /**
     * Waits for the reply to the request with {@code id}, keeping notifications that arrive
     * first in {@link #notifications()}.
     *
     * @param id the request's id, not null
     * @return the reply, never null
     * @throws AssertionError when another message comes first or nothing comes in time
     */
    public Message replyTo(Id id) {
        while (true) {
            Message message = receive();
            if (message instanceof Message.Notification notification) {
                notifications.add(notification);
            } else if (message instanceof Message.Response response && id.equals(response.id())
                    || message instanceof Message.ErrorResponse failure && id.equals(failure.id())) {
                return message;
            } else {
                throw new AssertionError("expected the reply to request " + id + ", got " + message);
            }
        }
    }

    /**
     * Sends one message as one line.
     *
     * @param message the message, not null
     */
    public void send(Message message) {
        try {
            writer.write(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code line} verbatim, followed by a newline: for malformed input and hand-written
     * JSON.
     *
     * @param line the line's text, without the newline, not null
     */
    public void send(String line) {
        input.send((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends raw bytes, as they are: for invalid UTF-8 and lines split across writes.
     *
     * @param bytes the bytes, not null
     */
    public void sendBytes(byte[] bytes) {
        input.send(bytes);
    }

    /**
     * Waits up to {@link #TIMEOUT} for the plugin's next message.
     *
     * @return the message, never null
     * @throws AssertionError when the line is not a valid message, or none comes in time
     */
    public Message receive() {
        return receive(TIMEOUT);
    }

    /**
     * Waits for the plugin's next message.
     *
     * @param timeout how long to wait, not null
     * @return the message, never null
     * @throws AssertionError when the line is not a valid message, or none comes in time
     */
    public Message receive(Duration timeout) {
        String line = receiveLine(timeout);
        try {
            Inbound inbound = new JsonLinesReader(new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8))).read();
            if (inbound instanceof Inbound.Received received) {
                return received.message();
            }
            throw new AssertionError("the plugin wrote a line that is not a message: " + inbound + ": " + line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits for the plugin's next line of output, whatever it holds.
     *
     * @param timeout how long to wait, not null
     * @return the line without its newline, never null
     * @throws AssertionError when the plugin stops serving or nothing comes in time
     */
    public String receiveLine(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                boolean stopped = exit.isDone();
                String line = output.poll(Duration.ofMillis(20));
                if (line != null) {
                    return line;
                }
                if (stopped && !output.hasLine()) {
                    throw new AssertionError("the plugin stopped serving (" + describeExit() + ") without writing a line");
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("the plugin wrote no line within " + timeout);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the plugin", e);
        }
    }

    /**
     * The notifications (such as {@code log}) that arrived while {@link #request} or
     * {@link #replyTo} waited for a reply, oldest first.
     *
     * @return a copy, never null
     */
    public List<Message.Notification> notifications() {
        synchronized (notifications) {
            return List.copyOf(notifications);
        }
    }

    /**
     * What the plugin wrote to its diagnostics stream (stderr) so far.
     *
     * @return the text, never null
     */
    public String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    /**
     * Closes the plugin's input, as a host does to end a session, and waits up to
     * {@link #TIMEOUT} for it to stop serving.
     *
     * @return the exit status it would have had
     * @throws AssertionError when it does not stop in time, or fails
     */
    public int closeInput() {
        input.end();
        try {
            return exit.get(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the plugin did not stop within " + TIMEOUT + " of the end of its input", e);
        } catch (ExecutionException e) {
            throw new AssertionError("the plugin failed while serving", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the plugin", e);
        }
    }

    /** Ends the input and, if the plugin is still serving after {@link #TIMEOUT}, interrupts it. Idempotent. */
    @Override
    public void close() {
        input.end();
        try {
            exit.get(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            thread.interrupt();
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }

    private String describeExit() {
        try {
            return "exit status " + exit.getNow(null);
        } catch (RuntimeException e) {
            return "failed: " + e.getCause();
        }
    }

    /** Lets the protocol writer feed the plugin's input. */
    private static final class RawInput extends java.io.OutputStream {
        private final InputPipe pipe;

        RawInput(InputPipe pipe) {
            this.pipe = pipe;
        }

        @Override
        public void write(int b) {
            pipe.send(new byte[] {(byte) b});
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            pipe.send(java.util.Arrays.copyOfRange(bytes, offset, offset + length));
        }
    }
}
