package dev.jig.host.route;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A file's identity as GNU {@code stat -L --printf '%i %.9Z|'} prints it (the launcher compares
 * the two strings), and the last time it changed. The status-change time moves with every write,
 * {@code chmod}, {@code touch} and rename, so with the inode it tells any change; size and
 * modification time would only lengthen the route, which the launcher reads a byte at a time.
 *
 * @param text    inode and status-change time, in stat's format
 * @param changed the later of the modification and status-change times
 */
record FileStamp(String text, Instant changed) {

    /** The stamp of {@code path}, following links. */
    static FileStamp of(Path path) throws IOException {
        Map<String, Object> unix = Files.readAttributes(path, "unix:ino,lastModifiedTime,ctime");
        FileTime mtime = (FileTime) unix.get("lastModifiedTime");
        FileTime ctime = (FileTime) unix.get("ctime");
        String text = unix.get("ino") + " " + seconds(ctime) + "|";
        return new FileStamp(text, mtime.compareTo(ctime) > 0 ? mtime.toInstant() : ctime.toInstant());
    }

    /** Seconds with nine decimals, as stat's {@code %.9Z}; padded by hand, as a route stamps many files. */
    private static String seconds(FileTime time) {
        long nanos = time.to(TimeUnit.NANOSECONDS);
        String fraction = Long.toString(Math.floorMod(nanos, 1_000_000_000L));
        return Math.floorDiv(nanos, 1_000_000_000L) + "." + "000000000".substring(fraction.length()) + fraction;
    }
}
