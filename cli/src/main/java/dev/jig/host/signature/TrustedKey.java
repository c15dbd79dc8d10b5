package dev.jig.host.signature;

import java.nio.file.Path;
import java.security.PublicKey;

/**
 * A publisher's public key the user trusts.
 *
 * @param name its file name without {@code .pem}
 * @param id   its key id ({@link PemKeys#keyId})
 * @param key  the Ed25519 public key
 * @param file the file it was read from
 */
public record TrustedKey(String name, String id, PublicKey key, Path file) {
}
