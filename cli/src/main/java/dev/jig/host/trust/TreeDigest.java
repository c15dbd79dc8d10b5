package dev.jig.host.trust;

import dev.jig.host.discovery.PluginFile;
import dev.jig.host.metadata.Digester;
import dev.jig.host.metadata.Digests;
import dev.jig.host.metadata.Fingerprint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Digests and fingerprints of what a trust record pins: one executable file, or the whole tree
 * of a directory plugin.
 *
 * <p>A file: the SHA-256 of its bytes (a symbolic link is followed) and its {@link Fingerprint}.
 *
 * <p>A tree (the directory is resolved to its real path first; links inside it are not followed):
 * the SHA-256 over every entry but its signature ({@link PluginFile#SIGNATURE}, which signs this
 * digest) in the order of their relative paths, each entry contributing its
 * kind and relative path, then for a regular file whether it is executable, its size and its
 * bytes, for a link its target text. Its fingerprint folds the status of every entry (the
 * directories included, whose times change when an entry is added, removed or renamed): total
 * size, latest mtime, latest ctime, and a hash of each entry's path, inode, size and times in
 * place of an inode. Any write, chmod, rename, new or removed file anywhere in the tree changes
 * it; reading it costs one {@code stat} per entry, no content.
 */
public final class TreeDigest {

    private TreeDigest() {
    }

    /** The lower-case hex SHA-256 of a file, or of a whole tree when {@code tree}. */
    public static String sha256(Path target, boolean tree) throws IOException {
        if (!tree) {
            return Digests.compute(target);
        }
        MessageDigest digest = Digests.newSha256();
        Path root = target.toRealPath();
        for (Path entry : entries(root)) {
            String relative = root.relativize(entry).toString();
            if (Files.isSymbolicLink(entry)) {
                digest.update(bytes("L " + relative + "\0" + Files.readSymbolicLink(entry) + "\0"));
            } else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                digest.update(bytes("D " + relative + "\0"));
            } else {
                digest.update(bytes("F " + relative + "\0" + (Files.isExecutable(entry) ? "x" : "-") + " "
                        + Files.size(entry) + "\0"));
                Digests.update(digest, entry);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The fingerprint of a file, or of a whole tree when {@code tree}. */
    public static Fingerprint fingerprint(Path target, boolean tree) throws IOException {
        if (!tree) {
            return Fingerprint.of(target);
        }
        Path root = target.toRealPath();
        long size = 0;
        long mtime = 0;
        long ctime = 0;
        long hash = 0xcbf29ce484222325L;
        for (Path entry : entries(root)) {
            long[] status = status(entry);
            size += status[0];
            mtime = Math.max(mtime, status[1]);
            ctime = Math.max(ctime, status[2]);
            hash = fold(hash, bytes(root.relativize(entry).toString()));
            for (long field : status) {
                hash = fold(hash, field);
            }
        }
        return new Fingerprint(size, mtime, ctime, hash);
    }

    /**
     * A digester that remembers each digest in {@code digests} under the file's or the tree's
     * fingerprint: content that did not change is not read again.
     */
    public static Digester remembering(Digests digests) {
        return (target, tree) -> {
            Path real = target.toRealPath();
            return digests.remembered(real, () -> fingerprint(real, tree), () -> sha256(real, tree));
        };
    }

    /** Every entry of the tree but its signature, the root first, sorted by relative path. */
    private static List<Path> entries(Path root) throws IOException {
        List<Path> entries = new ArrayList<>();
        Path signature = root.resolve(PluginFile.SIGNATURE);
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(entry -> !entry.startsWith(signature)).forEach(entries::add);
        }
        entries.sort((a, b) -> root.relativize(a).toString().compareTo(root.relativize(b).toString()));
        return entries;
    }

    /** size, mtime, ctime, inode of one entry, not following a link. */
    private static long[] status(Path entry) throws IOException {
        try {
            Map<String, Object> unix = Files.readAttributes(entry, "unix:size,lastModifiedTime,ctime,ino",
                    LinkOption.NOFOLLOW_LINKS);
            return new long[] {(Long) unix.get("size"), nanos((FileTime) unix.get("lastModifiedTime")),
                    nanos((FileTime) unix.get("ctime")), (Long) unix.get("ino")};
        } catch (UnsupportedOperationException e) {
            BasicFileAttributes basic = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new long[] {basic.size(), nanos(basic.lastModifiedTime()), 0, 0};
        }
    }

    private static long fold(long hash, byte[] data) {
        for (byte b : data) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return (hash ^ 0xff) * 0x100000001b3L; // a separator, so "ab"+"c" differs from "a"+"bc"
    }

    private static long fold(long hash, long value) {
        for (int shift = 0; shift < 64; shift += 8) {
            hash = (hash ^ ((value >>> shift) & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static long nanos(FileTime time) {
        return time.to(TimeUnit.NANOSECONDS);
    }
}
