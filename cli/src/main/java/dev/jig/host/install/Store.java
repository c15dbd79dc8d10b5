package dev.jig.host.install;

import java.io.IOException;
import dev.jig.host.files.FileTrees;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The installed plugins on disk: store directories, and the links in the user plugin directory
 * that make them live. Callers hold the {@link Guard}.
 */
final class Store {

    /**
     * A plugin that an install put in place.
     *
     * @param entry    the link's name in the user plugin directory
     * @param storeDir the store directory the link points into
     * @param receipt  what the store directory holds
     */
    record Managed(String entry, Path storeDir, Receipt receipt) {
        String name() {
            return receipt.name();
        }
    }

    /**
     * A plugin linked for development: a link to a path outside the store.
     *
     * @param entry  the link's name in the user plugin directory
     * @param target where it points
     */
    record Linked(String entry, Path target) {
    }

    private final Layout layout;
    private final String filePrefix;

    Store(Layout layout, String filePrefix) {
        this.layout = layout;
        this.filePrefix = filePrefix;
    }

    Layout layout() {
        return layout;
    }

    /** The link name of plugin {@code name}: {@code <prefix><name>} for an executable, {@code <name>} for a directory. */
    String entry(String name, boolean directory) {
        return directory ? name : filePrefix + name;
    }

    /** The installed plugins, by name. */
    TreeMap<String, Managed> managed() throws IOException {
        TreeMap<String, Managed> found = new TreeMap<>();
        for (Path link : links()) {
            Path target = target(link);
            Optional<Path> storeDir = storeDirOf(target);
            if (storeDir.isEmpty()) {
                continue;
            }
            Optional<Receipt> receipt = Receipt.read(storeDir.get());
            receipt.filter(r -> link.getFileName().toString().equals(entry(r.name(), r.directory())))
                    .ifPresent(r -> found.put(r.name(), new Managed(link.getFileName().toString(), storeDir.get(), r)));
        }
        return found;
    }

    /** The plugins linked for development, by link name. */
    List<Linked> linked() throws IOException {
        List<Linked> found = new ArrayList<>();
        for (Path link : links()) {
            Path target = target(link);
            if (storeDirOf(target).isEmpty()) {
                found.add(new Linked(link.getFileName().toString(), target));
            }
        }
        return found;
    }

    /** Whether something that is not a managed or linked plugin is at {@code entry}. */
    boolean occupiedByOther(String entry) {
        Path path = layout.plugins().resolve(entry);
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(path);
    }

    /** Whether {@code entry} is a link. */
    boolean isLink(String entry) {
        return Files.isSymbolicLink(layout.plugins().resolve(entry));
    }

    /** A fresh, empty staging directory. */
    Path stage() throws IOException {
        Files.createDirectories(layout.staging());
        return Files.createTempDirectory(layout.staging(), "install-");
    }

    /**
     * Moves a staged install into the store: {@code <store>/<name>/<dirName>}. When that
     * directory exists already (the same version and digest again), the staged copy is dropped
     * and the existing directory gets {@code receipt}, which may say the bytes came from
     * elsewhere this time.
     */
    Path commit(Path staged, String name, String dirName, Receipt receipt) throws IOException {
        Path parent = layout.store().resolve(name);
        Files.createDirectories(parent);
        Path storeDir = parent.resolve(dirName);
        if (Files.isDirectory(storeDir, LinkOption.NOFOLLOW_LINKS) && Receipt.read(storeDir).isPresent()) {
            FileTrees.delete(staged);
            if (!Receipt.read(storeDir).get().equals(receipt)) {
                receipt.replace(storeDir);
            }
            return storeDir;
        }
        FileTrees.delete(storeDir); // a damaged one, without its receipt
        Files.move(staged, storeDir, StandardCopyOption.ATOMIC_MOVE);
        return storeDir;
    }

    /** Where the link {@code entry} points now; empty when there is none. */
    Optional<Path> target(String entry) throws IOException {
        Path link = layout.plugins().resolve(entry);
        return Files.isSymbolicLink(link) ? Optional.of(Files.readSymbolicLink(link)) : Optional.empty();
    }

    /** Puts links back where they pointed before: to their old targets, or away when there was none. */
    void restore(Map<String, Optional<Path>> before) {
        before.forEach((entry, target) -> {
            try {
                if (target.isPresent()) {
                    switchTo(entry, target.get());
                } else {
                    unlink(entry);
                }
            } catch (IOException e) {
                // the next install's sweep and switch settle it; the error already reported says what failed
            }
        });
    }

    /** Makes {@code target} live as {@code entry}: one rename of a new link over the old one. */
    void switchTo(String entry, Path target) throws IOException {
        Files.createDirectories(layout.plugins());
        Path temp = layout.plugins().resolve("." + entry + "." + UUID.randomUUID() + ".tmp");
        Files.createSymbolicLink(temp, target);
        try {
            Files.move(temp, layout.plugins().resolve(entry), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, layout.plugins().resolve(entry), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Adds a link {@code entry} to {@code target}; fails when anything is there. */
    void link(String entry, Path target) throws IOException {
        Files.createDirectories(layout.plugins());
        Files.createSymbolicLink(layout.plugins().resolve(entry), target);
    }

    /** Removes the link {@code entry}; the plugin stops being found at once. */
    void unlink(String entry) throws IOException {
        Path link = layout.plugins().resolve(entry);
        if (Files.isSymbolicLink(link)) {
            Files.delete(link);
        }
    }

    /**
     * Deletes what killed or failed installs left: every staging directory, every store
     * directory no link points to, and temporary links.
     */
    void sweep() throws IOException {
        FileTrees.delete(layout.staging());
        // Live is what any link points into, receipt or not: nothing in use is ever deleted.
        Set<Path> live = new HashSet<>();
        for (Path link : links()) {
            storeDirOf(target(link)).ifPresent(live::add);
        }
        if (Files.isDirectory(layout.plugins())) {
            try (DirectoryStream<Path> temps = Files.newDirectoryStream(layout.plugins(), ".*.tmp")) {
                for (Path temp : temps) {
                    if (Files.isSymbolicLink(temp)) {
                        Files.deleteIfExists(temp);
                    }
                }
            }
        }
        if (!Files.isDirectory(layout.store())) {
            return;
        }
        try (DirectoryStream<Path> names = Files.newDirectoryStream(layout.store(),
                entry -> Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS))) {
            for (Path name : names) {
                if (name.getFileName().toString().startsWith(".")) {
                    continue;
                }
                try (DirectoryStream<Path> versions = Files.newDirectoryStream(name)) {
                    for (Path version : versions) {
                        if (!live.contains(version)) {
                            FileTrees.delete(version);
                        }
                    }
                }
                try {
                    Files.delete(name);
                } catch (IOException e) {
                    // not empty: a live version is in it
                }
            }
        }
    }

    private List<Path> links() throws IOException {
        List<Path> links = new ArrayList<>();
        if (!Files.isDirectory(layout.plugins())) {
            return links;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.plugins(), Files::isSymbolicLink)) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().startsWith(".")) {
                    links.add(entry);
                }
            }
        }
        links.sort(null);
        return links;
    }

    private static Path target(Path link) throws IOException {
        try {
            return link.resolveSibling(Files.readSymbolicLink(link)).normalize();
        } catch (NoSuchFileException e) {
            return link;
        }
    }

    /** The store directory {@code <store>/<name>/<version>} that {@code target} lies in, if it does. */
    private Optional<Path> storeDirOf(Path target) {
        Path store = layout.store().toAbsolutePath().normalize();
        if (!target.startsWith(store) || target.getNameCount() < store.getNameCount() + 2) {
            return Optional.empty();
        }
        Path storeDir = store.resolve(target.subpath(store.getNameCount(), store.getNameCount() + 2));
        return storeDir.getFileName().toString().startsWith(".") ? Optional.empty() : Optional.of(storeDir);
    }
}
