package dev.jig.host.trust;

import dev.jig.host.signature.Verification;
import java.nio.file.Path;

/** Whether a plugin may be executed (run, probed, sent hooks), and why. */
public sealed interface TrustDecision {

    /** Whether the plugin may be executed. */
    boolean trusted();

    /** A short stable word for scripts: {@code trusted}, {@code untrusted}, {@code changed} or {@code unverified}. */
    String id();

    /** Why a plugin is trusted. */
    enum Reason {
        /** Its directory is trusted: explicit, user, system or {@code PATH}, not marked untrusted. */
        SOURCE,
        /** The user trusted this file (or tree) and its content is still the content recorded. */
        RECORDED
    }

    /**
     * The plugin may be executed.
     *
     * @param reason why
     */
    record Trusted(Reason reason) implements TrustDecision {
        @Override
        public boolean trusted() {
            return true;
        }

        @Override
        public String id() {
            return "trusted";
        }
    }

    /**
     * The plugin is in an untrusted directory and the user never trusted it.
     *
     * @param reason why its directory is not trusted, e.g. {@code plugins in ./plugins are not trusted by default}
     */
    record Untrusted(String reason) implements TrustDecision {
        @Override
        public boolean trusted() {
            return false;
        }

        @Override
        public String id() {
            return "untrusted";
        }
    }

    /**
     * The user trusted the plugin, but its content is no longer what was recorded.
     *
     * @param path the file or directory whose content changed
     */
    record Changed(Path path) implements TrustDecision {
        @Override
        public boolean trusted() {
            return false;
        }

        @Override
        public String id() {
            return "changed";
        }
    }

    /**
     * The plugin would be trusted, but signatures are required ({@code security.require_signatures})
     * and its signature is missing, bad, or made by a key the user does not trust.
     *
     * @param verification what checking its signature found; never good
     */
    record Unverified(Verification verification) implements TrustDecision {
        @Override
        public boolean trusted() {
            return false;
        }

        @Override
        public String id() {
            return "unverified";
        }
    }
}
