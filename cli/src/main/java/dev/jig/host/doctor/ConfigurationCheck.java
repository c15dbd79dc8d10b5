package dev.jig.host.doctor;

import dev.jig.host.metadata.CatalogEntry;
import java.util.ArrayList;
import java.util.List;

/** Plugins whose configuration breaks the schema they declare: they are refused before any hook runs. */
final class ConfigurationCheck implements Check {

    /** Where the configuration's own message starts saying what to do, which the fix says instead. */
    private static final String ADVICE = ". Change it with ";

    @Override
    public List<Finding> findings(Examination facts) {
        List<Finding> findings = new ArrayList<>();
        for (CatalogEntry entry : facts.catalog().plugins()) {
            String reason = facts.configs().get(entry.file());
            if (reason != null) {
                String name = entry.file().name();
                int advice = reason.indexOf(ADVICE);
                findings.add(Finding.error("config-invalid", name, entry.file().path(),
                        (advice < 0 ? reason : reason.substring(0, advice)) + ": it never runs",
                        "change plugins." + name + " with '" + facts.cli() + " config set' or '" + facts.cli()
                                + " config unset'; '" + facts.cli() + " config list --show-origin' shows where each"
                                + " value is set"));
            }
        }
        return findings;
    }
}
