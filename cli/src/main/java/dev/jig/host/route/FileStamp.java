package dev.jig.host.route;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A file's identity as GNU {@code stat -L --printf '%i %s %.9Y %.9Z|'} prints it, so that the
 * launcher can compare what it sees with what the host saw, with one command for all files.
 */
final class FileStamp {

    /** The {@code stat} format the launcher uses; {@link #of(Path)} prints exactly this. */
    static final String FORMAT = "%i %s %.9Y %.9Z|";

    private FileStamp() {
    }

    /** Inode, size, modification and status-change time (nanoseconds) of {@code path}, following links. */
    static String of(Path path) throws IOException {
        Map<String, Object> unix = Files.readAttributes(path, "unix:ino,size,lastModifiedTime,ctime");
        return unix.get("ino") + " " + unix.get("size") + " " + seconds((FileTime) unix.get("lastModifiedTime"))
                + " " + seconds((FileTime) unix.get("ctime")) + "|";
    }

    private static String seconds(FileTime time) {
        long nanos = time.to(TimeUnit.NANOSECONDS);
        return Math.floorDiv(nanos, 1_000_000_000L) + "." + String.format("%09d", Math.floorMod(nanos, 1_000_000_000L));
    }
}
