package dev.jig.host.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.host.discovery.CommandPath;
import dev.jig.host.discovery.Origin;
import dev.jig.host.discovery.PluginDir;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.metadata.Digester;
import dev.jig.host.signature.Signer;
import dev.jig.host.signature.TrustedKeys;
import dev.jig.host.signature.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustPolicyTests {

    @TempDir
    Path tmp;

    private TrustStore store;
    private final AtomicInteger hashes = new AtomicInteger();
    /** The real digest, counting each call. */
    private final Digester counting = (target, tree) -> {
        hashes.incrementAndGet();
        return TreeDigest.sha256(target, tree);
    };

    @BeforeEach
    void setUp() {
        store = new TrustStore(tmp.resolve("config/trusted.json"));
    }

    private PluginFile executable(Path dir, Origin origin, String name) throws IOException {
        Path file = Files.createDirectories(dir).resolve("jig-" + name);
        Files.writeString(file, "#!/bin/sh\necho " + name + "\n");
        return new PluginFile(CommandPath.fromFileName("jig-", file.getFileName().toString()).orElseThrow(), file,
                new PluginDir(dir, origin), PluginFile.Form.EXECUTABLE);
    }

    private PluginFile directory(Path dir, Origin origin, String name) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Files.writeString(home.resolve("main"), "#!/bin/sh\necho " + name + "\n");
        Path manifest = Files.writeString(home.resolve("plugin.json"), "{\"name\": \"" + name + "\", \"run\": [\"./main\"]}");
        return new PluginFile(CommandPath.fromFileName("", name).orElseThrow(), manifest, new PluginDir(dir, origin),
                PluginFile.Form.MANIFEST);
    }

    private TrustPolicy policy(List<Path> untrusted) {
        return new TrustPolicy(untrusted, Optional.of(store), counting);
    }

    @Test
    void defaultSourcesAreTrustedAndLocalIsNot() throws IOException {
        TrustPolicy policy = policy(List.of());
        for (Origin origin : List.of(Origin.EXPLICIT, Origin.USER, Origin.SYSTEM, Origin.PATH)) {
            assertEquals(new TrustDecision.Trusted(TrustDecision.Reason.SOURCE),
                    policy.decide(executable(tmp.resolve(origin.id()), origin, "a")));
        }
        TrustDecision local = policy.decide(executable(tmp.resolve("work/plugins"), Origin.LOCAL, "a"));
        assertInstanceOf(TrustDecision.Untrusted.class, local);
        assertTrue(((TrustDecision.Untrusted) local).reason().contains("./plugins"));
        assertEquals(0, hashes.get(), "a decision by source reads no content");
    }

    @Test
    void aDirectoryMarkedUntrustedAndItsSubdirectoriesAreNotTrusted() throws IOException {
        TrustPolicy policy = policy(List.of(tmp.resolve("shared")));
        assertFalse(policy.decide(executable(tmp.resolve("shared"), Origin.PATH, "a")).trusted());
        assertFalse(policy.decide(executable(tmp.resolve("shared/bin"), Origin.EXPLICIT, "a")).trusted());
        assertTrue(policy.decide(executable(tmp.resolve("sharedness"), Origin.PATH, "a")).trusted(),
                "a sibling whose name starts the same is another directory");
    }

    @Test
    void anUnchangedTrustedFileIsNeverHashedAgain() throws IOException {
        PluginFile plugin = executable(tmp.resolve("work/plugins"), Origin.LOCAL, "evil");
        store.trust(TrustPolicy.key(plugin), false, counting);
        assertEquals(1, hashes.get());
        TrustPolicy policy = policy(List.of());
        for (int i = 0; i < 5; i++) {
            assertEquals(new TrustDecision.Trusted(TrustDecision.Reason.RECORDED), policy.decide(plugin));
        }
        assertEquals(new TrustDecision.Trusted(TrustDecision.Reason.RECORDED), policy(List.of()).decide(plugin),
                "nor by another process reading the store afresh");
        assertEquals(1, hashes.get(), "only the trust command hashed");
    }

    @Test
    void aTouchedButIdenticalFileIsHashedOnceThenRemembered() throws IOException {
        PluginFile plugin = executable(tmp.resolve("work/plugins"), Origin.LOCAL, "evil");
        store.trust(TrustPolicy.key(plugin), false, counting);
        Files.setLastModifiedTime(plugin.path(), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        TrustPolicy policy = policy(List.of());
        assertTrue(policy.decide(plugin).trusted());
        assertEquals(2, hashes.get(), "a new fingerprint costs one digest");
        assertTrue(policy(List.of()).decide(plugin).trusted());
        assertEquals(2, hashes.get(), "the confirmed fingerprint was recorded");
    }

    @Test
    void aChangedFileIsRefusedUntilTrustedAgain() throws IOException {
        PluginFile plugin = executable(tmp.resolve("work/plugins"), Origin.LOCAL, "evil");
        store.trust(TrustPolicy.key(plugin), false, counting);
        Files.writeString(plugin.path(), "#!/bin/sh\nrm -rf ~\n");
        assertEquals(new TrustDecision.Changed(TrustPolicy.key(plugin)), policy(List.of()).decide(plugin));
        assertEquals(new TrustDecision.Changed(TrustPolicy.key(plugin)), policy(List.of()).decide(plugin),
                "a refusal is not remembered as a confirmation");
        store.trust(TrustPolicy.key(plugin), false, counting);
        assertTrue(policy(List.of()).decide(plugin).trusted());
        assertTrue(store.untrust(TrustPolicy.key(plugin)));
        assertInstanceOf(TrustDecision.Untrusted.class, policy(List.of()).decide(plugin));
    }

    @Test
    void aDeletedTrustedFileIsNotTrusted() throws IOException {
        PluginFile plugin = executable(tmp.resolve("work/plugins"), Origin.LOCAL, "evil");
        store.trust(TrustPolicy.key(plugin), false, counting);
        Files.delete(plugin.path());
        assertFalse(policy(List.of()).decide(plugin).trusted());
    }

    @Test
    void aDirectoryPluginIsPinnedByItsWholeTree() throws IOException {
        PluginFile plugin = directory(tmp.resolve("work/plugins"), Origin.LOCAL, "tree");
        assertEquals(plugin.home().toAbsolutePath(), TrustPolicy.key(plugin));
        assertInstanceOf(TrustDecision.Untrusted.class, policy(List.of()).decide(plugin));
        store.trust(TrustPolicy.key(plugin), true, counting);
        assertTrue(policy(List.of()).decide(plugin).trusted());
        assertEquals(1, hashes.get());

        Path helper = Files.createDirectories(plugin.home().resolve("lib")).resolve("helper.sh");
        Files.writeString(helper, "echo added\n");
        assertInstanceOf(TrustDecision.Changed.class, policy(List.of()).decide(plugin), "a file added deep inside");
        store.trust(TrustPolicy.key(plugin), true, counting);
        assertTrue(policy(List.of()).decide(plugin).trusted());

        Files.writeString(plugin.home().resolve("main"), "#!/bin/sh\necho other\n");
        assertInstanceOf(TrustDecision.Changed.class, policy(List.of()).decide(plugin), "the program, not the manifest");
    }

    @Test
    void aRecordForAFileDoesNotTrustADirectoryOfTheSamePath() throws IOException {
        PluginFile plugin = directory(tmp.resolve("work/plugins"), Origin.LOCAL, "tree");
        store.trust(TrustPolicy.key(plugin), true, counting);
        Path key = TrustPolicy.key(plugin);
        // The same path recorded as a single file: a mismatch of kind trusts nothing.
        TrustStore other = new TrustStore(tmp.resolve("other.json"));
        other.trust(key.resolve("main"), false, counting);
        assertInstanceOf(TrustDecision.Untrusted.class,
                new TrustPolicy(List.of(), Optional.of(other), counting).decide(plugin));
    }

    @Test
    void withoutAStoreNothingIsTrustedByRecord() throws IOException {
        PluginFile plugin = executable(tmp.resolve("work/plugins"), Origin.LOCAL, "evil");
        assertInstanceOf(TrustDecision.Untrusted.class,
                new TrustPolicy(List.of(), Optional.empty(), counting).decide(plugin));
    }

    @Test
    void requiredSignaturesRefuseATrustedPluginWithoutAGoodOneAndNeverTrustAnUntrustedOne() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path keys = Files.createDirectories(tmp.resolve("trusted-keys"));
        Files.writeString(keys.resolve("acme.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        TrustPolicy policy = new TrustPolicy(List.of(), Optional.of(store), counting,
                Optional.of(new Verifier(new TrustedKeys(Optional.of(keys)), counting)));
        assertTrue(policy.signaturesRequired());

        PluginFile unsigned = executable(tmp.resolve("user"), Origin.USER, "a");
        TrustDecision refused = policy.decide(unsigned);
        assertEquals("unverified", refused.id());
        assertEquals("missing", ((TrustDecision.Unverified) refused).verification().id());

        PluginFile signed = directory(tmp.resolve("user"), Origin.USER, "b");
        new Signer(counting).sign(signed.home(), true, pair.getPrivate());
        assertEquals(new TrustDecision.Trusted(TrustDecision.Reason.SOURCE), policy.decide(signed));

        PluginFile local = directory(tmp.resolve("work/plugins"), Origin.LOCAL, "c");
        new Signer(counting).sign(local.home(), true, pair.getPrivate());
        assertInstanceOf(TrustDecision.Untrusted.class, policy.decide(local), "a signature does not make a source trusted");
    }
}
