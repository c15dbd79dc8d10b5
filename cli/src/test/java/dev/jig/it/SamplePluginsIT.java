package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sample plugins run as the README says. */
class SamplePluginsIT {

    @TempDir
    Path root;

    private Sandbox sandbox;

    @BeforeEach
    void samples() {
        sandbox = new Sandbox(root);
        sandbox.env.put("JIG_PLUGIN_PATH", Sandbox.samples("bash", "python", "java"));
    }

    @Test
    void bashHello() {
        Sandbox.Result result = sandbox.jig("hello", "Ada", "Grace Hopper");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("""
                Hello, Ada!
                Hello, Grace Hopper!
                (from hello, a bash plugin of jig %s, run as 'jig hello')
                """.formatted(System.getProperty("jig.version")), result.stdout());
    }

    @Test
    void pythonGreet() {
        Sandbox.Result result = sandbox.jig("greet", "--lang", "ja", "--shout", "ada");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("こんにちは, ADA!\n", result.stdout());
    }

    @Test
    void pythonGreetUsageErrorKeepsItsExitCode() {
        Sandbox.Result result = sandbox.jig("greet");
        assertEquals(2, result.exitCode());
        assertTrue(result.stderr().contains("usage: jig greet"), result::toString);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"hello, bash", "greet, python", "wordcount, java"})
    void eachSamplePassesTheHandshakeThroughTheLauncher(String name, String language) throws Exception {
        Sandbox.Result info = sandbox.jig("plugins", "info", name, "--json");
        assertEquals(0, info.exitCode(), info::toString);
        JsonNode plugin = new ObjectMapper().readTree(info.stdout());
        assertEquals("protocol", plugin.get("kind").asText(), info::toString);
        assertTrue(plugin.get("runnable").asBoolean(), info::toString);
        assertEquals(name, plugin.get("metadata").get("name").asText());
        assertEquals(Sandbox.SAMPLES.resolve(language).resolve("jig-" + name).toString(), plugin.get("path").asText());
        assertFalse(plugin.get("metadata").get("description").asText().isBlank());
    }

    @Test
    void javaWordcount() {
        Sandbox.Result result = sandbox.run(sandbox.command("wordcount", "--lines", "--words"),
                "one two\nthree\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of("2", "3"), List.of(result.stdout().trim().split("\\s+")));
    }

    @Test
    void helpComesFromTheSamplesMetadata() {
        String help = sandbox.jig("help", "greet").stdout();
        assertTrue(help.startsWith("Usage: jig greet "), help);
        assertTrue(help.contains("--shout"), help);
        String overview = sandbox.jig("help").stdout();
        for (String name : List.of("hello", "greet", "wordcount")) {
            assertTrue(overview.lines().anyMatch(l -> l.startsWith("  " + name + " ") && l.trim().length() > name.length()),
                    name + " has a summary in\n" + overview);
        }
    }

    @Test
    void thePythonSamplesPrerunHookTellsEveryCommandWhatRan() {
        Path dir = Sandbox.mkdirs(root.resolve("show"));
        Sandbox.executable(dir.resolve("jig-show"), "#!/bin/sh\necho \"last=$GREET_LAST_COMMAND\"\n");
        sandbox.env.put("JIG_PLUGIN_PATH", sandbox.env.get("JIG_PLUGIN_PATH") + ":" + dir);

        Sandbox.Result result = sandbox.jig("show", "x");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("last=show\n", result.stdout());
    }

    @Test
    void thePythonSamplesPrerunHookStopsAForbiddenCommand() {
        Sandbox.Result result = sandbox.jig("-c", "plugins.greet.forbid=[\"hello\"]", "hello", "Ada");
        assertEquals(3, result.exitCode(), result::toString);
        assertEquals("", result.stdout(), "the command did not run");
        assertEquals("jig: plugin 'greet' stopped the command: greet: 'jig hello' is not allowed here (plugins.greet.forbid)\n",
                result.stderr());
        assertEquals(0, sandbox.jig("hello", "Ada").exitCode(), "allowed again without the setting");
    }

    @Test
    void theJavaSampleReadsItsConfiguration() {
        byte[] text = "b a b c b a\n".getBytes(StandardCharsets.UTF_8);
        Sandbox.Result byDefault = sandbox.run(sandbox.command("wordcount", "top"), text);
        assertEquals(0, byDefault.exitCode(), byDefault::toString);
        assertEquals(3, byDefault.stdout().lines().count(), "the default of 10 shows all three words: " + byDefault);

        Sandbox.Result configured = sandbox.run(sandbox.command("-c", "plugins.wordcount.top=1", "wordcount", "top"), text);
        assertEquals(0, configured.exitCode(), configured::toString);
        assertEquals(1, configured.stdout().lines().count(), configured::toString);
        assertTrue(configured.stdout().contains("b"), configured::toString);

        Sandbox.Result invalid = sandbox.run(sandbox.command("-c", "plugins.wordcount.top=0", "wordcount", "top"), text);
        assertEquals(78, invalid.exitCode(), "the schema says top >= 1: " + invalid);
        assertTrue(invalid.stderr().startsWith("jig: the configuration of plugin 'wordcount' does not fit its schema: plugins.wordcount.top"),
                invalid::toString);
    }
}
