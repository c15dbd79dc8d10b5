package dev.jig.host.doctor;

import dev.jig.host.metadata.CatalogEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs every {@link Check} over one {@link Examination} and groups the findings by subject. */
public final class Doctor {

    private static final List<Check> CHECKS = List.of(new SearchPathCheck(), new PluginProblemCheck(),
            new InterpreterCheck(), new SandboxCheck(), new ConfigurationCheck(), new HandshakeCheck());

    private Doctor() {
    }

    /**
     * Every finding: those about the search path first, then each plugin's in search-path order.
     *
     * @param plugin only the findings about the plugin of this name, when present
     */
    public static Report diagnose(Examination facts, Optional<String> plugin) {
        Map<String, List<Finding>> bySubject = new LinkedHashMap<>();
        bySubject.put(Finding.SEARCH_PATH, new ArrayList<>());
        for (CatalogEntry entry : facts.catalog().plugins()) {
            bySubject.putIfAbsent(entry.file().name(), new ArrayList<>());
        }
        for (Check check : CHECKS) {
            for (Finding finding : check.findings(facts)) {
                bySubject.computeIfAbsent(finding.subject(), subject -> new ArrayList<>()).add(finding);
            }
        }
        List<Finding> findings = new ArrayList<>();
        bySubject.forEach((subject, found) -> {
            if (plugin.isEmpty() || plugin.get().equals(subject)) {
                findings.addAll(found);
            }
        });
        return new Report(findings);
    }
}
