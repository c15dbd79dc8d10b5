package dev.jig.host.doctor;

import dev.jig.host.discovery.PluginProblem;
import dev.jig.host.metadata.CatalogEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems discovery, metadata, requirement and trust checks already attach to each plugin
 * (as {@code plugins list} shows them), each with a fix: shadowed files, names colliding with a
 * built-in, with another file of the same directory or with another plugin's subcommand, missing
 * execute permission, invalid metadata, unmet requirements, untrusted or changed files, signatures.
 */
final class PluginProblemCheck implements Check {

    /**
     * How the requirement checks begin the problem of a declared subcommand that another
     * plugin's file takes (e.g. {@code jig-a-b} against plugin {@code a}'s subcommand {@code b}).
     */
    private static final String SUBCOMMAND_TAKEN = "its subcommand '";

    @Override
    public List<Finding> findings(Examination facts) {
        List<Finding> findings = new ArrayList<>();
        for (CatalogEntry entry : facts.catalog().plugins()) {
            for (PluginProblem problem : entry.problems()) {
                findings.add(finding(facts, entry, problem));
            }
        }
        return findings;
    }

    private static Finding finding(Examination facts, CatalogEntry entry, PluginProblem problem) {
        String cli = facts.cli();
        String name = entry.file().name();
        Object path = entry.file().path();
        if (problem instanceof PluginProblem.Shadowed shadowed) {
            if (sameDirectory(facts, entry, shadowed.winner())) {
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
            if (!metadata && invalid.reason().startsWith(SUBCOMMAND_TAKEN)) {
                return Finding.error("subcommand-collision", name, path, invalid.reason() + ", so the plugin is refused",
                        "rename or remove the other plugin's file, or rename the subcommand");
            }
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

    /** Whether the plugin file at {@code winner} was found in the same search-path directory as {@code entry}. */
    private static boolean sameDirectory(Examination facts, CatalogEntry entry, Path winner) {
        return facts.catalog().plugins().stream()
                .anyMatch(other -> other.file().path().equals(winner) && other.file().dir().equals(entry.file().dir()));
    }
}
