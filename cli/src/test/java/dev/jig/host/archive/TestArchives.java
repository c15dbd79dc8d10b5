package dev.jig.host.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Real archives written with commons-compress, entry by entry, hostile ones included. */
final class TestArchives {

    private TestArchives() {
    }

    /** One entry: a tar type flag, a Unix permission mode, content, and a link name for links. */
    record Item(String name, byte type, int mode, byte[] content, String link) {

        static Item file(String name, String content) {
            return new Item(name, TarConstants.LF_NORMAL, 0644, content.getBytes(StandardCharsets.UTF_8), "");
        }

        static Item file(String name, int mode, byte[] content) {
            return new Item(name, TarConstants.LF_NORMAL, mode, content, "");
        }

        static Item executable(String name, String content) {
            return new Item(name, TarConstants.LF_NORMAL, 0755, content.getBytes(StandardCharsets.UTF_8), "");
        }

        static Item directory(String name) {
            return new Item(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR, 0755, new byte[0], "");
        }

        static Item symbolicLink(String name, String target) {
            return new Item(name, TarConstants.LF_SYMLINK, 0777, new byte[0], target);
        }

        static Item hardLink(String name, String target) {
            return new Item(name, TarConstants.LF_LINK, 0644, new byte[0], target);
        }

        static Item special(String name, byte type) {
            return new Item(name, type, 0644, new byte[0], "");
        }
    }

    static Path tarGz(Path file, Item... items) {
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(file))) {
            writeTar(out, items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static Path tar(Path file, Item... items) {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeTar(out, items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static Path zip(Path file, Item... items) {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            for (Item item : items) {
                ZipArchiveEntry entry = new ZipArchiveEntry(item.name());
                int type;
                byte[] content = item.content();
                if (item.type() == TarConstants.LF_DIR) {
                    type = 0040000;
                } else if (item.type() == TarConstants.LF_SYMLINK) {
                    type = 0120000;
                    content = item.link().getBytes(StandardCharsets.UTF_8);
                } else if (item.type() == TarConstants.LF_FIFO) {
                    type = 0010000;
                } else if (item.type() == TarConstants.LF_CHR) {
                    type = 0020000;
                } else {
                    type = 0100000;
                }
                entry.setUnixMode(type | item.mode());
                zip.putArchiveEntry(entry);
                zip.write(content);
                zip.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void writeTar(OutputStream out, Item... items) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        for (Item item : items) {
            TarArchiveEntry entry = new TarArchiveEntry(item.name(), item.type(), true);
            entry.setMode(item.mode());
            if (!item.link().isEmpty()) {
                entry.setLinkName(item.link());
            }
            entry.setSize(item.type() == TarConstants.LF_NORMAL ? item.content().length : 0);
            tar.putArchiveEntry(entry);
            if (item.type() == TarConstants.LF_NORMAL) {
                tar.write(item.content());
            }
            tar.closeArchiveEntry();
        }
        tar.finish();
    }
}
