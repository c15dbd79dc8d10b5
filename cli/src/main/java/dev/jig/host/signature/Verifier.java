package dev.jig.host.signature;

import dev.jig.host.metadata.Digester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Checks an artifact's detached signature ({@link SignatureFile}) against the trusted keys: an
 * executable's {@code <file>.sig}, or a directory plugin's {@code plugin.sig}. The signed message
 * is the artifact's 32-byte SHA-256 as {@code digester} computes it (of the file, or of the whole
 * tree); nothing is hashed when there is no signature or its key is not trusted.
 */
public final class Verifier {

    private final TrustedKeys keys;
    private final Digester digester;

    /**
     * @param keys     the keys the user trusts
     * @param digester the artifact's SHA-256, remembered by fingerprint outside tests
     */
    public Verifier(TrustedKeys keys, Digester digester) {
        this.keys = keys;
        this.digester = digester;
    }

    /** The keys signatures are checked against. */
    public TrustedKeys keys() {
        return keys;
    }

    /** The digests signatures sign. */
    public Digester digester() {
        return digester;
    }

    /**
     * What the signature of {@code target} says about it now.
     *
     * @param tree whether {@code target} is a plugin directory, signed as a whole tree
     */
    public Verification verify(Path target, boolean tree) {
        Optional<Path> found = locate(target, tree);
        if (found.isEmpty()) {
            return new Verification.Missing(SignatureFile.location(target, tree));
        }
        Path file = found.get();
        SignatureFile signature;
        try {
            signature = SignatureFile.parse(SmallFiles.read(file, SignatureFile.MAX_BYTES));
        } catch (IOException e) {
            return new Verification.Bad(file, "cannot be read (" + e.getMessage() + ")");
        } catch (SignatureException e) {
            return new Verification.Bad(file, e.getMessage());
        }
        Optional<TrustedKey> key = keys.byId(signature.keyId());
        if (key.isEmpty()) {
            return new Verification.UnknownKey(file, signature.keyId(), keys.directory(), keys.problems());
        }
        byte[] digest;
        try {
            digest = HexFormat.of().parseHex(digester.digest(target, tree));
        } catch (IOException | RuntimeException e) {
            return new Verification.Bad(file, "cannot be checked: " + target + " cannot be read (" + e.getMessage() + ")");
        }
        if (!verifies(key.get().key(), digest, signature.signature())) {
            return new Verification.Bad(file, "does not match it: it changed since it was signed with trusted key '"
                    + key.get().name() + "', or the signature is damaged");
        }
        return new Verification.Good(file, key.get());
    }

    /** Whether {@code signature} is the Ed25519 signature of {@code message} by {@code key}. */
    public static boolean verifies(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(message);
            return ed25519.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a malformed signature or key verifies nothing
        }
    }

    /**
     * The signature file of {@code target}: beside it, or for an executable that is a link,
     * beside the file it links to (a publisher signs the file it ships; a user links to it).
     */
    private static Optional<Path> locate(Path target, boolean tree) {
        Path beside = SignatureFile.location(target, tree);
        if (Files.exists(beside, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(beside);
        }
        if (!tree && Files.isSymbolicLink(target)) {
            try {
                Path real = SignatureFile.location(target.toRealPath(), false);
                return Files.exists(real) ? Optional.of(real) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
