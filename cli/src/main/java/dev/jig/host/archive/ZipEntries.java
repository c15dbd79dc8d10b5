package dev.jig.host.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks a zip file in the order its entries are stored; the Unix mode (when the archive was
 * made on Unix) tells executables, symbolic links and special files.
 */
final class ZipEntries {

    private static final int TYPE = 0170000;
    private static final int REGULAR = 0100000;
    private static final int DIRECTORY = 0040000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER = 0020000;
    private static final int BLOCK = 0060000;
    private static final int SOCKET = 0140000;
    /** A link target is a path, never longer than PATH_MAX. */
    private static final int MAX_LINK = 4096;

    private ZipEntries() {
    }

    static void unpack(Path archive, Extraction into) throws Refusal, IOException {
        try (ZipFile zip = open(archive)) {
            for (Enumeration<ZipArchiveEntry> all = zip.getEntriesInPhysicalOrder(); all.hasMoreElements(); ) {
                ZipArchiveEntry entry = all.nextElement();
                String name = entry.getName();
                into.count(name);
                int mode = entry.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX ? entry.getUnixMode() : 0;
                int type = mode & TYPE;
                if (entry.isUnixSymlink()) {
                    into.symbolicLink(name, linkTarget(zip, entry));
                } else if (type == FIFO) {
                    throw new Refusal(name, "is a FIFO (named pipe)");
                } else if (type == CHARACTER) {
                    throw new Refusal(name, "is a character device");
                } else if (type == BLOCK) {
                    throw new Refusal(name, "is a block device");
                } else if (type == SOCKET) {
                    throw new Refusal(name, "is a socket");
                } else if (entry.isDirectory() || type == DIRECTORY) {
                    into.directory(name);
                } else if (type != 0 && type != REGULAR) {
                    throw new Refusal(name, "is a special entry (Unix mode " + Integer.toOctalString(mode) + ")");
                } else {
                    readable(zip, entry);
                    try (InputStream content = content(zip, entry)) {
                        into.file(name, (mode & 0111) != 0, content);
                    }
                }
            }
        }
    }

    private static ZipFile open(Path archive) throws Corrupt {
        try {
            return ZipFile.builder().setPath(archive).get();
        } catch (IOException e) {
            throw new Corrupt(e);
        }
    }

    private static void readable(ZipFile zip, ZipArchiveEntry entry) throws Refusal {
        if (!zip.canReadEntryData(entry)) {
            throw new Refusal(entry.getName(), "is encrypted or uses an unsupported compression method");
        }
    }

    private static InputStream content(ZipFile zip, ZipArchiveEntry entry) throws Corrupt {
        try {
            return zip.getInputStream(entry);
        } catch (IOException e) {
            throw new Corrupt(e);
        }
    }

    /** The target of a symbolic link entry: its content, read up to a bound (not trusting the declared size). */
    private static String linkTarget(ZipFile zip, ZipArchiveEntry entry) throws Refusal, Corrupt {
        readable(zip, entry);
        byte[] target;
        try (InputStream content = content(zip, entry)) {
            target = content.readNBytes(MAX_LINK + 1);
        } catch (IOException e) {
            throw new Corrupt(e);
        }
        if (target.length > MAX_LINK) {
            throw new Refusal(entry.getName(), "is a symbolic link whose target is longer than " + MAX_LINK + " bytes");
        }
        return new String(target, StandardCharsets.UTF_8);
    }
}
