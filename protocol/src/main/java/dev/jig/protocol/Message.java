package dev.jig.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One JSON-RPC 2.0 message: one line of the protocol stream.
 *
 * <p>Params and results are kept as JSON trees; {@link Payloads} converts them to and from the
 * typed records of each method.
 */
public sealed interface Message {

    /**
     * A call that expects a {@link Response} or {@link ErrorResponse} with the same id.
     *
     * @param id     the id, echoed in the reply
     * @param method the method name
     * @param params the params object, or null (a JSON {@code null} is taken as absent)
     * @throws IllegalArgumentException when params is neither an object nor absent
     */
    record Request(Id id, String method, JsonNode params) implements Message {
        public Request {
            Objects.requireNonNull(id, "id");
            requireMethod(method);
            params = requireParams(params);
        }
    }

    /**
     * A one-way message; it gets no reply.
     *
     * @param method the method name
     * @param params the params object, or null (a JSON {@code null} is taken as absent)
     * @throws IllegalArgumentException when params is neither an object nor absent
     */
    record Notification(String method, JsonNode params) implements Message {
        public Notification {
            requireMethod(method);
            params = requireParams(params);
        }
    }

    /**
     * A successful reply.
     *
     * @param id     the request's id
     * @param result the result, never null (JSON {@code null} is a {@code NullNode})
     */
    record Response(Id id, JsonNode result) implements Message {
        public Response {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * A failed reply.
     *
     * @param id    the request's id; null only when the request's id could not be read
     * @param error what went wrong
     */
    record ErrorResponse(Id id, RpcError error) implements Message {
        public ErrorResponse {
            Objects.requireNonNull(error, "error");
        }
    }

    private static JsonNode requireParams(JsonNode params) {
        if (params == null || params.isNull() || params.isMissingNode()) {
            return null;
        }
        if (!params.isObject()) {
            throw new IllegalArgumentException("params must be a JSON object, not " + params.getNodeType());
        }
        return params;
    }

    private static void requireMethod(String method) {
        if (method == null || method.isEmpty()) {
            throw new IllegalArgumentException("a method name is required");
        }
    }
}
