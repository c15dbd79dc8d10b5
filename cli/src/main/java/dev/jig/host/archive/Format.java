package dev.jig.host.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** An archive format, told by the first bytes of the file rather than its name. */
enum Format {
    /** gzip ({@code 1f 8b}) holding a tar. */
    TAR_GZ,
    /** zip: a local file header ({@code PK 03 04}) or, when empty, an end of central directory ({@code PK 05 06}). */
    ZIP,
    /** an uncompressed POSIX tar ({@code ustar} at offset 257). */
    TAR;

    private static final int HEAD = 512;

    static Optional<Format> of(Path archive) throws IOException {
        byte[] head = new byte[HEAD];
        int n;
        try (InputStream in = Files.newInputStream(archive)) {
            n = in.readNBytes(head, 0, HEAD);
        }
        return of(head, n);
    }

    static Optional<Format> of(byte[] head, int length) {
        if (length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return Optional.of(TAR_GZ);
        }
        if (length >= 4 && head[0] == 'P' && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6))) {
            return Optional.of(ZIP);
        }
        if (length >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
            return Optional.of(TAR);
        }
        return Optional.empty();
    }
}
