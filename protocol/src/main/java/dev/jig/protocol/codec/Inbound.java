package dev.jig.protocol.codec;

import dev.jig.protocol.Id;
import dev.jig.protocol.Message;
import dev.jig.protocol.RpcError;

/** What reading one line of the stream gave. */
public sealed interface Inbound {

    /**
     * A well-formed message.
     *
     * @param message the message
     */
    record Received(Message message) implements Inbound {
    }

    /**
     * A line that is not a valid message. The stream stays usable: the next read starts at the
     * next line.
     *
     * @param id      the id of the offending request when it could be read, else null; a
     *                receiver answers a rejected request with an error response carrying it
     * @param error   what is wrong, as the error a receiver would reply with
     * @param excerpt the line's first bytes, for diagnostics
     */
    record Rejected(Id id, RpcError error, String excerpt) implements Inbound {
    }

    /** The peer closed the stream. */
    record EndOfStream() implements Inbound {
    }
}
