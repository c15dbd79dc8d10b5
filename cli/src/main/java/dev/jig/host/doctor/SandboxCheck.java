package dev.jig.host.doctor;

import dev.jig.host.metadata.CatalogEntry;
import java.util.ArrayList;
import java.util.List;

/** Plugins configured to run in a sandbox that cannot be set up here: they are refused. */
final class SandboxCheck implements Check {

    @Override
    public List<Finding> findings(Examination facts) {
        List<Finding> findings = new ArrayList<>();
        for (CatalogEntry entry : facts.catalog().plugins()) {
            String reason = facts.sandboxes().get(entry.file());
            if (reason != null) {
                String name = entry.file().name();
                findings.add(Finding.error("sandbox-unavailable", name, entry.file().path(),
                        "its sandbox cannot be set up (" + reason + "): it never runs",
                        "install bubblewrap (the 'bubblewrap' package), or run '" + facts.cli() + " config set plugins."
                                + name + ".sandbox none'"));
            }
        }
        return findings;
    }
}
