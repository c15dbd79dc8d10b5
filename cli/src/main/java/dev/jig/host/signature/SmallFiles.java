package dev.jig.host.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the small text files of this package, refusing one too large to be what it claims. */
final class SmallFiles {

    private SmallFiles() {
    }

    /** The text of {@code file} (ASCII: keys and signatures are base64), at most {@code maxBytes} long. */
    static String read(Path file, int maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes(maxBytes + 1);
            if (content.length > maxBytes) {
                throw new IOException("larger than " + maxBytes + " bytes");
            }
            return new String(content, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new IOException("no such file", e);
        }
    }
}
