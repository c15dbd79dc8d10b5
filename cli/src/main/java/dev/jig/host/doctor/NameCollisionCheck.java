package dev.jig.host.doctor;

import dev.jig.host.discovery.CommandPath;
import dev.jig.host.metadata.CatalogEntry;
import dev.jig.host.metadata.PluginRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A subcommand a plugin declares that another plugin's file takes over: {@code jig-a-b} runs
 * for {@code a b} although plugin {@code a} declares subcommand {@code b}, because the longest
 * file name wins.
 */
final class NameCollisionCheck implements Check {

    @Override
    public List<Finding> findings(Examination facts) {
        Map<CommandPath, CatalogEntry> runnable = new HashMap<>();
        for (CatalogEntry entry : facts.catalog().plugins()) {
            if (entry.runnable()) {
                runnable.putIfAbsent(entry.file().command(), entry);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (CatalogEntry entry : facts.catalog().plugins()) {
            PluginRecord record = entry.record().orElse(null);
            if (!entry.runnable() || record == null) {
                continue;
            }
            for (String subcommand : record.subcommands()) {
                List<String> words = new ArrayList<>(entry.file().command().words());
                words.add(subcommand);
                CatalogEntry other = runnable.get(new CommandPath(words));
                if (other != null) {
                    String command = String.join(" ", words);
                    findings.add(Finding.error("subcommand-collision", entry.file().name(), entry.file().path(),
                            "its subcommand '" + subcommand + "' never runs: '" + facts.cli() + " " + command + "' runs "
                                    + other.file().path() + " instead",
                            "rename or remove " + other.file().path() + ", or rename the subcommand"));
                }
            }
        }
        return findings;
    }
}
