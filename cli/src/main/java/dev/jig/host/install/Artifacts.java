package dev.jig.host.install;

import dev.jig.host.ExitStatus;
import dev.jig.host.archive.ArchiveException;
import dev.jig.host.archive.Unpacker;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.download.Download;
import dev.jig.host.download.DownloadException;
import dev.jig.host.files.FileTrees;
import dev.jig.host.trust.TreeDigest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Brings one artifact into a staging directory: fetched (or copied), its digest and signature
 * checked, unpacked when it is an archive, and the plugin in it found. Whatever fails, the
 * staging directory is gone afterwards.
 */
final class Artifacts {

    /**
     * One artifact to stage.
     *
     * @param source    an {@code http(s):} or {@code file:} URI; a {@code file:} directory is copied
     * @param sha256    the digest it must have, when an index or the lock file says
     * @param signature its signature line, when an index or the lock file gives one
     * @param name      the plugin's name, when known before looking inside
     * @param what      the artifact for messages, e.g. {@code greet 1.2.0 (https://...)}
     */
    record Wanted(URI source, Optional<String> sha256, Optional<String> signature, Optional<String> name, String what) {
    }

    /**
     * A staged artifact.
     *
     * @param staging the staging directory: {@code tree/} holds the plugin
     * @param plugin  where the plugin is in the tree, and its name
     * @param sha256  the artifact's digest (a directory's tree digest)
     */
    record Staged(Path staging, StagedPlugin plugin, String sha256) {
        Path tree() {
            return staging.resolve(Receipt.TREE);
        }
    }

    private final Function<String, Download> download;
    private final ArtifactSignature signatures;
    private final String filePrefix;
    private final Consumer<String> report;

    /**
     * @param download the download to use for an artifact, showing its progress under the label given
     */
    Artifacts(Function<String, Download> download, ArtifactSignature signatures, String filePrefix,
              Consumer<String> report) {
        this.download = download;
        this.signatures = signatures;
        this.filePrefix = filePrefix;
        this.report = report;
    }

    /** Stages {@code wanted} in a fresh staging directory of {@code store}. */
    Staged stage(Store store, Wanted wanted) throws InstallException, InterruptedException {
        Path staging;
        try {
            staging = store.stage();
        } catch (IOException e) {
            throw new InstallException("cannot make a staging directory in " + store.layout().store() + ": "
                    + e.getMessage(), ExitStatus.FAILURE);
        }
        try {
            Path tree = Files.createDirectory(staging.resolve(Receipt.TREE));
            String sha256 = directory(wanted.source()).isPresent()
                    ? copyDirectory(directory(wanted.source()).get(), tree, wanted)
                    : fetch(staging, tree, wanted);
            return new Staged(staging, underItsName(tree, StagedPlugin.find(tree, filePrefix, wanted.name(), wanted.what())),
                    sha256);
        } catch (InstallException | InterruptedException | RuntimeException e) {
            discard(staging);
            throw e;
        } catch (IOException e) {
            discard(staging);
            throw new InstallException(wanted.what() + ": cannot stage it in " + staging + ": " + e.getMessage(),
                    ExitStatus.FAILURE);
        }
    }

    /**
     * Moves a directory plugin to {@code tree/<name>/}: a plugin is staged under the name it will
     * have, which its lifecycle hooks see and its checks compare.
     */
    private static StagedPlugin underItsName(Path tree, StagedPlugin plugin) throws IOException {
        if (!plugin.directory() || plugin.root().equals(plugin.name())) {
            return plugin;
        }
        Path from = tree.resolve(plugin.root()).normalize();
        Path aside = Files.createTempDirectory(tree.getParent(), "move-");
        Files.move(from.equals(tree) ? tree : from, aside.resolve(plugin.name()), StandardCopyOption.ATOMIC_MOVE);
        if (from.equals(tree)) {
            Files.createDirectory(tree);
        }
        Files.move(aside.resolve(plugin.name()), tree.resolve(plugin.name()), StandardCopyOption.ATOMIC_MOVE);
        Files.delete(aside);
        return new StagedPlugin(plugin.name(), true, plugin.name());
    }

    /** Deletes a staging directory; what cannot be deleted now goes with the next install's sweep. */
    static void discard(Path staging) {
        try {
            FileTrees.delete(staging);
        } catch (IOException e) {
            // swept by the next install
        }
    }

    private String fetch(Path staging, Path tree, Wanted wanted) throws InstallException, InterruptedException, IOException {
        Path file = staging.resolve("download");
        String sha256;
        try {
            String label = wanted.name().orElseGet(() -> Targets.shown(wanted.source()));
            sha256 = download.apply(label).fetch(wanted.source(), file).sha256();
        } catch (DownloadException e) {
            throw new InstallException(e.getMessage() + "; nothing was installed", ExitStatus.FETCH_FAILED);
        }
        if (wanted.sha256().isPresent() && !wanted.sha256().get().equalsIgnoreCase(sha256)) {
            throw new InstallException(wanted.what() + ": the download has SHA-256 " + sha256 + ", not the "
                    + wanted.sha256().get() + " expected; it was changed or damaged, and nothing was installed",
                    ExitStatus.NOT_VERIFIED);
        }
        if (wanted.sha256().isPresent()) {
            signatures.check(wanted.what(), sha256, wanted.signature(), report);
        }
        if (Unpacker.isArchive(file)) {
            try {
                Unpacker.unpack(file, tree, Unpacker.Limits.DEFAULT);
            } catch (ArchiveException e) {
                throw new InstallException(wanted.what() + ": " + e.getMessage(), ExitStatus.REFUSED);
            }
            Files.delete(file);
            return sha256;
        }
        String name = wanted.name().or(() -> nameOf(wanted.source())).orElseThrow(() -> new InstallException(
                wanted.what() + " is one file whose name does not start with '" + filePrefix + "', so it names no plugin;"
                        + " rename it " + filePrefix + "NAME", ExitStatus.REFUSED));
        Path executable = tree.resolve(filePrefix + name);
        Files.move(file, executable);
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (wanted.signature().isPresent()) {
            // The signature signs the file's digest: beside it, it lets signature checks pass at every run too.
            Files.writeString(tree.resolve(filePrefix + name + PluginFile.SIGNATURE_SUFFIX), wanted.signature().get() + "\n",
                    StandardCharsets.UTF_8);
        }
        return sha256;
    }

    /** The plugin name in a single file's name, {@code <prefix><name>}. */
    private Optional<String> nameOf(URI source) {
        String path = source.getPath();
        if (path == null) {
            return Optional.empty();
        }
        String file = path.substring(path.lastIndexOf('/') + 1);
        return file.startsWith(filePrefix) && file.length() > filePrefix.length()
                ? Optional.of(file.substring(filePrefix.length())) : Optional.empty();
    }

    private static Optional<Path> directory(URI source) {
        if (!"file".equals(source.getScheme())) {
            return Optional.empty();
        }
        Path path = Path.of(source);
        return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
    }

    /** Copies a plugin directory as it is, links as links; its digest is the tree digest of the copy. */
    private String copyDirectory(Path source, Path tree, Wanted wanted) throws IOException, InstallException {
        Path target = tree.resolve(wanted.name().orElse(source.getFileName().toString()));
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, target.resolve(source.relativize(file).toString()), LinkOption.NOFOLLOW_LINKS,
                        StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
        String sha256 = TreeDigest.sha256(target, true);
        if (wanted.sha256().isPresent() && !wanted.sha256().get().equalsIgnoreCase(sha256)) {
            throw new InstallException(wanted.what() + ": the directory has tree digest " + sha256 + ", not the "
                    + wanted.sha256().get() + " the lock file says; nothing was installed", ExitStatus.NOT_VERIFIED);
        }
        return sha256;
    }
}
