package dev.jig.sdk;

import dev.jig.protocol.ErrorCodes;
import dev.jig.protocol.Message;
import dev.jig.protocol.RpcError;
import dev.jig.protocol.method.Methods;

/** Answers the host's requests: {@code initialize}, {@code hook}, and -32601 for every method it does not know. */
final class Requests {

    private final Initializer initializer;
    private final Hooks hooks;

    Requests(Initializer initializer, Hooks hooks) {
        this.initializer = initializer;
        this.hooks = hooks;
    }

    /** The reply to {@code request}, never null. */
    Message answer(Message.Request request) {
        if (Methods.INITIALIZE.equals(request.method())) {
            return initializer.answer(request);
        }
        if (Methods.HOOK.equals(request.method())) {
            return hooks.answer(request);
        }
        return new Message.ErrorResponse(request.id(),
                RpcError.of(ErrorCodes.METHOD_NOT_FOUND, "method not found: " + request.method()));
    }
}
