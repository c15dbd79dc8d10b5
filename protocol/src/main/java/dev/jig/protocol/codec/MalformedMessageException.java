package dev.jig.protocol.codec;

import dev.jig.protocol.Id;
import dev.jig.protocol.RpcError;

/** A JSON value that is not a JSON-RPC 2.0 message. */
final class MalformedMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Id id;
    private final int code;

    MalformedMessageException(int code, String message, Id id) {
        super(message);
        this.code = code;
        this.id = id;
    }

    Id id() {
        return id;
    }

    RpcError error() {
        return RpcError.of(code, getMessage());
    }
}
