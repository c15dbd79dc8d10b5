package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The subcommands, configuration and hooks of the bash, Python and Java samples, through the
 * real launcher (what {@link SamplePluginsIT} checks of them is not repeated here).
 */
class SampleCommandsIT {

    @TempDir
    Path root;

    private Sandbox sandbox;

    @BeforeEach
    void onTheSamplesPath() {
        sandbox = new Sandbox(root);
        sandbox.env.put("JIG_PLUGIN_PATH", Sandbox.samples("bash", "python", "java"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"hello, context, --greeting", "greet, languages, --lang", "wordcount, top, --lines"})
    void helpShowsTheSubcommandAndTheFlags(String name, String subcommand, String flag) {
        Sandbox.Result help = sandbox.jig("help", name);
        assertEquals(0, help.exitCode(), help::toString);
        assertTrue(help.stdout().contains("\nCommands:\n  " + subcommand + "  "), help::toString);
        assertTrue(help.stdout().contains(flag), help::toString);
    }

    @Test
    void bashHelloGreetsWithTheFlagOrTheConfiguredGreeting() {
        assertEquals("Hi, Ada!", firstLine(sandbox.jig("hello", "--greeting", "Hi", "Ada")));
        assertEquals("Howdy \"pardner\", Ada!", firstLine(sandbox.jig("-c", "plugins.hello.greeting=Howdy \"pardner\"", "hello", "Ada")),
                "read from the JIG_CONFIG file, escapes and all");
        assertEquals("Hi, Ada!", firstLine(sandbox.jig("-c", "plugins.hello.greeting=Howdy", "hello", "-g", "Hi", "Ada")),
                "the flag wins over the configuration");
    }

    @Test
    void bashHelloContextShowsWhatJigPassed() {
        Sandbox.Result result = sandbox.jig("hello", "context");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.stdout().lines().anyMatch("JIG_COMMAND=hello"::equals), result::toString);
        assertTrue(result.stdout().lines().allMatch(line -> line.startsWith("JIG_")), result::toString);
    }

    @Test
    void bashHelloPostrunHookKeepsTheConfiguredHistory() throws Exception {
        Path history = root.resolve("history");
        String setting = "plugins.hello.history=" + history;
        assertEquals(0, sandbox.jig("-c", setting, "hello", "Ada").exitCode());
        assertEquals(3, sandbox.jig("-c", setting, "-c", "plugins.greet.forbid=[\"version\"]", "version").exitCode());
        assertEquals("0 jig hello\n3 jig version\n", Files.readString(history), "one line per command, also a stopped one");

        Sandbox.Result unwritable = sandbox.jig("-c", "plugins.hello.history=" + root.resolve("no/such/dir/history"), "hello");
        assertEquals(0, unwritable.exitCode(), "postrun never changes the exit status: " + unwritable);
        assertTrue(unwritable.stderr().contains("plugin 'hello' failed its postrun hook"), unwritable::toString);
    }

    @Test
    void pythonGreetListsItsLanguagesAndGreetsInTheConfiguredOne() {
        Sandbox.Result languages = sandbox.jig("greet", "languages");
        assertEquals(0, languages.exitCode(), languages::toString);
        assertTrue(languages.stdout().contains("fr Bonjour\n"), languages::toString);

        assertEquals("Bonjour, Ada!", firstLine(sandbox.jig("-c", "plugins.greet.lang=fr", "greet", "Ada")));
        assertEquals("Hola, Ada!", firstLine(sandbox.jig("-c", "plugins.greet.lang=fr", "greet", "--lang", "es", "Ada")),
                "the flag wins over the configuration");
        assertEquals(78, sandbox.jig("-c", "plugins.greet.lang=xx", "greet", "Ada").exitCode(), "the schema lists the languages");
    }

    @Test
    void javaWordcountConfigHookTakesTopFromTheEnvironment() {
        byte[] text = "b a b c b a\n".getBytes(StandardCharsets.UTF_8);
        sandbox.env.put("WORDCOUNT_TOP", "1");
        Sandbox.Result patched = sandbox.run(sandbox.command("wordcount", "top"), text);
        assertEquals(0, patched.exitCode(), patched::toString);
        assertEquals("3 b\n", patched.stdout());

        Sandbox.Result configured = sandbox.run(sandbox.command("-c", "plugins.wordcount.top=2", "wordcount", "top"), text);
        assertEquals(2, configured.stdout().lines().count(), "the user's setting wins over the hook's patch: " + configured);
    }

    private static String firstLine(Sandbox.Result result) {
        assertEquals(0, result.exitCode(), result::toString);
        return result.stdout().lines().findFirst().orElse("");
    }
}
