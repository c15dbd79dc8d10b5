package dev.jig.host.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jig.host.discovery.CommandPath;
import dev.jig.protocol.metadata.Requirements;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequirementChecksTests {

    /** Surroundings from maps; records what was asked. */
    static final class FakeSurroundings implements Surroundings {
        final Map<String, Installed> plugins = new HashMap<>();
        final Map<CommandPath, Path> commands = new HashMap<>();
        final Set<String> onPath = new HashSet<>();
        final List<CommandPath> askedAt = new ArrayList<>();

        @Override
        public Optional<Installed> plugin(String name) {
            return Optional.ofNullable(plugins.get(name));
        }

        @Override
        public Optional<Path> pluginAt(CommandPath command) {
            askedAt.add(command);
            return Optional.ofNullable(commands.get(command));
        }

        @Override
        public boolean onPath(String program) {
            return onPath.contains(program);
        }
    }

    private final FakeSurroundings surroundings = new FakeSurroundings();

    private static PluginRecord record(Requirements requires, List<String> subcommands) {
        return new PluginRecord(Kind.PROTOCOL, List.of(), null, "1.2.0", "Greet people", List.of(), requires,
                subcommands, List.of(), null);
    }

    private List<String> problems(Requirements requires) {
        return RequirementChecks.problems(record(requires, List.of()), CommandPath.of("greet"), "jig", "0.1.0",
                surroundings);
    }

    @Test
    void noRequirementsNoProblems() {
        assertEquals(List.of(), problems(Requirements.NONE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            >=0.1.0 <1.0.0 | true
            ^0.1.0         | true
            0.x            | true
            *              | true
            >=1.0.0        | false
            ^0.2           | false
            <0.1.0         | false
            ~0.0.9         | false
            """)
    void theCliVersionMustSatisfyTheRange(String range, boolean satisfied) {
        List<String> problems = problems(new Requirements(range, null, null, null));

        assertEquals(satisfied ? List.of() : List.of("requires jig " + range + "; this is jig 0.1.0"), problems);
    }

    @Test
    void aPrereleaseHostIsCheckedAsSuch() {
        List<String> problems = RequirementChecks.problems(record(new Requirements(">=1.0.0", null, null, null), List.of()),
                CommandPath.of("greet"), "jig", "1.0.0-rc.1", surroundings);
        assertEquals(List.of("requires jig >=1.0.0; this is jig 1.0.0-rc.1"), problems);
    }

    @Test
    void anInvalidCliRangeIsLeftToTheStaticChecks() {
        assertEquals(List.of(), problems(new Requirements("not a range", null, null, null)));
    }

    @Test
    void aMissingPluginIsAProblem() {
        assertEquals(List.of("requires plugin 'auth' ^1.0.0, which is not installed"),
                problems(new Requirements(null, null, Map.of("auth", "^1.0.0"), null)));
    }

    @Test
    void aPluginAtAVersionInRangeIsFine() {
        surroundings.plugins.put("auth", new Surroundings.Installed("1.4.2"));
        assertEquals(List.of(), problems(new Requirements(null, null, Map.of("auth", "^1.0.0"), null)));
    }

    @Test
    void aPluginAtTheWrongVersionIsAProblem() {
        surroundings.plugins.put("auth", new Surroundings.Installed("2.0.0"));

        assertEquals(List.of("requires plugin 'auth' ^1.0.0, which is at 2.0.0"),
                problems(new Requirements(null, null, Map.of("auth", "^1.0.0"), null)));
    }

    @Test
    void aPlainPluginHasNoVersionToSatisfyARange() {
        surroundings.plugins.put("auth", new Surroundings.Installed(null));

        assertEquals(List.of("requires plugin 'auth' ^1.0.0, which is at no version (a plain plugin)"),
                problems(new Requirements(null, null, Map.of("auth", "^1.0.0"), null)));
    }

    @Test
    void aPluginWithAnUnparsableVersionDoesNotSatisfyARange() {
        surroundings.plugins.put("auth", new Surroundings.Installed("1.2"));

        assertEquals(List.of("requires plugin 'auth' ^1.0.0, which is at 1.2"),
                problems(new Requirements(null, null, Map.of("auth", "^1.0.0"), null)));
    }

    @Test
    void aPluginRequirementWithAnInvalidRangeOnlyNeedsThePlugin() {
        surroundings.plugins.put("auth", new Surroundings.Installed(null));
        assertEquals(List.of(), problems(new Requirements(null, null, Map.of("auth", "whatever"), null)));
    }

    @Test
    void aProgramMissingOnPathIsAProblem() {
        surroundings.onPath.add("git");

        assertEquals(List.of("requires program 'docker', which is not on PATH"),
                problems(new Requirements(null, null, null, List.of("git", "docker"))));
    }

    @Test
    void aProgramWithASlashIsNotLookedUp() {
        // The static checks already report it; looking it up on PATH would make no sense.
        assertEquals(List.of(), problems(new Requirements(null, null, null, List.of("bin/git"))));
    }

    @Test
    void aSubcommandTakenByAnotherPluginIsAProblem() {
        Path other = Path.of("/home/u/.config/jig/plugins/jig-greet-list");
        surroundings.commands.put(CommandPath.of("greet", "list"), other);

        List<String> problems = RequirementChecks.problems(record(Requirements.NONE, List.of("list", "add")),
                CommandPath.of("greet"), "jig", "0.1.0", surroundings);

        assertEquals(List.of("its subcommand 'greet list' is also the plugin " + other + ", which runs instead"),
                problems);
        assertEquals(List.of(CommandPath.of("greet", "list"), CommandPath.of("greet", "add")), surroundings.askedAt);
    }

    @Test
    void subcommandsOfANestedCommandExtendItsWords() {
        Path other = Path.of("/p/jig-cloud-vm-start");
        surroundings.commands.put(CommandPath.of("cloud", "vm", "start"), other);

        List<String> problems = RequirementChecks.problems(record(Requirements.NONE, List.of("start")),
                CommandPath.of("cloud", "vm"), "jig", "0.1.0", surroundings);

        assertEquals(List.of("its subcommand 'cloud vm start' is also the plugin " + other + ", which runs instead"),
                problems);
    }

    @Test
    void subcommandsThatAreNotWordsAreNotLookedUp() {
        List<String> problems = RequirementChecks.problems(record(Requirements.NONE, List.of("--list", "a/b", "", "_x")),
                CommandPath.of("greet"), "jig", "0.1.0", surroundings);

        assertEquals(List.of(), problems);
        assertEquals(List.of(), surroundings.askedAt);
    }

    @Test
    void everyUnmetRequirementIsReported() {
        surroundings.plugins.put("db", new Surroundings.Installed("3.0.0"));
        surroundings.commands.put(CommandPath.of("greet", "list"), Path.of("/p/jig-greet-list"));
        PluginRecord record = record(new Requirements(">=2", null, Map.of("auth", "^1", "db", "^2"), List.of("git")),
                List.of("list"));

        List<String> problems = RequirementChecks.problems(record, CommandPath.of("greet"), "jig", "0.1.0", surroundings);

        assertEquals(5, problems.size(), problems.toString());
    }
}
