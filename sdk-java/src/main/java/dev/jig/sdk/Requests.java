package dev.jig.sdk;

import dev.jig.protocol.ErrorCodes;
import dev.jig.protocol.Message;
import dev.jig.protocol.RpcError;
import dev.jig.protocol.Payloads;
import dev.jig.protocol.method.CompleteParams;
import dev.jig.protocol.method.Methods;
import java.util.Objects;

/**
 * Answers the host's requests: {@code initialize}, {@code hook}, {@code complete} when the
 * metadata opts in, and -32601 for every method it does not know.
 */
final class Requests {

    private final Initializer initializer;
    private final Hooks hooks;
    private final JigPlugin plugin;

    Requests(Initializer initializer, Hooks hooks, JigPlugin plugin) {
        this.initializer = initializer;
        this.hooks = hooks;
        this.plugin = plugin;
    }

    /** The reply to {@code request}, never null. */
    Message answer(Message.Request request) {
        if (Methods.INITIALIZE.equals(request.method())) {
            return initializer.answer(request);
        }
        if (Methods.HOOK.equals(request.method())) {
            return hooks.answer(request);
        }
        if (Methods.COMPLETE.equals(request.method()) && plugin.metadata().completion()) {
            return complete(request);
        }
        return new Message.ErrorResponse(request.id(),
                RpcError.of(ErrorCodes.METHOD_NOT_FOUND, "method not found: " + request.method()));
    }

    private Message complete(Message.Request request) {
        if (request.params() == null || !request.params().isObject()) {
            return new Message.ErrorResponse(request.id(), RpcError.of(ErrorCodes.INVALID_PARAMS, "complete needs params"));
        }
        CompleteParams params;
        try {
            params = Payloads.read(request.params(), CompleteParams.class);
        } catch (IllegalArgumentException e) {
            return new Message.ErrorResponse(request.id(), RpcError.of(ErrorCodes.INVALID_PARAMS, "invalid complete params: " + e.getMessage()));
        }
        try {
            return new Message.Response(request.id(), Payloads.tree(Objects.requireNonNull(plugin.complete(params), "complete returned null")));
        } catch (Exception e) {
            return new Message.ErrorResponse(request.id(), RpcError.of(ErrorCodes.INTERNAL_ERROR, "complete failed: " + PluginName.describe(e)));
        }
    }
}
