package dev.jig.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The error object of a JSON-RPC error response.
 *
 * @param code    one of {@link ErrorCodes}, or a plugin's own code
 * @param message one line for people
 * @param data    more detail for programs, or null (a JSON {@code null} is taken as absent)
 */
public record RpcError(int code, String message, JsonNode data) {

    public RpcError {
        Objects.requireNonNull(message, "message");
        data = data == null || data.isNull() || data.isMissingNode() ? null : data;
    }

    /** An error without data. */
    public static RpcError of(int code, String message) {
        return new RpcError(code, message, null);
    }
}
