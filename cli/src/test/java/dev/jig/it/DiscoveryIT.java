package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which file a command runs, through the real launcher and real directories. */
class DiscoveryIT {

    @TempDir
    Path root;

    private Sandbox sandbox;
    private Path explicit;

    @BeforeEach
    void sandbox() {
        sandbox = new Sandbox(root);
        explicit = Sandbox.mkdirs(root.resolve("explicit"));
        sandbox.env.put("JIG_PLUGIN_PATH", root.resolve("missing") + ":" + explicit);
    }

    private static Path says(Path file, String text) {
        return Sandbox.executable(file, "#!/bin/sh\necho \"" + text + " $*\"\n");
    }

    @Test
    void firstOfTheFiveSourcesWins() throws Exception {
        List<Path> files = List.of(
                says(explicit.resolve("jig-who"), "explicit"),
                says(sandbox.userDir().resolve("jig-who"), "user"),
                says(sandbox.localDir().resolve("jig-who"), "local"),
                says(sandbox.systemDir().resolve("jig-who"), "system"),
                says(sandbox.bin.resolve("jig-who"), "path"));
        for (String expected : List.of("explicit", "user", "local", "system", "path")) {
            if (expected.equals("local")) {
                // ./plugins is searched, but its plugins run only once the user trusts them.
                assertEquals(126, sandbox.jig("who").exitCode());
                assertEquals(0, sandbox.jig("plugins", "trust", "who").exitCode());
            }
            assertEquals(expected + " \n", sandbox.jig("who").stdout());
            Files.delete(files.get(List.of("explicit", "user", "local", "system", "path").indexOf(expected)));
        }
        assertEquals(127, sandbox.jig("who").exitCode());
    }

    @Test
    void commandLinePluginPathReplacesTheEnvironmentVariable() {
        Path flag = Sandbox.mkdirs(root.resolve("flag"));
        says(explicit.resolve("jig-who"), "env");
        says(flag.resolve("jig-who"), "flag");
        assertEquals("flag \n", sandbox.jig("--plugin-path", flag.toString(), "who").stdout());
        assertEquals("flag \n", sandbox.jig("--plugin-path=" + flag, "who").stdout());
        assertEquals("env \n", sandbox.jig("who").stdout());
    }

    @Test
    void longestMatchWinsAndTheRestIsPassedOn() {
        says(sandbox.bin.resolve("jig-a"), "a");
        says(sandbox.bin.resolve("jig-a-b"), "a-b");
        says(explicit.resolve("jig-a-b-c"), "a-b-c");
        assertEquals("a-b-c d --x y\n", sandbox.jig("a", "b", "c", "d", "--x", "y").stdout());
        assertEquals("a-b --c\n", sandbox.jig("a", "b", "--c").stdout());
        assertEquals("a x b\n", sandbox.jig("a", "x", "b").stdout());
        assertEquals("a ./b c\n", sandbox.jig("a", "./b", "c").stdout());
    }

    @Test
    void dashInsideAWordIsAnUnderscoreInTheFileName() {
        says(sandbox.bin.resolve("jig-foo_bar"), "foo_bar");
        says(sandbox.bin.resolve("jig-foo-bar"), "foo-bar");
        assertEquals("foo_bar \n", sandbox.jig("foo-bar").stdout());
        assertEquals("foo-bar \n", sandbox.jig("foo", "bar").stdout());
    }

    @Test
    void builtinAlwaysWinsAndTheCollisionIsReported() {
        Path fake = says(explicit.resolve("jig-version"), "plugin");
        Sandbox.Result version = sandbox.jig("version");
        assertTrue(version.stdout().startsWith("jig version "), version::toString);

        Sandbox.Result list = sandbox.jig("plugins", "list");
        assertTrue(list.stdout().lines().anyMatch(l -> l.contains(fake.toString())
                && l.contains("collides with built-in command 'version'")), list::toString);
    }

    @Test
    void nonExecutablePluginGetsItsOwnError() throws Exception {
        Path file = Sandbox.write(explicit.resolve("jig-lazy"), "#!/bin/sh\necho never\n");
        Sandbox.Result result = sandbox.jig("lazy");
        assertEquals(126, result.exitCode());
        assertEquals("jig: plugin 'lazy' is not executable: " + file + ". Run 'chmod +x " + file + "'.\n",
                result.stderr());
    }

    @Test
    void badInterpreterIsReportedNotThrown() {
        Path file = Sandbox.executable(explicit.resolve("jig-broken"), "#!/nonexistent/interpreter\n");
        Sandbox.Result result = sandbox.jig("broken");
        assertEquals(126, result.exitCode(), result::toString);
        assertTrue(result.stderr().startsWith("jig: cannot run plugin 'broken' (" + file + "): "), result::toString);
        assertEquals(1, result.stderr().lines().count(), result::toString);
    }

    @Test
    void emptyPathEntriesDoNotMeanTheWorkingDirectory() {
        says(sandbox.work.resolve("jig-here"), "here");
        sandbox.env.put("PATH", ":" + sandbox.bin + "::" + System.getenv("PATH") + ":");
        Sandbox.Result result = sandbox.jig("here");
        assertEquals(127, result.exitCode(), result::toString);
    }

    @Test
    void missingAndUnusableDirectoriesAreSkipped() {
        Sandbox.write(root.resolve("not-a-dir"), "");
        sandbox.env.put("JIG_PLUGIN_PATH", root.resolve("missing") + ":" + root.resolve("not-a-dir") + "::" + explicit);
        sandbox.env.put("XDG_DATA_DIRS", "relative/share:" + root.resolve("nowhere"));
        says(explicit.resolve("jig-ok"), "ok");
        assertEquals("ok \n", sandbox.jig("ok").stdout());
        assertEquals(0, sandbox.jig("plugins", "list").exitCode());
    }

    @Test
    void unknownCommandSaysSoAndSuggests() {
        says(sandbox.bin.resolve("jig-status"), "status");
        Sandbox.Result result = sandbox.jig("staus", "--short");
        assertEquals(127, result.exitCode());
        assertEquals("""
                jig: 'staus' is not a jig command. See 'jig help'.

                The most similar command is
                \tstatus
                """, result.stderr());
        assertEquals("", result.stdout());
    }

    @Test
    void unknownCommandWithNothingCloseOnlySaysSo() {
        Sandbox.Result result = sandbox.jig("zzzzzz");
        assertEquals(127, result.exitCode());
        assertEquals("jig: 'zzzzzz' is not a jig command. See 'jig help'.\n", result.stderr());
    }

    @Test
    void unknownGlobalOptionIsAUsageError() {
        Sandbox.Result result = sandbox.jig("--frobnicate", "hello");
        assertEquals(2, result.exitCode());
        assertEquals("jig: unknown option '--frobnicate'. See 'jig help'.\n", result.stderr());
    }

    @Test
    void helpListsBuiltinsThenPlainPluginsInSearchPathOrder() {
        says(explicit.resolve("jig-deploy"), "");
        says(explicit.resolve("jig-deploy-prod"), "");
        says(sandbox.userDir().resolve("jig-greet"), "");
        Sandbox.Result result = sandbox.jig("help");
        assertEquals(0, result.exitCode(), result::toString);
        String help = result.stdout();
        int builtins = help.indexOf("Built-in commands:");
        int plain = help.indexOf("Plain plugins:\n  deploy\n  deploy prod\n  greet\n");
        assertTrue(builtins >= 0 && builtins < plain, help);
        assertTrue(help.contains("  plugins "), help);
    }

    @Test
    void helpForAPlainPluginRunsItWithHelp() {
        says(explicit.resolve("jig-deploy"), "deploy");
        Sandbox.Result result = sandbox.jig("help", "deploy", "prod");
        assertEquals("deploy prod --help\n", result.stdout());
    }
}
