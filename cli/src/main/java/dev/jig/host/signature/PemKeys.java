package dev.jig.host.signature;

import dev.jig.host.metadata.Digests;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ed25519 keys in PEM, as {@code openssl} writes them: a {@code PUBLIC KEY} (SubjectPublicKeyInfo,
 * {@code openssl pkey -pubout}) and a {@code PRIVATE KEY} (unencrypted PKCS#8,
 * {@code openssl genpkey -algorithm ed25519}). Each error message says what the text holds
 * instead and how to get the right thing, to follow a file name.
 */
public final class PemKeys {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    private PemKeys() {
    }

    /** A key file is a few hundred bytes; anything far larger is not one. */
    static final int MAX_BYTES = 64 * 1024;

    /** The Ed25519 private key in PEM file {@code file}. */
    public static PrivateKey readPrivateKey(Path file) throws IOException, InvalidKeyException {
        return privateKey(SmallFiles.read(file, MAX_BYTES));
    }

    /** The Ed25519 public key in PEM file {@code file}. */
    public static PublicKey readPublicKey(Path file) throws IOException, InvalidKeyException {
        return publicKey(SmallFiles.read(file, MAX_BYTES));
    }

    /** The Ed25519 public key of a PEM {@code PUBLIC KEY}. */
    public static PublicKey publicKey(String pem) throws InvalidKeyException {
        byte[] der = der(pem, "PUBLIC KEY", "put the public key there: 'openssl pkey -in KEY.pem -pubout'");
        try {
            return keyFactory().generatePublic(new X509EncodedKeySpec(der));
        } catch (InvalidKeySpecException e) {
            throw new InvalidKeyException("is not an Ed25519 public key");
        }
    }

    /** The Ed25519 private key of a PEM {@code PRIVATE KEY}. */
    public static PrivateKey privateKey(String pem) throws InvalidKeyException {
        if (pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw new InvalidKeyException("is encrypted; write it decrypted first:"
                    + " 'openssl pkey -in KEY.pem -out PLAIN.pem'");
        }
        byte[] der = der(pem, "PRIVATE KEY", "make one with 'openssl genpkey -algorithm ed25519 -out KEY.pem'");
        try {
            return keyFactory().generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (InvalidKeySpecException e) {
            throw new InvalidKeyException("is not an Ed25519 private key;"
                    + " make one with 'openssl genpkey -algorithm ed25519 -out KEY.pem'");
        }
    }

    /**
     * The public key that belongs to {@code key}. The JDK derives it only while generating a
     * pair, so the pair is generated from the private key's own 32-byte seed (RFC 8032 §5.1.5);
     * the caller checks the result by verifying what it signs.
     */
    public static PublicKey publicKeyOf(PrivateKey key) throws InvalidKeyException {
        if (!(key instanceof EdECPrivateKey edec) || edec.getBytes().isEmpty()) {
            throw new InvalidKeyException("is not an Ed25519 private key");
        }
        byte[] seed = edec.getBytes().get();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            return generator.generateKeyPair().getPublic();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidKeyException("cannot derive its public key: " + e.getMessage());
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** A key's id: the first 8 bytes of the SHA-256 of its SubjectPublicKeyInfo (DER), in hex. */
    public static String keyId(PublicKey key) {
        byte[] digest = Digests.newSha256().digest(key.getEncoded());
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    private static byte[] der(String pem, String label, String advice) throws InvalidKeyException {
        Matcher block = BLOCK.matcher(pem);
        if (!block.find()) {
            throw new InvalidKeyException("is not a PEM file; " + advice);
        }
        if (!block.group(1).equals(label)) {
            throw new InvalidKeyException("holds a PEM " + block.group(1) + ", not a " + label + "; " + advice);
        }
        try {
            return Base64.getMimeDecoder().decode(block.group(2));
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyException("is not valid PEM (bad base64); " + advice);
        }
    }

    private static KeyFactory keyFactory() {
        try {
            return KeyFactory.getInstance("Ed25519");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    /** Hands the key pair generator a known seed instead of random bytes. */
    private static final class SeedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("expected a request for a " + seed.length + "-byte seed");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }
}
