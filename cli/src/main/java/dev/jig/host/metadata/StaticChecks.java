package dev.jig.host.metadata;

import dev.jig.protocol.Protocol;
import dev.jig.protocol.metadata.CommandSpec;
import dev.jig.protocol.metadata.PluginMetadata;
import dev.jig.protocol.metadata.Requirements;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.semver4j.Semver;
import org.semver4j.RangesListFactory;

/**
 * Checks a plugin's metadata on its own, once, when it is read: what can only change when the
 * plugin file changes.
 */
public final class StaticChecks {

    private static final Pattern COMMAND_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");

    private StaticChecks() {
    }

    /**
     * @param expectedName the name its file or directory gives it
     * @param cliName      the host CLI's name, for messages
     */
    public static List<String> problems(PluginMetadata metadata, String expectedName, String cliName) {
        List<String> problems = new ArrayList<>();
        if (metadata.name() == null || metadata.name().isBlank()) {
            problems.add("its metadata has no name (expected '" + expectedName + "')");
        } else if (!metadata.name().equals(expectedName)) {
            problems.add("its metadata names it '" + metadata.name() + "', but its file makes it '" + expectedName
                    + "': rename one to match");
        }
        if (metadata.version() == null || metadata.version().isBlank()) {
            problems.add("its metadata has no version");
        } else if (Semver.parse(metadata.version()) == null) {
            problems.add("its version '" + metadata.version() + "' is not a semantic version (e.g. 1.2.0)");
        }
        Requirements requires = metadata.requires();
        if (requires.cli() != null && !isRange(requires.cli())) {
            problems.add("requires.cli '" + requires.cli() + "' is not a version range (e.g. >=1.2.0 <2)");
        }
        if (!requires.protocol().isEmpty() && requires.protocol().stream().noneMatch(Protocol.VERSIONS::contains)) {
            problems.add("it speaks protocol versions " + requires.protocol() + "; " + cliName + " speaks " + Protocol.VERSIONS);
        }
        requires.plugins().forEach((name, range) -> {
            if (!isRange(range)) {
                problems.add("requires plugin '" + name + "' at '" + range + "', which is not a version range");
            }
        });
        for (String program : requires.programs()) {
            if (program.isBlank() || program.contains("/") || program.contains("\n")) {
                problems.add("requires program '" + program + "', which is not a program name");
            }
        }
        commandNames(metadata.commands(), problems);
        return problems;
    }

    /** Each command, at every depth, is selected by one word (PROTOCOL.md §5). */
    private static void commandNames(List<CommandSpec> commands, List<String> problems) {
        for (CommandSpec command : commands) {
            if (command.name() == null) {
                problems.add("a command in its metadata has no name");
            } else if (!COMMAND_NAME.matcher(command.name()).matches()) {
                problems.add("its command '" + command.name() + "' is not one word of letters, digits, '.' and '-'"
                        + " starting with a letter or digit");
            }
            commandNames(command.subcommands(), problems);
        }
    }

    /** Whether {@code range} is an npm-style semver range that semver4j reads, such as {@code ^1.2.0} or {@code >=1 <2}. */
    public static boolean isRange(String range) {
        try {
            return !RangesListFactory.create(range).get().isEmpty();
        } catch (IllegalArgumentException e) { // SemverException is one
            return false;
        }
    }
}
