package dev.jig.host.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes entries into the staging directory, one at a time, keeping the counts and the limits.
 * Nothing is ever written through a symbolic link or over an existing entry: parent directories
 * are checked (without following links) and created one by one, and files are created with
 * {@code CREATE_NEW}, which fails on any existing name, dangling links included.
 */
final class Extraction {

    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> PLAIN = PosixFilePermissions.fromString("rw-r--r--");

    private final Path root;
    private final Unpacker.Limits limits;
    private final boolean posix;
    private final byte[] buffer = new byte[64 * 1024];
    private int entries;
    private int files;
    private int directories;
    private int links;
    private long bytes;
    private String current;

    Extraction(Path root, Unpacker.Limits limits) {
        this.root = root;
        this.limits = limits;
        this.posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Counts one more entry against the limit. */
    void count(String name) throws Refusal {
        current = name;
        if (++entries > limits.maxEntries()) {
            throw new Refusal(name, "goes past the limit of " + String.format(Locale.ROOT, "%,d", limits.maxEntries())
                    + " entries");
        }
    }

    void directory(String name) throws Refusal, IOException {
        List<String> segments = EntryPath.of(name);
        if (segments.isEmpty()) {
            return;
        }
        Path path = parents(name, segments);
        BasicFileAttributes existing = attributes(path);
        if (existing == null) {
            create(path);
        } else if (existing.isSymbolicLink()) {
            throw new Refusal(name, "would replace the symbolic link " + EntryPath.quote(String.join("/", segments)));
        } else if (!existing.isDirectory()) {
            throw new Refusal(name, "appears twice in the archive, once as a file");
        }
    }

    void file(String name, boolean executable, InputStream content) throws Refusal, IOException {
        List<String> segments = EntryPath.of(name);
        if (segments.isEmpty()) {
            throw new Refusal(name, "is a file named like the archive's root");
        }
        Path path = vacant(name, segments);
        try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = read(content)) > 0; ) {
                if (n > limits.maxTotalBytes() - bytes) {
                    throw new Refusal(name, "expands past the limit of "
                            + String.format(Locale.ROOT, "%,d", limits.maxTotalBytes()) + " bytes unpacked");
                }
                out.write(buffer, 0, n);
                bytes += n;
            }
        }
        if (posix) {
            Files.setPosixFilePermissions(path, executable ? EXECUTABLE : PLAIN);
        }
        files++;
    }

    void symbolicLink(String name, String target) throws Refusal, IOException {
        List<String> segments = EntryPath.of(name);
        if (segments.isEmpty()) {
            throw new Refusal(name, "is a symbolic link named like the archive's root");
        }
        EntryPath.checkSymbolicLink(name, segments, target);
        Path path = vacant(name, segments);
        Files.createSymbolicLink(path, path.getFileSystem().getPath(target));
        links++;
    }

    void hardLink(String name, String target) throws Refusal, IOException {
        List<String> segments = EntryPath.of(name);
        List<String> existing = EntryPath.hardLinkTarget(name, target);
        Path source = existingFile(existing);
        if (segments.isEmpty() || source == null) {
            throw new Refusal(name, "is a hard link to " + EntryPath.quote(target)
                    + ", which is not a file earlier in the archive");
        }
        Files.createLink(vacant(name, segments), source);
        links++;
    }

    /** The name of the entry being unpacked; null before the first. */
    String current() {
        return current;
    }

    Unpacker.Unpacked result() {
        return new Unpacker.Unpacked(files, directories, links, bytes);
    }

    /** The path for a new entry: its parents made real directories, the name itself still free. */
    private Path vacant(String name, List<String> segments) throws Refusal, IOException {
        Path path = parents(name, segments);
        BasicFileAttributes existing = attributes(path);
        if (existing != null) {
            throw existing.isSymbolicLink()
                    ? new Refusal(name, "would replace the symbolic link " + EntryPath.quote(String.join("/", segments)))
                    : new Refusal(name, "appears twice in the archive");
        }
        return path;
    }

    /** Creates the missing parent directories of {@code segments}, refusing to pass through a link or a file. */
    private Path parents(String name, List<String> segments) throws Refusal, IOException {
        Path path = root;
        for (int i = 0; i < segments.size() - 1; i++) {
            path = path.resolve(segments.get(i));
            BasicFileAttributes existing = attributes(path);
            if (existing == null) {
                create(path);
            } else if (existing.isSymbolicLink()) {
                throw new Refusal(name, "would be written through the symbolic link "
                        + EntryPath.quote(String.join("/", segments.subList(0, i + 1))));
            } else if (!existing.isDirectory()) {
                throw new Refusal(name, "is inside " + EntryPath.quote(String.join("/", segments.subList(0, i + 1)))
                        + ", which is a file");
            }
        }
        return path.resolve(segments.get(segments.size() - 1));
    }

    /** The regular file at {@code segments}, reached through real directories only; null when there is none. */
    private Path existingFile(List<String> segments) throws IOException {
        if (segments.isEmpty()) {
            return null;
        }
        Path path = root;
        for (int i = 0; i < segments.size(); i++) {
            path = path.resolve(segments.get(i));
            BasicFileAttributes existing = attributes(path);
            boolean last = i == segments.size() - 1;
            if (existing == null || existing.isSymbolicLink() || (last ? !existing.isRegularFile() : !existing.isDirectory())) {
                return null;
            }
        }
        return path;
    }

    private int read(InputStream content) throws Corrupt {
        try {
            return content.read(buffer);
        } catch (IOException e) {
            throw new Corrupt(e);
        }
    }

    private void create(Path directory) throws IOException {
        try {
            Files.createDirectory(directory);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot create directory " + root.relativize(directory) + ": it already exists", e);
        }
        if (posix) {
            Files.setPosixFilePermissions(directory, EXECUTABLE);
        }
        directories++;
    }

    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
