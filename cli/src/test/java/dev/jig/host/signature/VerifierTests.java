package dev.jig.host.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.host.metadata.Digester;
import dev.jig.host.metadata.Digests;
import dev.jig.host.trust.TreeDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing and verifying files and trees, each outcome, against a directory of trusted keys. */
class VerifierTests {

    @TempDir
    Path tmp;

    private Path keys;
    private Path plugins;
    private final AtomicInteger hashes = new AtomicInteger();
    /** The real digest, remembered by fingerprint as the host does, counting each computation. */
    private Digester digester;

    @BeforeEach
    void setUp() throws IOException {
        keys = Files.createDirectories(tmp.resolve("trusted-keys"));
        plugins = Files.createDirectories(tmp.resolve("plugins"));
        Digester remembering = TreeDigest.remembering(new Digests(Optional.of(tmp.resolve("cache"))));
        digester = (target, tree) -> remembering.digest(target, tree);
    }

    private Verifier verifier() {
        return new Verifier(new TrustedKeys(Optional.of(keys)), (target, tree) -> {
            hashes.incrementAndGet();
            return digester.digest(target, tree);
        });
    }

    private PrivateKey trusted(String name) throws Exception {
        KeyPair pair = TestKeys.generate("Ed25519");
        Files.writeString(keys.resolve(name + ".pem"), TestKeys.pem("PUBLIC KEY", pair.getPublic()));
        return pair.getPrivate();
    }

    private Path executable(String name, String content) throws IOException {
        return Files.writeString(plugins.resolve("jig-" + name), content);
    }

    private Signer.Signed sign(Path target, boolean tree, PrivateKey key) throws Exception {
        return new Signer(digester).sign(target, tree, key);
    }

    @Test
    void aSignedFileIsGoodUntilItChanges() throws Exception {
        PrivateKey acme = trusted("acme");
        Path file = executable("foo", "#!/bin/sh\necho foo\n");
        Signer.Signed signed = sign(file, false, acme);
        assertEquals(plugins.resolve("jig-foo.sig"), signed.file());
        assertEquals(Digests.compute(file), signed.sha256());

        Verification good = verifier().verify(file, false);
        assertInstanceOf(Verification.Good.class, good);
        assertEquals("acme", ((Verification.Good) good).key().name());
        assertEquals(signed.signature().keyId(), ((Verification.Good) good).key().id());
        assertEquals("it is signed by trusted key 'acme' (" + signed.signature().keyId() + ")", good.finding());

        Files.writeString(file, "#!/bin/sh\necho injected\n");
        Verification bad = verifier().verify(file, false);
        assertInstanceOf(Verification.Bad.class, bad);
        assertEquals("bad", bad.id());
        assertTrue(bad.finding().contains("does not match it: it changed since it was signed with trusted key 'acme'"),
                bad.finding());
    }

    @Test
    void missingUnknownKeyAndMalformedAreToldApartWithoutHashing() throws Exception {
        PrivateKey stranger = TestKeys.generate("Ed25519").getPrivate();
        trusted("acme");
        Path file = executable("foo", "#!/bin/sh\n");

        Verification missing = verifier().verify(file, false);
        assertEquals(new Verification.Missing(plugins.resolve("jig-foo.sig")), missing);

        Signer.Signed signed = sign(file, false, stranger);
        Verification unknown = verifier().verify(file, false);
        assertEquals(new Verification.UnknownKey(signed.file(), signed.signature().keyId(), Optional.of(keys), List.of()),
                unknown);
        assertEquals("If you trust its publisher, save their public key as " + keys.resolve("NAME.pem") + ".",
                unknown.advice());

        Files.writeString(signed.file(), "garbage\n");
        Verification malformed = verifier().verify(file, false);
        assertEquals(new Verification.Bad(signed.file(), "is not one line '<key id> <signature>'"), malformed);
        assertEquals(0, hashes.get(), "nothing to check a digest against: nothing is hashed");
    }

    @Test
    void aSignatureMadeWithOpensslVerifies() throws Exception {
        Files.writeString(keys.resolve("openssl.pem"), TestKeys.OPENSSL_PUBLIC);
        Path file = executable("hello", "hello");
        Files.writeString(plugins.resolve("jig-hello.sig"), TestKeys.OPENSSL_KEY_ID + " " + TestKeys.OPENSSL_SIGNATURE_OF_HELLO + "\n");
        assertTrue(verifier().verify(file, false).good());
    }

    @Test
    void aSignatureByAnotherTrustedKeyNamingTheFirstIsBad() throws Exception {
        PrivateKey acme = trusted("acme");
        PrivateKey other = trusted("other");
        Path file = executable("foo", "x");
        Signer.Signed byAcme = sign(file, false, acme);
        Signer.Signed byOther = sign(file, false, other);
        // The other key's signature under acme's id: the id picks the key, the key rejects the signature.
        Files.writeString(byAcme.file(), new SignatureFile(byAcme.signature().keyId(), byOther.signature().signature()).format());
        assertInstanceOf(Verification.Bad.class, verifier().verify(file, false));
    }

    @Test
    void aDirectoryPluginIsSignedAsAWholeTreeWithoutItsSignature() throws Exception {
        PrivateKey acme = trusted("acme");
        Path dir = Files.createDirectories(plugins.resolve("foo"));
        Files.writeString(dir.resolve("plugin.json"), "{\"name\": \"foo\", \"run\": [\"./main\"]}");
        Files.writeString(dir.resolve("main"), "#!/bin/sh\n");
        String before = TreeDigest.sha256(dir, true);

        Signer.Signed signed = sign(dir, true, acme);
        assertEquals(dir.resolve("plugin.sig"), signed.file());
        assertEquals(before, TreeDigest.sha256(dir, true), "the signature is not part of what it signs");
        assertTrue(verifier().verify(dir, true).good());

        Files.writeString(Files.createDirectories(dir.resolve("lib")).resolve("extra.sh"), "echo added\n");
        assertInstanceOf(Verification.Bad.class, verifier().verify(dir, true), "a file added anywhere in the tree");
    }

    @Test
    void anExecutableLinkedIntoAPluginDirectoryFindsTheSignatureBesideItsTarget() throws Exception {
        PrivateKey acme = trusted("acme");
        Path shipped = Files.writeString(Files.createDirectories(tmp.resolve("opt/foo/bin")).resolve("jig-foo"), "x");
        sign(shipped, false, acme);
        Path link = Files.createSymbolicLink(plugins.resolve("jig-foo"), shipped);
        Verification verification = verifier().verify(link, false);
        assertTrue(verification.good());
        assertEquals(shipped.resolveSibling("jig-foo.sig"), verification.signature());
    }

    @Test
    void aKeyFileThatCannotBeReadIsNamedAndSkipped() throws Exception {
        PrivateKey acme = trusted("acme");
        Files.writeString(keys.resolve("broken.pem"), "not a key\n");
        Files.writeString(keys.resolve("notes.txt"), "not a key file at all\n");
        TrustedKeys trustedKeys = new TrustedKeys(Optional.of(keys));
        assertEquals(List.of("acme"), trustedKeys.keys().stream().map(TrustedKey::name).toList());
        assertEquals(List.of("trusted key " + keys.resolve("broken.pem") + " is not a PEM file; put the public key"
                + " there: 'openssl pkey -in KEY.pem -pubout'; skipped"), trustedKeys.problems());

        Path file = executable("foo", "x");
        sign(file, false, acme);
        assertTrue(verifier().verify(file, false).good());
        sign(file, false, TestKeys.generate("Ed25519").getPrivate());
        Verification unknown = verifier().verify(file, false);
        assertTrue(unknown.finding().endsWith("which is not a trusted key (" + trustedKeys.problems().get(0) + ")"),
                unknown.finding());
    }

    @Test
    void noKeysDirectoryTrustsNoKey() throws Exception {
        Path file = executable("foo", "x");
        sign(file, false, TestKeys.generate("Ed25519").getPrivate());
        Files.delete(keys);
        assertEquals("unknown-key", verifier().verify(file, false).id());
        assertEquals(List.of(), new TrustedKeys(Optional.of(keys)).problems());
    }
}
