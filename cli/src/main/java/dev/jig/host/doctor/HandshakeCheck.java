package dev.jig.host.doctor;

import dev.jig.host.metadata.CatalogEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The metadata handshake: plugins slow to answer it, and cached records that had gone stale.
 */
final class HandshakeCheck implements Check {

    /**
     * A handshake slower than this is reported: a fifth of the default call timeout, and long
     * enough that a cold interpreter on a busy machine stays under it.
     */
    static final Duration SLOW = Duration.ofSeconds(1);

    @Override
    public List<Finding> findings(Examination facts) {
        List<Finding> findings = new ArrayList<>();
        for (CatalogEntry entry : facts.catalog().plugins()) {
            String name = entry.file().name();
            if (facts.stale().contains(entry.file())) {
                findings.add(Finding.warning("stale-metadata", name, entry.file().path(),
                        "its cached metadata was made for an earlier content of the file",
                        "nothing more: it was asked again and the cache updated; '" + facts.cli()
                                + " plugins list --no-cache' refreshes every plugin"));
            }
            Duration took = facts.handshakes().get(entry.file());
            if (took != null && took.compareTo(SLOW) > 0) {
                findings.add(Finding.warning("slow-handshake", name, entry.file().path(),
                        String.format(Locale.ROOT, "took %.1f s to answer the metadata handshake (more than %d s);"
                                + " listings wait for it whenever it changes, hooks on every command",
                                took.toMillis() / 1000.0, SLOW.toSeconds()),
                        "answer 'initialize' before loading anything heavy, or raise plugins." + name
                                + ".call_timeout_ms if it must be slow"));
            }
        }
        return findings;
    }
}
