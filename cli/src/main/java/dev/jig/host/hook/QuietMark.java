package dev.jig.host.hook;

import dev.jig.host.files.AtomicFiles;
import dev.jig.host.discovery.Inventory;
import dev.jig.host.discovery.ListedPlugin;
import dev.jig.host.discovery.Origin;
import dev.jig.host.discovery.PluginDir;
import dev.jig.host.metadata.Fingerprint;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A file in the cache that proves, while it holds, that no plugin subscribes to any hook, so
 * that a command pays for hooks with a few {@code stat} calls instead of a scan of the search
 * path and a read of every plugin's record.
 *
 * <p>It holds the CLI's version, the search-path directories in order, and the stamp of
 * every directory and file that the answer depended on: each directory (a plugin added or
 * removed changes it), each plugin file (a plugin edited in place may start subscribing), and
 * each subdirectory outside {@code PATH} (a manifest added to it makes a plugin). Any difference
 * means the host asks again. Nothing is written when something changed too recently for its
 * timestamps to tell two changes apart.
 */
public final class QuietMark {

    private static final String MAGIC = "jig-quiet 2";
    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final String STAT = "stat ";
    private static final String ABSENT = "absent ";

    private final Path file;
    private final String version;

    /**
     * @param file    where the mark lives
     * @param version the CLI's version: another version may read plugins differently
     */
    public QuietMark(Path file, String version) {
        this.file = file;
        this.version = version;
    }

    /**
     * Whether the mark exists and every stamp in it still holds for {@code dirs}.
     *
     * <p>This runs before every command, on a JVM that has barely started: it reads bytes and
     * builds text with {@link StringBuilder}, as string concatenation's first use costs
     * milliseconds of bootstrapping there.
     */
    public boolean holds(List<Path> dirs) {
        String text;
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return false;
        }
        String expected = header(dirs);
        if (!text.startsWith(expected) || !text.endsWith("\nend\n")) {
            return false;
        }
        StringBuilder stamp = new StringBuilder();
        int end = text.length() - "end\n".length();
        for (int start = expected.length(); start < end; ) {
            int newline = text.indexOf('\n', start);
            if (!stillHolds(text.substring(start, newline), stamp)) {
                return false;
            }
            start = newline + 1;
        }
        return true;
    }

    /**
     * A file's stamp: modification time, size and whether it may be executed. Read through
     * {@link File}, whose plain system calls cost a fraction of the attribute views' on a cold
     * JVM. A replaced file changes its directory; an edit, its time or size; a {@code chmod +x},
     * its flag.
     */
    private static StringBuilder stamp(File file, StringBuilder into) {
        into.setLength(0);
        return into.append(file.lastModified()).append(' ').append(file.length()).append(' ')
                .append(file.canExecute() ? 'x' : '-');
    }

    private static boolean stillHolds(String line, StringBuilder stamp) {
        if (line.startsWith(ABSENT)) {
            File path = new File(line.substring(ABSENT.length()));
            return !path.exists() && !Files.isSymbolicLink(path.toPath());
        }
        if (line.startsWith(STAT)) {
            int bar = line.indexOf('|');
            if (bar < 0) {
                return false;
            }
            stamp(new File(line.substring(bar + 1)), stamp); // a file gone reads "0 0 -"
            return bar - STAT.length() == stamp.length() && line.regionMatches(STAT.length(), stamp.toString(), 0, stamp.length());
        }
        return false;
    }

    /**
     * Writes the mark after a scan found no subscriber.
     *
     * @param dirs    the search-path directories, in order
     * @param watched the files and directories the answer depended on
     * @param decided when the scan began: anything changed since voids the mark
     */
    public void record(List<Path> dirs, List<Path> watched, Instant decided) {
        try {
            List<String> lines = new ArrayList<>();
            Instant settled = decided.minus(SETTLE);
            for (Path path : watched) {
                Fingerprint fingerprint;
                try {
                    fingerprint = Fingerprint.of(path);
                } catch (NoSuchFileException e) {
                    lines.add(ABSENT + path);
                    continue;
                }
                // Changed too recently, a second change could keep the time: no mark.
                if (!changed(fingerprint).isBefore(settled) || path.toString().indexOf('\n') >= 0) {
                    forget();
                    return;
                }
                lines.add(STAT + stamp(path.toFile(), new StringBuilder()) + "|" + path);
            }
            lines.add("end");
            AtomicFiles.replace(file, (header(dirs) + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8),
                    Optional.empty(), false);
        } catch (IOException | RuntimeException e) {
            forget(); // the mark only saves time: without it, the host scans
        }
    }

    /** Removes the mark: some plugin subscribes. */
    public void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale mark fails its own checks
        }
    }

    /**
     * What the answer "no subscriber" depends on: every search-path directory, every plugin file
     * in one, and every subdirectory outside {@code PATH} (a manifest added to one makes a plugin).
     */
    public static List<Path> watched(Inventory inventory) {
        List<Path> watched = new ArrayList<>();
        for (Inventory.ScannedDir scanned : inventory.searchPath()) {
            PluginDir dir = scanned.dir();
            if (dir.origin() == Origin.LOCAL) {
                continue;
            }
            watched.add(dir.directory());
            if (dir.origin() != Origin.PATH && scanned.status() == Inventory.Status.SCANNED) {
                File[] subdirectories = dir.directory().toFile().listFiles(File::isDirectory);
                if (subdirectories != null) {
                    Arrays.stream(subdirectories).sorted().forEach(sub -> watched.add(sub.toPath()));
                }
            }
        }
        inventory.plugins().stream().map(ListedPlugin::file).filter(file -> file.dir().origin() != Origin.LOCAL)
                .forEach(file -> watched.add(file.path()));
        return watched;
    }

    /** The first lines, each ending in a line break. */
    private String header(List<Path> dirs) {
        StringBuilder header = new StringBuilder(MAGIC).append('\n').append("version ").append(version).append('\n');
        dirs.forEach(dir -> header.append("dir ").append(dir).append('\n'));
        return header.toString();
    }

    private static Instant changed(Fingerprint fingerprint) {
        long nanos = Math.max(fingerprint.mtime(), fingerprint.ctime());
        return Instant.ofEpochSecond(0, 0).plusNanos(nanos);
    }
}
