package dev.jig.host.index;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One downloadable form of a release: a single executable or a {@code .tar.gz}/{@code .zip}
 * archive (told apart by its content, not its name).
 *
 * @param os        {@code linux}, {@code darwin}, {@code windows}, ...; null when it runs on any
 * @param arch      {@code x86_64}, {@code aarch64}, ...; null when it runs on any
 * @param url       absolute: a relative URL in the index is resolved against the index's own URL
 * @param sha256    the SHA-256 of the downloaded bytes, 64 lower-case hex digits
 * @param signature the text of a {@code .sig} file for it ({@code <key id> <base64 Ed25519 signature>}
 *                  of the SHA-256), if the publisher signed it
 */
public record Artifact(String os, String arch, URI url, String sha256, Optional<String> signature) {

    public Artifact {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(signature, "signature");
    }

    /** {@code linux/x86_64}, {@code linux/any}, {@code any}: the platforms it runs on. */
    public String platformText() {
        if (os == null && arch == null) {
            return "any";
        }
        return (os == null ? "any" : os) + "/" + (arch == null ? "any" : arch);
    }

    /** How specific it is: os and arch 3, os 2, arch 1, neither 0. */
    int specificity() {
        return (os == null ? 0 : 2) + (arch == null ? 0 : 1);
    }
}
