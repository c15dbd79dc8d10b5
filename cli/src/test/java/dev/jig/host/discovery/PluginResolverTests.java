package dev.jig.host.discovery;

import static dev.jig.host.discovery.PluginFixtures.executable;
import static dev.jig.host.discovery.PluginFixtures.notExecutable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jig.host.trace.Tracer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PluginResolverTests {

    @TempDir
    Path tmp;

    private Path first;
    private Path second;
    private PluginResolver resolver;

    @BeforeEach
    void searchPath() {
        first = tmp.resolve("first");
        second = tmp.resolve("second");
        resolver = resolver(tmp.resolve("missing"), first, second);
    }

    private static PluginResolver resolver(Path... dirs) {
        List<PluginDir> pluginDirs = java.util.Arrays.stream(dirs).map(d -> new PluginDir(d, Origin.PATH)).toList();
        return new PluginResolver("jig-", Set.of("help", "plugins"), new SearchPath(pluginDirs));
    }

    private Dispatch.Plugin plugin(String... args) {
        return assertInstanceOf(Dispatch.Plugin.class, resolver.resolve(List.of(args)));
    }

    @Test
    void eachNameTriedIsTracedLongestFirst() {
        executable(second, "jig-a");
        notExecutable(first, "jig-a-b");
        List<String> lines = new ArrayList<>();
        Tracer tracer = new Tracer() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public void step(String step, String detail) {
                lines.add(step + ": " + detail);
            }
        };
        List<PluginDir> dirs = List.of(new PluginDir(first, Origin.USER), new PluginDir(second, Origin.PATH));
        new PluginResolver("jig-", Set.of("help"), new SearchPath(dirs), tracer).resolve(List.of("a", "c", "x"));
        new PluginResolver("jig-", Set.of("help"), new SearchPath(dirs), tracer).resolve(List.of("a", "b"));
        assertEquals(List.of(
                "candidate: jig-a-c-x: not found",
                "candidate: jig-a-c: not found",
                "candidate: jig-a: " + second.resolve("jig-a") + " (path)",
                "candidate: jig-a-b: " + first.resolve("jig-a-b") + " (not executable)"), lines);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            a b c        | jig-a-b-c | ''
            a b c --x y  | jig-a-b-c | --x y
            a b c d      | jig-a-b-c | d
            a b d        | jig-a-b   | d
            a b          | jig-a-b   | ''
            a c b        | jig-a     | c b
            a --b c      | jig-a     | --b c
            a ./b        | jig-a     | ./b
            a            | jig-a     | ''
            """)
    void longestMatchWins(String commandLine, String file, String rest) {
        executable(first, "jig-a");
        executable(first, "jig-a-b");
        executable(first, "jig-a-b-c");
        Dispatch.Plugin plugin = plugin(commandLine.split(" "));
        assertEquals(first.resolve(file), plugin.plugin().path());
        assertEquals(rest.isEmpty() ? List.of() : List.of(rest.split(" ")), plugin.args());
    }

    @Test
    void longestMatchLooksThroughEveryDirectoryBeforeShortening() {
        executable(first, "jig-a");
        executable(second, "jig-a-b");
        Dispatch.Plugin plugin = plugin("a", "b", "x");
        assertEquals(second.resolve("jig-a-b"), plugin.plugin().path());
        assertEquals(CommandPath.of("a", "b"), plugin.plugin().command());
        assertEquals(List.of("x"), plugin.args());
    }

    @Test
    void restIsPassedVerbatim() {
        executable(first, "jig-run");
        List<String> rest = List.of("", " spaced out ", "--", "ünïcode", "-x=1", "a/b", "*");
        List<String> args = new java.util.ArrayList<>(List.of("run"));
        args.addAll(rest);
        assertEquals(rest, plugin(args.toArray(String[]::new)).args());
    }

    @Test
    void dashInAWordIsAnUnderscoreInTheFileName() {
        executable(first, "jig-foo_bar");
        Dispatch.Plugin plugin = plugin("foo-bar", "x");
        assertEquals(first.resolve("jig-foo_bar"), plugin.plugin().path());
        assertEquals(CommandPath.of("foo-bar"), plugin.plugin().command());
        assertEquals(List.of("x"), plugin.args());
        assertEquals(new Dispatch.Unknown("foo"), resolver.resolve(List.of("foo", "bar")));
    }

    @Test
    void separateWordsAreDashesInTheFileName() {
        executable(first, "jig-foo-bar");
        assertEquals(first.resolve("jig-foo-bar"), plugin("foo", "bar").plugin().path());
        assertEquals(new Dispatch.Unknown("foo-bar"), resolver.resolve(List.of("foo-bar")));
    }

    @Test
    void firstDirectoryWins() {
        executable(first, "jig-x");
        executable(second, "jig-x");
        Dispatch.Plugin plugin = plugin("x");
        assertEquals(first.resolve("jig-x"), plugin.plugin().path());
        assertEquals(new PluginDir(first, Origin.PATH), plugin.plugin().dir());
    }

    @Test
    void nonExecutableLongestNameDoesNotFallBackToAShorterName() {
        executable(first, "jig-a");
        notExecutable(first, "jig-a-b");
        notExecutable(second, "jig-a-b");
        Dispatch dispatch = resolver.resolve(List.of("a", "b", "c"));
        assertEquals(new Dispatch.NotExecutable(CommandPath.of("a", "b"), first.resolve("jig-a-b")), dispatch);
    }

    @Test
    void nonExecutableFirstButExecutableLaterRunsTheLaterOne() {
        notExecutable(first, "jig-x");
        executable(second, "jig-x");
        assertEquals(second.resolve("jig-x"), plugin("x").plugin().path());
    }

    @Test
    void builtinFirstWordIsABuiltinEvenWhenAPluginHasItsName() {
        executable(first, "jig-help");
        executable(first, "jig-plugins-list");
        assertEquals(new Dispatch.Builtin("help", List.of("x", "--y")), resolver.resolve(List.of("help", "x", "--y")));
        assertEquals(new Dispatch.Builtin("plugins", List.of("list")), resolver.resolve(List.of("plugins", "list")));
    }

    @Test
    void builtinOnlyMatchesTheWholeFirstWord() {
        executable(first, "jig-helper");
        assertEquals(first.resolve("jig-helper"), plugin("helper").plugin().path());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            --x
            -h
            ./x
            x/y
            .x
            ''
            é
            """)
    void aFirstArgumentThatIsNoWordIsUnknown(String first) {
        executable(this.first, "jig-x");
        assertEquals(new Dispatch.Unknown(first), resolver.resolve(List.of(first, "x")));
    }

    @Test
    void nothingMatchingIsUnknownWithTheFirstWord() {
        executable(first, "jig-other");
        assertEquals(new Dispatch.Unknown("nope"), resolver.resolve(List.of("nope", "other")));
    }

    @Test
    void missingDirectoriesAndFilesInPlaceOfDirectoriesAreSkipped() throws IOException {
        Path notADir = Files.writeString(tmp.resolve("file"), "");
        executable(second, "jig-x");
        PluginResolver resolver = resolver(tmp.resolve("nope"), notADir, second);
        assertEquals(second.resolve("jig-x"), assertInstanceOf(Dispatch.Plugin.class, resolver.resolve(List.of("x"))).plugin().path());
    }

    @Test
    void aDirectoryWithAPluginNameIsNoPlugin() throws IOException {
        Files.createDirectories(first.resolve("jig-x"));
        executable(second, "jig-x");
        assertEquals(second.resolve("jig-x"), plugin("x").plugin().path());
    }

    @Test
    void aSymlinkToAnExecutableIsAPlugin() throws IOException {
        Path target = executable(tmp.resolve("elsewhere"), "tool");
        Files.createDirectories(first);
        Files.createSymbolicLink(first.resolve("jig-x"), target);
        assertEquals(first.resolve("jig-x"), plugin("x").plugin().path());
    }

    @Test
    void wordsBeyondTheLongestFileNameAreArguments() {
        executable(first, "jig-a");
        String tooLong = "b".repeat(251); // "jig-a-" + 251 = 257 bytes
        Dispatch.Plugin plugin = plugin("a", tooLong);
        assertEquals(first.resolve("jig-a"), plugin.plugin().path());
        assertEquals(List.of(tooLong), plugin.args());
    }

    @Test
    void noArgumentsIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> resolver.resolve(List.of()));
    }
}
