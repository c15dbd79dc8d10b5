package dev.jig.host.metadata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Identifies one version of a file cheaply: any write, replacement, {@code chmod} or
 * {@code touch} changes at least one field.
 *
 * @param size  bytes
 * @param mtime modification time, nanoseconds since the epoch
 * @param ctime status-change time, nanoseconds since the epoch (0 where the system has none)
 * @param inode the inode number (0 where the system has none)
 */
public record Fingerprint(long size, long mtime, long ctime, long inode) {

    /** The fingerprint of {@code file}, following symlinks. */
    public static Fingerprint of(Path file) throws IOException {
        try {
            Map<String, Object> unix = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino");
            return new Fingerprint((Long) unix.get("size"), nanos((FileTime) unix.get("lastModifiedTime")),
                    nanos((FileTime) unix.get("ctime")), (Long) unix.get("ino"));
        } catch (UnsupportedOperationException e) {
            return new Fingerprint(Files.size(file), nanos(Files.getLastModifiedTime(file)), 0, 0);
        }
    }

    /** The four fields, space-separated, as stored in the cache. */
    @Override
    public String toString() {
        return size + " " + mtime + " " + ctime + " " + inode;
    }

    /** Parses {@link #toString()}. */
    static Fingerprint parse(String text) {
        String[] parts = text.trim().split(" ");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a fingerprint: " + text);
        }
        return new Fingerprint(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                Long.parseLong(parts[3]));
    }

    private static long nanos(FileTime time) {
        return time.to(TimeUnit.NANOSECONDS);
    }
}
