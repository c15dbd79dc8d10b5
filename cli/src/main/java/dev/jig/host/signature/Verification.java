package dev.jig.host.signature;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What checking an artifact's detached signature found. */
public sealed interface Verification {

    /** A short stable word for scripts: {@code good}, {@code bad}, {@code missing} or {@code unknown-key}. */
    String id();

    /** The signature file, read or looked for. */
    Path signature();

    /** What was found, as a clause: {@code it is signed by trusted key 'acme' (92578ac52ce3595e)}. */
    String finding();

    /** What to do about it, as a sentence; empty for a good signature. */
    String advice();

    /** Whether a trusted key made the signature of the artifact as it is now. */
    default boolean good() {
        return this instanceof Good;
    }

    /**
     * A trusted key signed the artifact as it is now.
     *
     * @param key the key
     */
    record Good(Path signature, TrustedKey key) implements Verification {
        @Override
        public String id() {
            return "good";
        }

        @Override
        public String finding() {
            return "it is signed by trusted key '" + key.name() + "' (" + key.id() + ")";
        }

        @Override
        public String advice() {
            return "";
        }
    }

    /**
     * The signature is damaged, or does not match the artifact: it changed since it was signed.
     *
     * @param reason what is wrong, as a clause about the signature file
     */
    record Bad(Path signature, String reason) implements Verification {
        @Override
        public String id() {
            return "bad";
        }

        @Override
        public String finding() {
            return "its signature " + signature + " " + reason;
        }

        @Override
        public String advice() {
            return "Do not run it: get it again from its publisher.";
        }
    }

    /** There is no signature file. */
    record Missing(Path signature) implements Verification {
        @Override
        public String id() {
            return "missing";
        }

        @Override
        public String finding() {
            return "it is not signed (no " + signature + ")";
        }

        @Override
        public String advice() {
            return "Ask its publisher for a signature.";
        }
    }

    /**
     * The signature names a key the user does not trust.
     *
     * @param keyId    the signer's key id
     * @param keys     where trusted keys are kept; empty without a home
     * @param problems the key files that were skipped, one line each
     */
    record UnknownKey(Path signature, String keyId, Optional<Path> keys, List<String> problems)
            implements Verification {
        public UnknownKey {
            problems = List.copyOf(problems);
        }

        @Override
        public String id() {
            return "unknown-key";
        }

        @Override
        public String finding() {
            return "it is signed (" + signature + ") by key " + keyId + ", which is not a trusted key"
                    + (problems.isEmpty() ? "" : " (" + String.join("; ", problems) + ")");
        }

        @Override
        public String advice() {
            return "If you trust its publisher, save their public key as "
                    + keys.map(dir -> dir.resolve("NAME.pem").toString()).orElse("trusted-keys/NAME.pem") + ".";
        }
    }
}
