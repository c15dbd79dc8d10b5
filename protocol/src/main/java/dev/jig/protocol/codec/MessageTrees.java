package dev.jig.protocol.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.protocol.ErrorCodes;
import dev.jig.protocol.Id;
import dev.jig.protocol.Message;
import dev.jig.protocol.Protocol;
import dev.jig.protocol.RpcError;

/** Converts between {@link Message} records and their JSON-RPC 2.0 objects. */
final class MessageTrees {

    private MessageTrees() {
    }

    static ObjectNode toTree(ObjectMapper mapper, Message message) {
        ObjectNode node = mapper.createObjectNode().put("jsonrpc", Protocol.JSONRPC);
        if (message instanceof Message.Request request) {
            putId(node, request.id());
            node.put("method", request.method());
            putIfPresent(node, "params", request.params());
        } else if (message instanceof Message.Notification notification) {
            node.put("method", notification.method());
            putIfPresent(node, "params", notification.params());
        } else if (message instanceof Message.Response response) {
            putId(node, response.id());
            node.set("result", response.result());
        } else {
            Message.ErrorResponse failure = (Message.ErrorResponse) message;
            putId(node, failure.id());
            ObjectNode error = node.putObject("error")
                    .put("code", failure.error().code())
                    .put("message", failure.error().message());
            putIfPresent(error, "data", failure.error().data());
        }
        return node;
    }

    static Message fromTree(JsonNode node) throws MalformedMessageException {
        if (!node.isObject()) {
            throw new MalformedMessageException(ErrorCodes.INVALID_REQUEST,
                    "a message must be a JSON object, not " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT), null);
        }
        Id id = readId(node);
        JsonNode jsonrpc = node.get("jsonrpc");
        if (jsonrpc == null || !jsonrpc.isTextual() || !Protocol.JSONRPC.equals(jsonrpc.textValue())) {
            throw new MalformedMessageException(ErrorCodes.INVALID_REQUEST, "\"jsonrpc\" must be \"2.0\"", id);
        }
        JsonNode method = node.get("method");
        if (method != null) {
            if (!method.isTextual() || method.asText().isEmpty()) {
                throw new MalformedMessageException(ErrorCodes.INVALID_REQUEST, "\"method\" must be a non-empty string", id);
            }
            JsonNode params = node.get("params");
            if (params != null && !params.isObject() && !params.isNull()) {
                throw new MalformedMessageException(ErrorCodes.INVALID_REQUEST, "\"params\" must be an object", id);
            }
            params = params == null || params.isNull() ? null : params;
            return id == null ? new Message.Notification(method.asText(), params)
                    : new Message.Request(id, method.asText(), params);
        }
        boolean hasResult = node.has("result");
        JsonNode error = node.get("error");
        if (hasResult == (error != null)) {
            throw new MalformedMessageException(ErrorCodes.INVALID_REQUEST,
                    "a message needs \"method\", or exactly one of \"result\" and \"error\"", id);
        }
        if (hasResult) {
            if (id == null) {
                throw new MalformedMessageException(ErrorCodes.INVALID_REQUEST, "a response needs an \"id\"", null);
            }
            return new Message.Response(id, node.get("result"));
        }
        if (!error.isObject() || !error.path("code").canConvertToInt() || !error.path("code").isIntegralNumber()
                || !error.path("message").isTextual()) {
            throw new MalformedMessageException(ErrorCodes.INVALID_REQUEST,
                    "\"error\" must be an object with an integer \"code\" and a string \"message\"", id);
        }
        JsonNode data = error.get("data");
        return new Message.ErrorResponse(id, new RpcError(error.get("code").asInt(), error.get("message").asText(),
                data == null || data.isNull() ? null : data));
    }

    private static Id readId(JsonNode node) throws MalformedMessageException {
        JsonNode id = node.get("id");
        if (id == null || id.isNull()) {
            return null;
        }
        if (id.isTextual()) {
            return Id.of(id.asText());
        }
        if (id.isIntegralNumber() && id.canConvertToLong()) {
            return Id.of(id.asLong());
        }
        throw new MalformedMessageException(ErrorCodes.INVALID_REQUEST, "\"id\" must be a string or an integer", null);
    }

    private static void putId(ObjectNode node, Id id) {
        if (id == null) {
            node.putNull("id");
        } else if (id instanceof Id.NumberId number) {
            node.put("id", number.value());
        } else {
            node.put("id", ((Id.StringId) id).value());
        }
    }

    private static void putIfPresent(ObjectNode node, String field, JsonNode value) {
        if (value != null) {
            node.set(field, value);
        }
    }
}
