package dev.jig.host.doctor;

import dev.jig.host.discovery.PluginProblem;
import dev.jig.host.metadata.CatalogEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems discovery, metadata, requirement and trust checks already attach to each plugin
 * (as {@code plugins list} shows them), each with a fix.
 */
final class PluginProblemCheck implements Check {

    @Override
    public List<Finding> findings(Examination facts) {
        List<Finding> findings = new ArrayList<>();
        for (CatalogEntry entry : facts.catalog().plugins()) {
            for (PluginProblem problem : entry.problems()) {
                findings.add(finding(facts.cli(), entry, problem));
            }
        }
        return findings;
    }

    private static Finding finding(String cli, CatalogEntry entry, PluginProblem problem) {
        String name = entry.file().name();
        Object path = entry.file().path();
        if (problem instanceof PluginProblem.Shadowed shadowed) {
            if (shadowed.winner().getParent().equals(entry.file().path().getParent())) {
                // An executable and a directory plugin of one name, side by side.
                return Finding.error("name-collision", name, path, "maps to the same command as " + shadowed.winner()
                        + " in the same directory, which runs instead", "remove or rename one of the two");
            }
            return Finding.warning(problem.code(), name, path, "shadowed by " + shadowed.winner() + ", which runs instead",
                    "remove or rename one of the two; the first directory on the search path wins");
        }
        if (problem instanceof PluginProblem.CollidesWithBuiltin builtin) {
            return Finding.error(problem.code(), name, path, "its command starts with the built-in '" + builtin.builtin()
                    + "', which always wins: it never runs", "rename the file so its first word is not a built-in command");
        }
        if (problem instanceof PluginProblem.NotExecutable) {
            return Finding.error(problem.code(), name, path, "not executable: it never runs", "chmod +x " + path);
        }
        if (problem instanceof PluginProblem.Invalid invalid) {
            boolean metadata = entry.record().map(r -> r.problems().contains(invalid.reason())).orElse(false);
            return metadata
                    ? Finding.error("invalid-metadata", name, path, "invalid metadata: " + invalid.reason(),
                            "fix the metadata it answers 'initialize' with; '" + cli + " plugins test " + path
                                    + "' runs every protocol check")
                    : Finding.error("unmet-requirement", name, path, invalid.reason(),
                            "install or upgrade what it requires, or a version of the plugin made for this host");
        }
        if (problem instanceof PluginProblem.Untrusted untrusted) {
            return Finding.error(problem.code(), name, path, "untrusted (" + untrusted.reason() + "): it never runs",
                    "review it, then " + untrusted.advice());
        }
        if (problem instanceof PluginProblem.Changed changed) {
            return Finding.error(problem.code(), name, path, "changed since it was trusted: it never runs",
                    "review the change, then " + changed.advice());
        }
        if (problem instanceof PluginProblem.Unverified unverified) {
            return Finding.error(problem.code(), name, path, "signature required (security.require_signatures), but "
                    + unverified.finding(), unverified.advice());
        }
        return Finding.error(problem.code(), name, path, problem.message(), "see '" + cli + " plugins info " + name + "'");
    }
}
