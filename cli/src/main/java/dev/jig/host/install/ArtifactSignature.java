package dev.jig.host.install;

import dev.jig.host.ExitStatus;
import dev.jig.host.signature.SignatureFile;
import dev.jig.host.signature.TrustedKey;
import dev.jig.host.signature.TrustedKeys;
import dev.jig.host.signature.Verifier;
import java.security.SignatureException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The signature policy for artifacts from an index or the lock file: a signature that is there
 * must be good; one by an unknown key, or none, is refused only when signatures are required
 * ({@code security.require_signatures}), and otherwise noted.
 *
 * @param keys     the keys the user trusts
 * @param required whether every artifact must carry a good signature
 * @param settingKey the configuration key that requires signatures, for messages
 */
record ArtifactSignature(TrustedKeys keys, boolean required, String settingKey) {

    /**
     * Checks {@code signature} (a {@code .sig} line) of the artifact with digest {@code sha256}.
     *
     * @param what the artifact, for messages: {@code greet 1.2.0 (https://...)}
     */
    void check(String what, String sha256, Optional<String> signature, Consumer<String> report) throws InstallException {
        if (signature.isEmpty()) {
            if (required) {
                throw new InstallException(what + " has no signature, and " + settingKey + " is on; ask its publisher"
                        + " for a signed release, or turn " + settingKey + " off", ExitStatus.NOT_VERIFIED);
            }
            return;
        }
        SignatureFile parsed;
        try {
            parsed = SignatureFile.parse(signature.get());
        } catch (SignatureException e) {
            throw new InstallException(what + ": its signature " + e.getMessage() + "; nothing was installed",
                    ExitStatus.NOT_VERIFIED);
        }
        Optional<TrustedKey> key = keys.byId(parsed.keyId());
        if (key.isEmpty()) {
            String advice = "add the publisher's public key to " + keys.directory().map(Object::toString).orElse("your trusted keys");
            if (required) {
                throw new InstallException(what + " is signed by key " + parsed.keyId() + ", which you do not trust; "
                        + advice, ExitStatus.NOT_VERIFIED);
            }
            report.accept("note: the signature of " + what + " was not checked: it is by key " + parsed.keyId()
                    + ", which you do not trust (" + advice + ")");
            return;
        }
        if (!Verifier.verifies(key.get().key(), HexFormat.of().parseHex(sha256), parsed.signature())) {
            throw new InstallException(what + ": the signature by trusted key '" + key.get().name()
                    + "' does not match the download; it was changed or damaged, and nothing was installed",
                    ExitStatus.NOT_VERIFIED);
        }
    }
}
