package dev.jig.host.metadata;

import dev.jig.host.discovery.CommandPath;
import dev.jig.protocol.metadata.Requirements;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.semver4j.RangesListFactory;
import org.semver4j.Semver;

/**
 * Checks what a plugin needs from its surroundings, each time it is listed or run: the CLI's
 * version, other plugins, programs on {@code PATH}, and whether its subcommands are reachable.
 */
final class RequirementChecks {

    private RequirementChecks() {
    }

    static List<String> problems(PluginRecord record, CommandPath command, String cliName, String cliVersion,
                                 Surroundings surroundings) {
        List<String> problems = new ArrayList<>();
        Requirements requires = record.requires();
        if (requires.cli() != null && StaticChecks.isRange(requires.cli()) && !satisfies(cliVersion, requires.cli())) {
            problems.add("requires " + cliName + " " + requires.cli() + "; this is " + cliName + " " + cliVersion);
        }
        for (Map.Entry<String, String> needed : requires.plugins().entrySet()) {
            Optional<Surroundings.Installed> installed = surroundings.plugin(needed.getKey());
            if (installed.isEmpty()) {
                problems.add("requires plugin '" + needed.getKey() + "' " + needed.getValue() + ", which is not installed");
            } else if (StaticChecks.isRange(needed.getValue())
                    && (installed.get().version() == null || !satisfies(installed.get().version(), needed.getValue()))) {
                problems.add("requires plugin '" + needed.getKey() + "' " + needed.getValue() + ", which is at "
                        + (installed.get().version() == null ? "no version (a plain plugin)" : installed.get().version()));
            }
        }
        for (String program : requires.programs()) {
            if (!program.contains("/") && !surroundings.onPath(program)) {
                problems.add("requires program '" + program + "', which is not on PATH");
            }
        }
        for (String subcommand : record.subcommands()) {
            if (!CommandPath.isWord(subcommand)) {
                continue; // not reachable as a word anyway; nothing can take it
            }
            List<String> words = new ArrayList<>(command.words());
            words.add(subcommand);
            CommandPath sub = new CommandPath(words);
            Optional<Path> taken = surroundings.pluginAt(sub);
            taken.ifPresent(path -> problems.add("its subcommand '" + sub + "' is also the plugin " + path
                    + ", which runs instead"));
        }
        return problems;
    }

    private static boolean satisfies(String version, String range) {
        Semver semver = Semver.parse(version);
        return semver != null && RangesListFactory.create(range).isSatisfiedBy(semver);
    }
}
