package dev.jig.protocol;

import java.util.List;

/** Constants every party to the protocol agrees on. */
public final class Protocol {

    /**
     * The first argument that starts an executable in protocol mode. It looks like an option so
     * that a plain program that does not know it fails on it as an unknown flag rather than
     * taking it for an operand.
     */
    public static final String ARGUMENT = "--jig-protocol";

    /** The protocol versions this implementation speaks, oldest first. */
    public static final List<Integer> VERSIONS = List.of(1);

    /** The JSON-RPC version of every message. */
    public static final String JSONRPC = "2.0";

    private Protocol() {
    }
}
