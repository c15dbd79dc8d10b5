package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The launcher's fast path (a route written by the host) gives the same result as the JVM, and
 * is abandoned whenever anything the decision depended on changes.
 */
class FastPathIT {

    @TempDir
    Path root;

    private Sandbox sandbox;
    private Path plugins;
    private Path starts;

    @BeforeEach
    void sandbox() {
        sandbox = new Sandbox(root);
        plugins = Sandbox.mkdirs(root.resolve("plugins"));
        sandbox.env.put("JIG_PLUGIN_PATH", plugins.toString());
        sandbox.env.put("PATH", sandbox.bin + ":/usr/bin:/bin");
        starts = root.resolve("jvm-starts");
        // Counts JVM starts: a run that takes the fast path leaves no line here.
        Path java = Sandbox.executable(root.resolve("java"), "#!/bin/sh\necho start >> '" + starts + "'\nexec '" + Sandbox.JAVA + "' \"$@\"\n");
        sandbox.env.put("JIG_JAVA", java.toString());
        Sandbox.executable(plugins.resolve("jig-show"), """
                #!/bin/sh
                printf '%s\\n' "$0" "$@"
                env | grep -E '^(JIG_|LC_ALL)' | grep -v -e '^JIG_NO_ROUTES=' -e '^JIG_CONFIG=' | sort
                cat "$JIG_CONFIG"; echo
                exit 3
                """);
    }

    private int jvmStarts() throws Exception {
        return Files.exists(starts) ? Files.readAllLines(starts).size() : 0;
    }

    /**
     * Runs twice; returns the second run, asserting it took the fast path and matched the first.
     * Waits first: the host writes no route for files changed in the last second.
     */
    private Sandbox.Result twice(String... args) throws Exception {
        Thread.sleep(1100);
        Sandbox.Result slow = sandbox.jig(args);
        int before = jvmStarts();
        Sandbox.Result fast = sandbox.jig(args);
        assertEquals(before, jvmStarts(), "the second run takes the fast path");
        assertSame(slow, fast);
        return fast;
    }

    private static void assertSame(Sandbox.Result expected, Sandbox.Result actual) {
        assertEquals(expected.exitCode(), actual.exitCode(), actual::toString);
        assertEquals(expected.stdout(), actual.stdout());
        assertEquals(expected.stderr(), actual.stderr());
    }

    @Test
    void theFastPathMatchesTheJvmExactly() throws Exception {
        List<String> args = new ArrayList<>(List.of("show", "two words", "", "--", "-x", "ünï 🎉", "$HOME", "'q'", "\"dq\""));
        for (int i = 0; i < 300; i++) {
            args.add("arg" + i);
        }
        Sandbox.Result fast = twice(args.toArray(String[]::new));
        assertEquals(3, fast.exitCode());
        assertTrue(fast.stdout().contains("JIG_PLUGIN_NAME=show\n"), fast::toString);

        sandbox.env.put("JIG_NO_ROUTES", "1");
        int before = jvmStarts();
        assertSame(fast, sandbox.jig(args.toArray(String[]::new)));
        assertEquals(before + 1, jvmStarts(), "JIG_NO_ROUTES always starts the JVM");
    }

    @Test
    void underTheCLocaleToo() throws Exception {
        sandbox.env.put("LANG", "C");
        Sandbox.Result fast = twice("show", "héllo", "日本");
        assertTrue(fast.stdout().contains("héllo\n日本\n"), fast::toString);
        assertFalse(fast.stdout().contains("LC_ALL"), "the launcher's locale fix stays invisible: " + fast);
    }

    @Test
    void longerCommandsAndExitCodesThroughTheFastPath() throws Exception {
        Sandbox.executable(plugins.resolve("jig-exit"), "#!/bin/sh\n[ \"$1\" = TERM ] && kill -s TERM $$\nexit \"$1\"\n");
        assertEquals(42, twice("exit", "42").exitCode());
        assertEquals(7, sandbox.jig("exit", "7").exitCode());
        assertEquals(143, sandbox.jig("exit", "TERM").exitCode());
    }

    @Test
    void aNewPluginInAnEarlierDirectoryIsSeen() throws Exception {
        sandbox.env.remove("JIG_PLUGIN_PATH");
        Files.move(plugins.resolve("jig-show"), sandbox.bin.resolve("jig-show"));
        twice("show");
        Sandbox.executable(sandbox.userDir().resolve("jig-show"), "#!/bin/sh\necho user\n");
        assertEquals("user\n", sandbox.jig("show").stdout(), "a directory created before PATH is seen");
        Sandbox.executable(root.resolve("first/jig-show"), "#!/bin/sh\necho first\n");
        sandbox.env.put("JIG_PLUGIN_PATH", root.resolve("first").toString());
        assertEquals("first\n", sandbox.jig("show").stdout(), "a changed JIG_PLUGIN_PATH is seen");
        Files.delete(root.resolve("first/jig-show"));
        Sandbox.executable(root.resolve("first/jig-show"), "#!/bin/sh\necho again\n");
        assertEquals("again\n", sandbox.jig("show").stdout());
    }

    @Test
    void aLongerCommandThatAppearsIsSeen() throws Exception {
        twice("show", "extra");
        Sandbox.executable(sandbox.bin.resolve("jig-show-extra"), "#!/bin/sh\necho longer\n");
        assertEquals("longer\n", sandbox.jig("show", "extra").stdout());
    }

    @Test
    void aCreatedDirectoryOnTheSearchPathIsSeen() throws Exception {
        twice("show");
        Sandbox.executable(sandbox.systemDir().resolve("jig-show"), "#!/bin/sh\necho system\n");
        assertEquals(3, sandbox.jig("show").exitCode(), "system comes after explicit");
        Sandbox.executable(sandbox.localDir().resolve("jig-show"), "#!/bin/sh\necho local\n");
        assertEquals(3, sandbox.jig("show").exitCode(), "local comes after explicit too");
        Files.delete(plugins.resolve("jig-show"));
        assertEquals(126, sandbox.jig("show").exitCode(), "untrusted until the user trusts it");
        assertEquals(0, sandbox.jig("plugins", "trust", "show").exitCode());
        assertEquals("local\n", sandbox.jig("show").stdout());
        assertEquals("local\n", sandbox.jig("show").stdout(), "./plugins is never taken by the fast path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"chmod", "rewrite", "replace", "remove"})
    void aChangedPluginIsSeen(String change) throws Exception {
        twice("show");
        Path file = plugins.resolve("jig-show");
        switch (change) {
            case "chmod" -> Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            case "rewrite" -> Files.writeString(file, "#!/bin/sh\necho rewritten\n");
            case "replace" -> {
                Path next = Sandbox.executable(root.resolve("next"), "#!/bin/sh\necho replaced\n");
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
            }
            default -> Files.delete(file);
        }
        int before = jvmStarts();
        Sandbox.Result result = sandbox.jig("show");
        assertEquals(before + 1, jvmStarts(), "a change sends the launcher back to the JVM");
        switch (change) {
            case "chmod" -> assertEquals(126, result.exitCode(), result::toString);
            case "rewrite" -> assertEquals("rewritten\n", result.stdout());
            case "replace" -> assertEquals("replaced\n", result.stdout());
            default -> assertEquals(127, result.exitCode(), result::toString);
        }
    }

    @Test
    void anInvalidPluginNeverGetsARoute() throws Exception {
        Sandbox.executable(plugins.resolve("jig-future"), ProtocolPlugins.withMetadata("future", "\"requires\": {\"cli\": \">=99\"}"));
        sandbox.jig("future");
        int before = jvmStarts();
        assertEquals(126, sandbox.jig("future").exitCode());
        assertEquals(before + 1, jvmStarts());
    }

    @Test
    void theCommandLinePluginPathAlwaysGoesThroughTheJvm() throws Exception {
        sandbox.jig("--plugin-path", plugins.toString(), "show");
        int before = jvmStarts();
        assertEquals(3, sandbox.jig("--plugin-path", plugins.toString(), "show").exitCode());
        assertEquals(before + 1, jvmStarts());
    }

    @Test
    void anotherInstallationsLauncherDoesNotTakeTheRoute() throws Exception {
        twice("show");
        Path bin = Sandbox.mkdirs(root.resolve("install/bin"));
        Path lib = Sandbox.mkdirs(root.resolve("install/lib"));
        Files.copy(Sandbox.LAUNCHER, bin.resolve("jig"));
        Files.copy(Sandbox.LAUNCHER.resolveSibling("../cli/target/jig.jar").normalize(), lib.resolve("jig.jar"));
        int before = jvmStarts();
        Sandbox.Result other = sandbox.run(List.of(bin.resolve("jig").toString(), "show"), new byte[0]);
        assertEquals(3, other.exitCode(), other::toString);
        assertEquals(before + 1, jvmStarts());
        assertTrue(other.stdout().contains("JIG_BIN=" + bin.resolve("jig")), other::toString);
    }

    @Test
    void contextVariablesDoNotDependOnWhereTheRouteWasWritten() throws Exception {
        // The route is written from inside another plugin's callback, whose environment already
        // holds every context variable; a later top-level run must still get all of them.
        Sandbox.executable(plugins.resolve("jig-outer"), "#!/bin/sh\nexec \"$JIG_BIN\" show from-outer\n");
        Thread.sleep(1100);
        sandbox.jig("outer");
        sandbox.env.put("JIG_PLUGIN_DIR", "/leaked/from/a/directory/plugin");
        int before = jvmStarts();
        Sandbox.Result fast = sandbox.jig("show");
        assertEquals(before, jvmStarts(), "the route written inside the callback is taken");
        sandbox.env.put("JIG_NO_ROUTES", "1");
        assertSame(sandbox.jig("show"), fast);
        assertFalse(fast.stdout().contains("JIG_PLUGIN_DIR"), fast::toString);
        assertTrue(fast.stdout().contains("JIG_BIN=" + Sandbox.LAUNCHER.toRealPath()), fast::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not executable", "dangling link", "empty directory"})
    void somethingOfTheSameNameEarlierOnThePathKeepsTheRouteAway(String kind) throws Exception {
        sandbox.env.put("JIG_PLUGIN_PATH", root.resolve("first") + ":" + plugins);
        Path first = Sandbox.mkdirs(root.resolve("first"));
        switch (kind) {
            case "not executable" -> Sandbox.write(first.resolve("jig-show"), "#!/bin/sh\necho first\n");
            case "dangling link" -> Files.createSymbolicLink(first.resolve("jig-show"), root.resolve("later"));
            default -> Sandbox.mkdirs(first.resolve("show"));
        }
        Thread.sleep(1100);
        assertEquals(3, sandbox.jig("show").exitCode());
        int before = jvmStarts();
        assertEquals(3, sandbox.jig("show").exitCode());
        assertEquals(before + 1, jvmStarts(), "no route while it could turn into the winner in place");
        switch (kind) {
            case "not executable" -> Files.setPosixFilePermissions(first.resolve("jig-show"), PosixFilePermissions.fromString("rwxr-xr-x"));
            case "dangling link" -> Sandbox.executable(root.resolve("later"), "#!/bin/sh\necho first\n");
            default -> Sandbox.write(first.resolve("show/plugin.json"),
                    "{\"name\": \"show\", \"version\": \"1.0.0\", \"run\": [\"sh\", \"-c\", \"echo first\"]}");
        }
        assertEquals("first\n", sandbox.jig("show").stdout());
    }

    @Test
    void aRequiredProgramThatGoesAwayIsSeen() throws Exception {
        Path tool = Sandbox.executable(sandbox.bin.resolve("mytool"), "#!/bin/sh\n");
        Sandbox.executable(plugins.resolve("jig-needy"), ProtocolPlugins.withMetadata("needy", "\"requires\": {\"programs\": [\"mytool\"]}"));
        twice("needy");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(126, sandbox.jig("needy").exitCode());
    }

    @Test
    void aPluginThatCannotStartGetsNoRoute() throws Exception {
        Sandbox.executable(plugins.resolve("jig-broken"), "#!/nonexistent/interpreter\n");
        Thread.sleep(1100);
        Sandbox.Result first = sandbox.jig("broken");
        Sandbox.Result second = sandbox.jig("broken");
        assertEquals(126, second.exitCode());
        assertSame(first, second);
    }

    @Test
    void theUsersVariablesAreNotTheLaunchers() throws Exception {
        Sandbox.executable(plugins.resolve("jig-vars"), "#!/bin/sh\necho \"$run $name $key $dir $java $jar\"\n");
        for (String name : List.of("run", "name", "key", "dir", "java", "jar")) {
            sandbox.env.put(name, "mine-" + name);
        }
        sandbox.env.put("CDPATH", root.toString());
        Sandbox.Result fast = twice("vars");
        assertEquals("mine-run mine-name mine-key mine-dir mine-java mine-jar\n", fast.stdout());
    }
}
