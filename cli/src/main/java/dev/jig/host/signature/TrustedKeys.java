package dev.jig.host.signature;

import dev.jig.host.HostSettings;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The publisher keys the user trusts: every {@code *.pem} file (a PEM {@code PUBLIC KEY}) in
 * {@code ${XDG_CONFIG_HOME:-~/.config}/<cli>/trusted-keys/}, read once, in name order. A file
 * that cannot be read as a key is skipped, with one line naming it in {@link #problems()}.
 */
public final class TrustedKeys {

    /** The directory's name inside the user's configuration directory. */
    public static final String DIRECTORY = "trusted-keys";

    private final Optional<Path> directory;
    private List<TrustedKey> keys;
    private List<String> problems;

    /** @param directory where the keys are; empty: no key is trusted */
    public TrustedKeys(Optional<Path> directory) {
        this.directory = directory;
    }

    /** The keys of the user {@code settings} describe; none without a usable home. */
    public static TrustedKeys of(HostSettings settings) {
        return new TrustedKeys(settings.configDirectory().map(config -> config.resolve(DIRECTORY)));
    }

    /** The directory, when there is a home to keep it in. */
    public Optional<Path> directory() {
        return directory;
    }

    /** The keys that could be read, in file name order. */
    public synchronized List<TrustedKey> keys() {
        load();
        return keys;
    }

    /** One line per key file skipped: the file, and why. */
    public synchronized List<String> problems() {
        load();
        return problems;
    }

    /** The key with {@code id}; the first by file name when copies of one key are trusted under two names. */
    public Optional<TrustedKey> byId(String id) {
        return keys().stream().filter(key -> key.id().equals(id)).findFirst();
    }

    private void load() {
        if (keys != null) {
            return;
        }
        List<TrustedKey> found = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path file : files(skipped)) {
            String name = file.getFileName().toString();
            try {
                var key = PemKeys.readPublicKey(file);
                found.add(new TrustedKey(name.substring(0, name.length() - ".pem".length()), PemKeys.keyId(key), key, file));
            } catch (IOException e) {
                skipped.add("trusted key " + file + " cannot be read ("
                        + (e instanceof AccessDeniedException ? "permission denied" : e.getMessage()) + "); skipped");
            } catch (InvalidKeyException e) {
                skipped.add("trusted key " + file + " " + e.getMessage() + "; skipped");
            }
        }
        keys = List.copyOf(found);
        problems = List.copyOf(skipped);
    }

    private List<Path> files(List<String> skipped) {
        List<Path> files = new ArrayList<>();
        if (directory.isEmpty()) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory.get(), "*.pem")) {
            entries.forEach(files::add);
        } catch (NoSuchFileException e) {
            return files;
        } catch (IOException e) {
            skipped.add("the trusted keys in " + directory.get() + " cannot be listed (" + e + "); none is used");
        }
        files.sort(null);
        return files;
    }
}
