package dev.jig.host;

import dev.jig.host.discovery.PluginFile;
import dev.jig.host.discovery.PluginProblem;
import dev.jig.host.trust.TrustDecision;
import java.util.List;

/**
 * A plugin that must not run because it is not trusted: it is in an untrusted directory and the
 * user never trusted it, it changed since the user did, or signatures are required and its
 * signature is not good.
 */
public final class UntrustedPluginException extends InvalidPluginException {
    private static final long serialVersionUID = 1L;

    private final transient TrustDecision decision;

    UntrustedPluginException(PluginFile plugin, TrustDecision decision, PluginProblem problem) {
        super(plugin, List.of(problem));
        this.decision = decision;
    }

    /** Why it is not trusted: {@link TrustDecision.Untrusted}, {@link TrustDecision.Changed} or {@link TrustDecision.Unverified}. */
    public TrustDecision decision() {
        return decision;
    }
}
