package dev.jig.host.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jig.host.CliIdentity;
import dev.jig.host.HostSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchPathTests {

    private static final Path CWD = Path.of("/work/dir");

    private static HostSettings settings(String cli, Map<String, String> env) {
        return new HostSettings(new CliIdentity(cli, "1.0", Optional.empty()), Set.of(), env, CWD, Optional.empty());
    }

    /** The search path as "ORIGIN /dir" lines. */
    private static List<String> dirs(HostSettings settings) {
        return SearchPath.of(settings).dirs().stream().map(d -> d.origin() + " " + d.directory()).toList();
    }

    @Test
    void ordersExplicitUserLocalSystemPath() {
        Map<String, String> env = Map.of(
                "JIG_PLUGIN_PATH", "/p1:/p2",
                "HOME", "/home/u",
                "PATH", "/usr/bin:/bin");
        assertEquals(List.of(
                "EXPLICIT /p1",
                "EXPLICIT /p2",
                "USER /home/u/.config/jig/plugins",
                "LOCAL /work/dir/plugins",
                "SYSTEM /usr/local/share/jig/plugins",
                "SYSTEM /usr/share/jig/plugins",
                "PATH /usr/bin",
                "PATH /bin"), dirs(settings("jig", env)));
    }

    @Test
    void emptyEnvironmentLeavesLocalAndDefaultSystemDirs() {
        assertEquals(List.of(
                "LOCAL /work/dir/plugins",
                "SYSTEM /usr/local/share/jig/plugins",
                "SYSTEM /usr/share/jig/plugins"), dirs(settings("jig", Map.of())));
    }

    @Test
    void pluginPathOptionReplacesTheEnvironmentVariable() {
        HostSettings settings = settings("jig", Map.of("JIG_PLUGIN_PATH", "/from-env"))
                .withPluginPath(List.of(Path.of("/opt"), Path.of("rel")));
        List<String> explicit = dirs(settings).stream().filter(d -> d.startsWith("EXPLICIT ")).toList();
        assertEquals(List.of("EXPLICIT /opt", "EXPLICIT /work/dir/rel"), explicit);
    }

    @Test
    void emptyPluginPathOptionStillReplacesTheEnvironmentVariable() {
        HostSettings settings = settings("jig", Map.of("JIG_PLUGIN_PATH", "/from-env")).withPluginPath(List.of());
        assertEquals("LOCAL /work/dir/plugins", dirs(settings).get(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /cfg          | USER /cfg/jig/plugins
            /cfg/         | USER /cfg/jig/plugins
            relative/cfg  | USER /home/u/.config/jig/plugins
            ./cfg         | USER /home/u/.config/jig/plugins
            ''            | USER /home/u/.config/jig/plugins
            """)
    void userDirFollowsAbsoluteXdgConfigHomeElseHome(String xdgConfigHome, String expected) {
        Map<String, String> env = Map.of("HOME", "/home/u", "XDG_CONFIG_HOME", xdgConfigHome);
        assertEquals(expected, dirs(settings("jig", env)).get(0));
    }

    @Test
    void noUserDirWithoutHomeOrXdgConfigHome() {
        assertEquals(List.of(), dirs(settings("jig", Map.of("XDG_CONFIG_HOME", "rel"))).stream()
                .filter(d -> d.startsWith("USER ")).toList());
    }

    @Test
    void aRelativeHomeIsIgnored() {
        List<String> dirs = dirs(settings("jig", Map.of("HOME", "relative/home", "XDG_CONFIG_HOME", "rel")));
        assertEquals("LOCAL /work/dir/plugins", dirs.get(0));
    }

    @Test
    void xdgConfigHomeWinsOverHome() {
        Map<String, String> env = Map.of("HOME", "/home/u", "XDG_CONFIG_HOME", "/xdg");
        assertEquals("USER /xdg/jig/plugins", dirs(settings("jig", env)).get(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /d1:/d2       | SYSTEM /d1/jig/plugins,SYSTEM /d2/jig/plugins
            :/d1::rel:/d2:| SYSTEM /d1/jig/plugins,SYSTEM /d2/jig/plugins
            /only         | SYSTEM /only/jig/plugins
            ''            | SYSTEM /usr/local/share/jig/plugins,SYSTEM /usr/share/jig/plugins
            """)
    void systemDirsComeFromAbsoluteXdgDataDirs(String xdgDataDirs, String expected) {
        List<String> system = dirs(settings("jig", Map.of("XDG_DATA_DIRS", xdgDataDirs))).stream()
                .filter(d -> d.startsWith("SYSTEM ")).toList();
        assertEquals(List.of(expected.split(",")), system);
    }

    @Test
    void emptyPathEntriesAreDropped() {
        List<String> path = dirs(settings("jig", Map.of("PATH", ":/a::/b:"))).stream()
                .filter(d -> d.startsWith("PATH ")).toList();
        assertEquals(List.of("PATH /a", "PATH /b"), path);
    }

    @Test
    void emptyExplicitEntriesAreDropped() {
        List<String> explicit = dirs(settings("jig", Map.of("JIG_PLUGIN_PATH", "::/a:"))).stream()
                .filter(d -> d.startsWith("EXPLICIT ")).toList();
        assertEquals(List.of("EXPLICIT /a"), explicit);
    }

    @Test
    void relativeEntriesResolveAgainstTheWorkingDirectory() {
        Map<String, String> env = Map.of("JIG_PLUGIN_PATH", "mine:../up", "PATH", "bin:/x:./tools/../t");
        List<String> dirs = dirs(settings("jig", env));
        assertEquals(List.of("EXPLICIT /work/dir/mine", "EXPLICIT /work/up"), dirs.subList(0, 2));
        assertEquals(List.of("PATH /work/dir/bin", "PATH /x", "PATH /work/dir/t"), dirs.subList(dirs.size() - 3, dirs.size()));
    }

    @Test
    void relativeWorkingDirectoryIsMadeAbsolute() {
        HostSettings settings = new HostSettings(new CliIdentity("jig", "1.0", Optional.empty()), Set.of(),
                Map.of(), Path.of("sub"), Optional.empty());
        Path expected = Path.of("").toAbsolutePath().resolve("sub").resolve("plugins");
        assertEquals(expected, SearchPath.of(settings).dirs().get(0).directory());
    }

    @Test
    void theCliNameChangesEveryName() {
        Map<String, String> env = Map.of(
                "JIG_PLUGIN_PATH", "/jig-only",
                "ACME_PLUGIN_PATH", "/acme-only",
                "HOME", "/home/u",
                "XDG_DATA_DIRS", "/usr/share");
        assertEquals(List.of(
                "EXPLICIT /acme-only",
                "USER /home/u/.config/acme/plugins",
                "LOCAL /work/dir/plugins",
                "SYSTEM /usr/share/acme/plugins"), dirs(settings("acme", env)));
    }

    @Test
    void aDashedCliNameReadsAnUnderscoredVariable() {
        Map<String, String> env = Map.of("MY_CLI_PLUGIN_PATH", "/mine", "MY-CLI_PLUGIN_PATH", "/wrong");
        assertEquals("EXPLICIT /mine", dirs(settings("my-cli", env)).get(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /a:/b    | /a,/b
            :/a::/b: | /a,/b
            /a       | /a
            """)
    void splitListDropsEmptyEntries(String list, String expected) {
        assertEquals(List.of(expected.split(",")), SearchPath.splitList(list));
    }

    @Test
    void splitListOfNothingIsEmpty() {
        assertEquals(List.of(), SearchPath.splitList(""));
        assertEquals(List.of(), SearchPath.splitList(":::"));
    }
}
