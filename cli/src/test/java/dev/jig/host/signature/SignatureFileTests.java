package dev.jig.host.signature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.security.SignatureException;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SignatureFileTests {

    private static final String SIGNATURE = TestKeys.OPENSSL_SIGNATURE_OF_HELLO;
    private static final String LINE = TestKeys.OPENSSL_KEY_ID + " " + SIGNATURE;

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "\r\n", "\n\n"})
    void aLineWithOrWithoutTrailingNewlines(String end) throws Exception {
        SignatureFile parsed = SignatureFile.parse(LINE + end);
        assertEquals(TestKeys.OPENSSL_KEY_ID, parsed.keyId());
        assertArrayEquals(Base64.getDecoder().decode(SIGNATURE), parsed.signature());
        assertEquals(LINE + "\n", parsed.format());
        assertEquals(parsed, SignatureFile.parse(parsed.format()));
    }

    @Test
    void anUpperCaseKeyIdAndTabsAreAccepted() throws Exception {
        assertEquals(SignatureFile.parse(LINE), SignatureFile.parse(TestKeys.OPENSSL_KEY_ID.toUpperCase() + "\t" + SIGNATURE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {sig}                        | is not one line '<key id> <signature>'
            {id} {sig} extra             | is not one line '<key id> <signature>'
            {id} {sig}\\n{id} {sig}        | is not one line '<key id> <signature>'
            92578ac52ce3595 {sig}        | has no key id (16 hex digits) before the signature
            92578ac52ce3595g {sig}       | has no key id (16 hex digits) before the signature
            {id} not*base64              | holds a signature that is not base64
            {id} aGVsbG8=                | holds 5 bytes of signature, not the 64 of Ed25519
            """)
    void malformedFilesSayWhatIsWrong(String text, String message) {
        String content = text.replace("{id}", TestKeys.OPENSSL_KEY_ID).replace("{sig}", SIGNATURE).replace("\\n", "\n");
        assertEquals(message, assertThrows(SignatureException.class, () -> SignatureFile.parse(content)).getMessage());
    }

    @Test
    void besideAnExecutableInsideADirectory() {
        assertEquals(Path.of("/p/jig-foo.sig"), SignatureFile.location(Path.of("/p/jig-foo"), false));
        assertEquals(Path.of("/p/foo/plugin.sig"), SignatureFile.location(Path.of("/p/foo"), true));
    }
}
