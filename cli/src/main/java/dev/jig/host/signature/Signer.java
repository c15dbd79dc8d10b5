package dev.jig.host.signature;

import dev.jig.host.files.AtomicFiles;
import dev.jig.host.metadata.Digester;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Signs an artifact for its publisher: the Ed25519 signature of its SHA-256, written atomically
 * to its {@link SignatureFile#location signature file} (0644: it is shipped with the plugin).
 */
public final class Signer {

    private final Digester digester;

    /** @param digester the artifact's SHA-256, as {@link Verifier} computes it */
    public Signer(Digester digester) {
        this.digester = digester;
    }

    /**
     * What signing {@code target} wrote.
     *
     * @param file      the signature file
     * @param signature its content
     * @param sha256    the signed digest, in hex
     */
    public record Signed(Path file, SignatureFile signature, String sha256) {
    }

    /**
     * Signs {@code target} with {@code key}, replacing any earlier signature.
     *
     * @param tree whether {@code target} is a plugin directory, signed as a whole tree
     * @throws InvalidKeyException when {@code key} is not a usable Ed25519 key
     * @throws IOException         when {@code target} cannot be read or the signature not written
     */
    public Signed sign(Path target, boolean tree, PrivateKey key) throws InvalidKeyException, IOException {
        PublicKey publicKey = PemKeys.publicKeyOf(key);
        String sha256 = digester.digest(target, tree);
        byte[] digest = HexFormat.of().parseHex(sha256);
        byte[] bytes;
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(key);
            ed25519.update(digest);
            bytes = ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyException("cannot sign with it: " + e.getMessage());
        }
        // The public key was derived, not read: a signature it does not verify is never written.
        if (!Verifier.verifies(publicKey, digest, bytes)) {
            throw new InvalidKeyException("cannot derive its public key");
        }
        SignatureFile signature = new SignatureFile(PemKeys.keyId(publicKey), bytes);
        Path file = SignatureFile.location(target, tree);
        AtomicFiles.replace(file, signature.format().getBytes(StandardCharsets.US_ASCII),
                Optional.of(PosixFilePermissions.fromString("rw-r--r--")), true);
        return new Signed(file, signature, sha256);
    }
}
