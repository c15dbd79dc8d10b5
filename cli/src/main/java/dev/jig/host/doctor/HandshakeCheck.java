package dev.jig.host.doctor;

import dev.jig.host.metadata.CatalogEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The metadata handshake: plugins slow to answer it, and cached records that had gone stale.
 */
final class HandshakeCheck implements Check {

    /**
     * Whether a handshake is slow: it used more than half the plugin's call timeout, so that a
     * busier machine, or a colder cache, will make it time out and the plugin be listed invalid.
     * Half, not less: a cold interpreter on a loaded machine takes seconds, and is not a fault.
     */
    static boolean slow(Examination.Handshake handshake) {
        return handshake.took().compareTo(handshake.timeout().dividedBy(2)) > 0;
    }

    @Override
    public List<Finding> findings(Examination facts) {
        List<Finding> findings = new ArrayList<>();
        for (CatalogEntry entry : facts.catalog().plugins()) {
            String name = entry.file().name();
            if (facts.stale().contains(entry.file())) {
                findings.add(Finding.warning("stale-metadata", name, entry.file().path(),
                        "its cached metadata was out of date: it answers differently now, though its file did not"
                                + " change (its metadata depends on other files)",
                        "nothing more now: the cache was updated; when those files change, touch " + entry.file().path()
                                + " or run '" + facts.cli() + " plugins list --no-cache'"));
            }
            Examination.Handshake handshake = facts.handshakes().get(entry.file());
            if (handshake != null && slow(handshake)) {
                findings.add(Finding.warning("slow-handshake", name, entry.file().path(),
                        String.format(Locale.ROOT, "took %.1f s to answer the metadata handshake, more than half its"
                                + " call timeout of %.1f s: on a busier machine it times out",
                                handshake.took().toMillis() / 1000.0, handshake.timeout().toMillis() / 1000.0),
                        "answer 'initialize' before loading anything heavy, or raise plugins." + name
                                + ".call_timeout_ms if it must be slow"));
            }
        }
        return findings;
    }
}
