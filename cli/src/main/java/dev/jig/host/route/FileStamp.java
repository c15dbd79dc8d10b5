package dev.jig.host.route;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A file's identity as GNU {@code stat -L --printf '%i %s %.9Y %.9Z|'} prints it (the launcher
 * compares the two strings), and the last time it changed.
 *
 * @param text    inode, size, modification and status-change time, in stat's format
 * @param changed the later of the modification and status-change times
 */
record FileStamp(String text, Instant changed) {

    /** The stamp of {@code path}, following links. */
    static FileStamp of(Path path) throws IOException {
        Map<String, Object> unix = Files.readAttributes(path, "unix:ino,size,lastModifiedTime,ctime");
        FileTime mtime = (FileTime) unix.get("lastModifiedTime");
        FileTime ctime = (FileTime) unix.get("ctime");
        String text = unix.get("ino") + " " + unix.get("size") + " " + seconds(mtime) + " " + seconds(ctime) + "|";
        return new FileStamp(text, mtime.compareTo(ctime) > 0 ? mtime.toInstant() : ctime.toInstant());
    }

    private static String seconds(FileTime time) {
        long nanos = time.to(TimeUnit.NANOSECONDS);
        return Math.floorDiv(nanos, 1_000_000_000L) + "." + String.format("%09d", Math.floorMod(nanos, 1_000_000_000L));
    }
}
