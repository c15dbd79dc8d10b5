package dev.jig.host.signature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.PublicKey;
import org.junit.jupiter.api.Test;

class PemKeysTests {

    @Test
    void readsWhatOpensslWritesAndComputesItsKeyId() throws Exception {
        PublicKey key = PemKeys.publicKey(TestKeys.OPENSSL_PUBLIC);
        assertEquals(TestKeys.OPENSSL_KEY_ID, PemKeys.keyId(key));
        PublicKey derived = PemKeys.publicKeyOf(PemKeys.privateKey(TestKeys.OPENSSL_PRIVATE));
        assertArrayEquals(key.getEncoded(), derived.getEncoded());
    }

    @Test
    void derivesThePublicKeyOfAFreshPair() throws Exception {
        KeyPair pair = TestKeys.generate("Ed25519");
        PublicKey derived = PemKeys.publicKeyOf(PemKeys.privateKey(TestKeys.pem("PRIVATE KEY", pair.getPrivate())));
        assertArrayEquals(pair.getPublic().getEncoded(), derived.getEncoded());
        assertEquals(PemKeys.keyId(pair.getPublic()), PemKeys.keyId(derived));
    }

    @Test
    void toleratesTextAroundTheBlock() throws Exception {
        assertEquals(TestKeys.OPENSSL_KEY_ID, PemKeys.keyId(PemKeys.publicKey("publisher: acme\r\n"
                + TestKeys.OPENSSL_PUBLIC.replace("\n", "\r\n") + "\n\n")));
    }

    @Test
    void eachWrongFileSaysWhatItHoldsAndWhatToDo() {
        assertMessage("is not a PEM file; put the public key there: 'openssl pkey -in KEY.pem -pubout'",
                () -> PemKeys.publicKey("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI"));
        assertMessage("holds a PEM PRIVATE KEY, not a PUBLIC KEY; put the public key there:"
                + " 'openssl pkey -in KEY.pem -pubout'", () -> PemKeys.publicKey(TestKeys.OPENSSL_PRIVATE));
        assertMessage("is not an Ed25519 public key",
                () -> PemKeys.publicKey(TestKeys.pem("PUBLIC KEY", TestKeys.generate("RSA").getPublic())));
        assertMessage("is not an Ed25519 private key; make one with 'openssl genpkey -algorithm ed25519 -out KEY.pem'",
                () -> PemKeys.privateKey(TestKeys.pem("PRIVATE KEY", TestKeys.generate("RSA").getPrivate())));
        assertMessage("holds a PEM PUBLIC KEY, not a PRIVATE KEY; make one with"
                + " 'openssl genpkey -algorithm ed25519 -out KEY.pem'", () -> PemKeys.privateKey(TestKeys.OPENSSL_PUBLIC));
        assertTrue(assertThrows(InvalidKeyException.class, () -> PemKeys.privateKey(
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIGbMFcGCSqGSIb3DQEFDTBKMCkG\n-----END ENCRYPTED PRIVATE KEY-----\n"))
                .getMessage().startsWith("is encrypted"));
        assertMessage("is not an Ed25519 public key",
                () -> PemKeys.publicKey("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable parse) {
        assertEquals(expected, assertThrows(InvalidKeyException.class, parse).getMessage());
    }
}
