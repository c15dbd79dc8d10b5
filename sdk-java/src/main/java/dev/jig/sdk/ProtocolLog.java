package dev.jig.sdk;

import dev.jig.protocol.Message;
import dev.jig.protocol.Payloads;
import dev.jig.protocol.codec.JsonLinesWriter;
import dev.jig.protocol.method.LogParams;
import dev.jig.protocol.method.Methods;
import java.io.IOException;

/** The protocol-mode log: one {@code log} notification per line of a message. */
final class ProtocolLog implements Log {

    private final JsonLinesWriter writer;

    ProtocolLog(JsonLinesWriter writer) {
        this.writer = writer;
    }

    @Override
    public void log(Level level, String message) {
        message.lines().forEach(line -> send(level, line));
    }

    private void send(Level level, String line) {
        try {
            writer.write(new Message.Notification(Methods.LOG, Payloads.tree(new LogParams(level.wireName(), line))));
        } catch (IOException e) {
            // The host is gone: there is no one left to tell.
        }
    }
}
