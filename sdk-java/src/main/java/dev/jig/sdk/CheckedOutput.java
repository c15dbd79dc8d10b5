package dev.jig.sdk;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * An output stream over a {@link PrintStream} that reports failures: a print stream swallows
 * them, so a plugin whose host went away would write on forever.
 */
final class CheckedOutput extends OutputStream {

    private final PrintStream target;

    CheckedOutput(PrintStream target) {
        this.target = target;
    }

    @Override
    public void write(int b) {
        target.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        target.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
        if (target.checkError()) { // flushes, then reports any failure so far
            throw new IOException("the standard output is closed");
        }
    }
}
