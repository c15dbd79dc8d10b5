package dev.jig.protocol.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.protocol.Message;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes one message per line: the JSON, then {@code '\n'}, then a flush, so a peer waiting for
 * a line never waits on a buffer. Safe for concurrent writers: lines never interleave.
 */
public final class JsonLinesWriter {

    private final OutputStream out;
    private final ObjectMapper mapper;

    public JsonLinesWriter(OutputStream out) {
        this.out = out;
        this.mapper = Json.mapper();
    }

    /** Writes {@code message} as one line and flushes. */
    public synchronized void write(Message message) throws IOException {
        byte[] json = mapper.writeValueAsBytes(MessageTrees.toTree(mapper, message));
        out.write(json);
        out.write('\n');
        out.flush();
    }
}
