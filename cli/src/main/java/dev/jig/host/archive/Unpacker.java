package dev.jig.host.archive;

import dev.jig.host.files.FileTrees;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Unpacks a plugin archive into an empty staging directory. The format comes from the file's
 * first bytes: gzip (a {@code .tar.gz}), zip, or a plain POSIX tar.
 *
 * <p>Only regular files, directories, and symbolic and hard links that stay inside the directory
 * are unpacked. The archive is refused, and whatever was written removed, when an entry's path is
 * absolute or leaves the directory ({@code ../}, a drive letter, a backslash), a symbolic link
 * points outside it, a hard link points to anything but an earlier file, an entry is a device, a
 * FIFO or another special file, an entry would be written through a symbolic link or replace
 * one, a name appears twice, or the archive has more entries or expands to more bytes than the
 * {@link Limits} allow (bytes actually written are counted, not declared sizes).
 *
 * <p>Files are written {@code 0755} when any execute bit is set in the archive and {@code 0644}
 * otherwise; directories {@code 0755}. No setuid, setgid, sticky or world-writable bit survives.
 */
public final class Unpacker {

    private Unpacker() {
    }

    /**
     * How much an archive may hold.
     *
     * @param maxTotalBytes the most bytes all files may expand to
     * @param maxEntries    the most entries (files, directories, links) an archive may have
     */
    public record Limits(long maxTotalBytes, int maxEntries) {
        /** 512 MiB in at most 20,000 entries: far more than any plugin, far less than a full disk. */
        public static final Limits DEFAULT = new Limits(512L * 1024 * 1024, 20_000);

        public Limits {
            if (maxTotalBytes < 0 || maxEntries < 0) {
                throw new IllegalArgumentException("limits must not be negative");
            }
        }
    }

    /**
     * What an archive held.
     *
     * @param files       regular files written
     * @param directories directories created, named in the archive or implied by a path
     * @param links       symbolic and hard links created
     * @param bytes       bytes written to files
     */
    public record Unpacked(int files, int directories, int links, long bytes) {
    }

    /**
     * Whether {@code file} is an archive this class unpacks, judged by its first bytes as
     * {@link #unpack} judges it; anything else (an executable, a script) is not.
     */
    public static boolean isArchive(Path file) throws IOException {
        return Format.of(file).isPresent();
    }

    /**
     * Unpacks {@code archive} into {@code target}.
     *
     * @param target an existing, empty directory; on failure it is left empty
     * @throws ArchiveException when the archive cannot be read, is corrupt, has an unknown format
     *                          or holds a refused entry; the message names the archive and entry
     */
    public static Unpacked unpack(Path archive, Path target, Limits limits) throws ArchiveException {
        String name = archive.getFileName() == null ? archive.toString() : archive.getFileName().toString();
        emptyDirectory(name, target);
        Format format = format(name, archive);
        Extraction extraction = new Extraction(target, limits);
        boolean done = false;
        try {
            if (format == Format.ZIP) {
                ZipEntries.unpack(archive, extraction);
            } else {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(archive), 64 * 1024)) {
                    TarEntries.unpack(in, format == Format.TAR_GZ, extraction);
                }
            }
            done = true;
            return extraction.result();
        } catch (Refusal refusal) {
            throw new ArchiveException(name + ": " + refusal.describe() + "; refusing to unpack it");
        } catch (Corrupt e) {
            throw corrupt(name, extraction, e);
        } catch (IOException e) {
            throw new ArchiveException(name + ": cannot unpack" + at(extraction) + " into " + target + ": "
                    + reason(e), e);
        } catch (RuntimeException e) {
            // Hostile or damaged archives can trip unchecked exceptions inside the format readers.
            throw corrupt(name, extraction, e);
        } finally {
            if (!done) {
                clear(target);
            }
        }
    }

    private static Format format(String name, Path archive) throws ArchiveException {
        Optional<Format> format;
        try {
            format = Format.of(archive);
        } catch (IOException e) {
            throw new ArchiveException(name + ": cannot read it: " + reason(e), e);
        }
        return format.orElseThrow(() -> new ArchiveException(name
                + ": is neither a .tar.gz nor a .zip archive; check that it is the plugin's release archive"));
    }

    private static void emptyDirectory(String name, Path target) throws ArchiveException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
            if (entries.iterator().hasNext()) {
                throw new ArchiveException("cannot unpack " + name + " into " + target + ": it is not empty");
            }
        } catch (IOException e) {
            throw new ArchiveException("cannot unpack " + name + " into " + target + ": " + reason(e), e);
        }
    }

    private static ArchiveException corrupt(String name, Extraction extraction, Exception e) {
        return new ArchiveException(name + ": is corrupt or truncated" + at(extraction) + " (" + reason(e)
                + "); download it again", e);
    }

    private static String at(Extraction extraction) {
        return extraction.current() == null ? "" : " at entry " + EntryPath.quote(extraction.current());
    }

    private static String reason(Exception e) {
        Throwable t = e instanceof Corrupt && e.getCause() != null ? e.getCause() : e;
        if (t instanceof NoSuchFileException) {
            return "no such file";
        }
        if (t instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return message.strip().lines().findFirst().orElse(message);
    }

    /** Removes everything inside {@code target}, never following links; the caller drops the rest with its staging directory. */
    private static void clear(Path target) {
        try {
            FileTrees.clear(target);
        } catch (IOException e) {
            // Best effort: the staging directory is removed as a whole by its owner.
        }
    }
}
