package dev.jig.host.archive;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Unpacks a tar stream, optionally gzipped, entry by entry; only files, directories and links pass. */
final class TarEntries {

    /** Padding after a tar's end is at most one record (10 KiB with the usual blocking factor). */
    private static final long TRAILING_MAX = 1024 * 1024;

    private TarEntries() {
    }

    static void unpack(InputStream raw, boolean gzipped, Extraction into) throws Refusal, IOException {
        InputStream in = gzipped ? gunzip(raw) : raw;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry; (entry = next(tar)) != null; ) {
                if (entry.isGlobalPaxHeader()) {
                    continue;
                }
                String name = entry.getName();
                into.count(name);
                if (entry.isSymbolicLink()) {
                    into.symbolicLink(name, entry.getLinkName());
                } else if (entry.isLink()) {
                    into.hardLink(name, entry.getLinkName());
                } else if (entry.isCharacterDevice()) {
                    throw new Refusal(name, "is a character device");
                } else if (entry.isBlockDevice()) {
                    throw new Refusal(name, "is a block device");
                } else if (entry.isFIFO()) {
                    throw new Refusal(name, "is a FIFO (named pipe)");
                } else if (entry.isSparse()) {
                    throw new Refusal(name, "is a sparse file, which plugin archives do not need");
                } else if (entry.isDirectory()) {
                    into.directory(name);
                } else if (regular(entry.getLinkFlag())) {
                    into.file(name, (entry.getMode() & 0111) != 0, tar);
                } else {
                    throw new Refusal(name, "is a special entry (tar type '" + printable(entry.getLinkFlag()) + "')");
                }
            }
            if (gzipped) {
                drain(in);
            }
        }
    }

    /**
     * Reads what follows the tar's end (padding, normally) so the gzip trailer is reached and its
     * CRC and length checked: a download cut off there would otherwise pass. Only a bounded amount
     * is read; more is left alone.
     */
    private static void drain(InputStream gzip) throws Corrupt {
        byte[] buffer = new byte[8192];
        try {
            for (long read = 0; read < TRAILING_MAX; ) {
                int n = gzip.read(buffer);
                if (n < 0) {
                    return;
                }
                read += n;
            }
        } catch (IOException e) {
            throw new Corrupt(e);
        }
    }

    private static InputStream gunzip(InputStream raw) throws Corrupt {
        try {
            // Concatenated members are valid gzip (pigz, cat a.gz b.gz).
            return GzipCompressorInputStream.builder().setInputStream(raw).setDecompressConcatenated(true).get();
        } catch (IOException e) {
            throw new Corrupt(e);
        }
    }

    private static TarArchiveEntry next(TarArchiveInputStream tar) throws Corrupt {
        try {
            return tar.getNextEntry();
        } catch (IOException e) {
            throw new Corrupt(e);
        }
    }

    private static boolean regular(byte flag) {
        return flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM || flag == TarConstants.LF_CONTIG;
    }

    private static String printable(byte flag) {
        return flag >= 0x20 && flag < 0x7f ? String.valueOf((char) flag) : String.format("\\x%02x", flag & 0xff);
    }
}
