package dev.jig.host.signature;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** Keys for tests: a pair made by {@code openssl genpkey -algorithm ed25519}, and fresh ones in PEM. */
final class TestKeys {

    /** {@code openssl genpkey -algorithm ed25519}. */
    static final String OPENSSL_PRIVATE = "-----BEGIN PRIVATE KEY-----\n"
            + "MC4CAQAwBQYDK2VwBCIEIAezhkvZcT3yvxFT1eW4m47CH3lBjntQcFcRPvDFFT0b\n"
            + "-----END PRIVATE KEY-----\n";

    /** {@code openssl pkey -in private.pem -pubout}. */
    static final String OPENSSL_PUBLIC = "-----BEGIN PUBLIC KEY-----\n"
            + "MCowBQYDK2VwAyEAVZ76JS07N/yqY2IePRiQKbvbN4HwiF1Ue9IXpIAVGig=\n"
            + "-----END PUBLIC KEY-----\n";

    /** {@code openssl pkey -pubin -in public.pem -outform DER | openssl dgst -sha256 -r | cut -c1-16}. */
    static final String OPENSSL_KEY_ID = "92578ac52ce3595e";

    /** {@code openssl pkeyutl -sign -rawin} of the SHA-256 of {@code hello}, base64. */
    static final String OPENSSL_SIGNATURE_OF_HELLO =
            "fDFuhb8CJ7gVgnUj6/sgJ0zG6nTW2Qsz0U4Yx7Z+AUQ85njzTOK+t8ownySd3zFGoHGNTUY/4ZDKJHlQYyIZAg==";

    private TestKeys() {
    }

    static KeyPair generate(String algorithm) {
        try {
            return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code key} in PEM under {@code label}. */
    static String pem(String label, Key key) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END " + label + "-----\n";
    }
}
