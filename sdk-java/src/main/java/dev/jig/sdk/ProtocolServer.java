package dev.jig.sdk;

import dev.jig.protocol.ErrorCodes;
import dev.jig.protocol.Message;
import dev.jig.protocol.RpcError;
import dev.jig.protocol.codec.Inbound;
import dev.jig.protocol.codec.JsonLinesReader;
import dev.jig.protocol.codec.JsonLinesWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Objects;

/**
 * Protocol mode over given streams: reads the host's messages one per line and answers them
 * until the host closes the input.
 *
 * <ul>
 *   <li>{@code initialize} is answered with the negotiated version and the plugin's metadata, or
 *       error -32000 (data {@code offered}, {@code supported}) when there is no common version;</li>
 *   <li>{@code hook} is dispatched on its event to the plugin's handler ({@link JigPlugin#onPrerun}
 *       and the others): -32601 for an event the metadata does not list or the plugin does not
 *       handle, -32602 for params without an event, -32603 with one line naming the failure when
 *       the handler throws or returns an invalid result;</li>
 *   <li>{@code complete} is answered by {@link JigPlugin#complete} when the metadata says
 *       {@code completion}, with -32603 when it throws;</li>
 *   <li>any other request gets error -32601;</li>
 *   <li>a line that is not a valid message gets an error response when its id could be read,
 *       else a note on the diagnostics stream;</li>
 *   <li>notifications and stray responses are ignored.</li>
 * </ul>
 *
 * <p>{@link Jig#serve(JigPlugin, String[])} runs this on the process's own streams; the test kit
 * runs it on pipes.
 */
public final class ProtocolServer {

    private final JigPlugin plugin;
    private final HostContext context;
    private final PrintStream diagnostics;

    /**
     * @param plugin      the plugin to serve, not null
     * @param context     what the host put in the environment, not null
     * @param diagnostics where notes for people go (stderr), not null
     */
    public ProtocolServer(JigPlugin plugin, HostContext context, PrintStream diagnostics) {
        this.plugin = Objects.requireNonNull(plugin, "plugin");
        this.context = Objects.requireNonNull(context, "context");
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
    }

    /**
     * Serves until the end of {@code in}. Neither stream is closed.
     *
     * @param in  the host's messages
     * @param out where the replies go; nothing else is written to it
     * @return the exit status: 0 at the end of the input, 1 when a stream fails
     */
    public int serve(InputStream in, OutputStream out) {
        JsonLinesReader reader = new JsonLinesReader(in);
        JsonLinesWriter writer = new JsonLinesWriter(out);
        Log log = new ProtocolLog(writer);
        Initializer initializer = new Initializer(plugin, context, log);
        Requests requests = new Requests(initializer, new Hooks(plugin, context, log, initializer::config, initializer::envPrefix), plugin);
        try {
            while (true) {
                Inbound inbound = reader.read();
                if (inbound instanceof Inbound.EndOfStream) {
                    return 0;
                }
                Message reply = reply(inbound, requests);
                if (reply != null) {
                    writer.write(reply);
                }
            }
        } catch (IOException e) {
            note("protocol stream failed: " + PluginName.describe(e));
            return 1;
        }
    }

    /** The answer to one line, or null when it gets none. */
    private Message reply(Inbound inbound, Requests requests) {
        if (inbound instanceof Inbound.Rejected rejected) {
            if (rejected.id() != null) {
                return new Message.ErrorResponse(rejected.id(), rejected.error());
            }
            note("ignored a line that is not a message (" + rejected.error().message() + "): " + rejected.excerpt());
            return null;
        }
        Message message = ((Inbound.Received) inbound).message();
        if (!(message instanceof Message.Request request)) {
            return null; // notifications need no answer, and this plugin sends no requests
        }
        try {
            return requests.answer(request);
        } catch (RuntimeException e) {
            note(request.method() + " failed: " + PluginName.describe(e));
            return new Message.ErrorResponse(request.id(),
                    RpcError.of(ErrorCodes.INTERNAL_ERROR, request.method() + " failed: " + PluginName.describe(e)));
        }
    }

    private void note(String text) {
        diagnostics.println(PluginName.of(plugin) + ": " + text);
        diagnostics.flush();
    }
}
