package dev.jig.host.signature;

import dev.jig.host.discovery.PluginFile;
import java.nio.file.Path;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * A detached signature file: one line, the signer's key id and the signature, separated by a
 * space, e.g. {@code 92578ac52ce3595e fDFuhb8C...Ag==}. The key id ({@link PemKeys#keyId}) tells
 * "signed by a key you do not trust" from "the signature does not match"; the signature is the
 * 64-byte Ed25519 signature of the artifact's 32-byte SHA-256, in base64.
 *
 * @param keyId     16 lower-case hex digits
 * @param signature 64 bytes
 */
public record SignatureFile(String keyId, byte[] signature) {

    /** The length of an Ed25519 signature. */
    public static final int SIGNATURE_BYTES = 64;

    /** The longest signature file read: a line of key id and signature has about 105 bytes. */
    public static final int MAX_BYTES = 4096;

    public SignatureFile {
        if (!isKeyId(keyId)) {
            throw new IllegalArgumentException("not a key id: '" + keyId + "'");
        }
        if (signature.length != SIGNATURE_BYTES) {
            throw new IllegalArgumentException("an Ed25519 signature has 64 bytes, not " + signature.length);
        }
        signature = signature.clone();
    }

    /** Where the signature of {@code target} is: {@code <file>.sig}, or {@code plugin.sig} inside a directory plugin. */
    public static Path location(Path target, boolean tree) {
        return tree ? target.resolve(PluginFile.SIGNATURE)
                : target.resolveSibling(target.getFileName() + PluginFile.SIGNATURE_SUFFIX);
    }

    /**
     * Reads a signature file's text; surrounding white space (a trailing newline) is ignored.
     *
     * @throws SignatureException when it is not one line of a key id and a signature
     */
    public static SignatureFile parse(String text) throws SignatureException {
        String[] fields = text.strip().split("[ \t]+");
        if (fields.length != 2 || text.strip().contains("\n")) {
            throw new SignatureException("is not one line '<key id> <signature>'");
        }
        String keyId = fields[0].toLowerCase(Locale.ROOT);
        if (!isKeyId(keyId)) {
            throw new SignatureException("has no key id (16 hex digits) before the signature");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(fields[1]);
        } catch (IllegalArgumentException e) {
            throw new SignatureException("holds a signature that is not base64");
        }
        if (signature.length != SIGNATURE_BYTES) {
            throw new SignatureException("holds " + signature.length + " bytes of signature, not the 64 of Ed25519");
        }
        return new SignatureFile(keyId, signature);
    }

    /** The file's text, ending with a newline. */
    public String format() {
        return keyId + " " + Base64.getEncoder().encodeToString(signature) + "\n";
    }

    /** A copy of the signature bytes. */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignatureFile that && keyId.equals(that.keyId) && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode() * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return format().strip();
    }

    private static boolean isKeyId(String text) {
        return text.length() == 16 && text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }
}
