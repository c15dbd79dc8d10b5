package dev.jig.protocol;

/** JSON-RPC 2.0 error codes, and the protocol's own in the implementation-defined range. */
public final class ErrorCodes {
    /** The line is not valid JSON, not UTF-8, or over a limit. */
    public static final int PARSE_ERROR = -32700;
    /** Valid JSON, but not a JSON-RPC 2.0 message. */
    public static final int INVALID_REQUEST = -32600;
    /** The receiver does not implement the method. */
    public static final int METHOD_NOT_FOUND = -32601;
    /** The params do not match the method. */
    public static final int INVALID_PARAMS = -32602;
    /** The receiver failed while handling a valid request. */
    public static final int INTERNAL_ERROR = -32603;
    /** {@code initialize}: no protocol version in common; {@code data} lists both sides'. */
    public static final int UNSUPPORTED_VERSION = -32000;

    private ErrorCodes() {
    }
}
