package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample plugins run as the README says. */
class SamplePluginsIT {

    @TempDir
    Path root;

    private Sandbox sandbox;

    @BeforeEach
    void samples() {
        sandbox = new Sandbox(root);
        sandbox.env.put("JIG_PLUGIN_PATH", Sandbox.SAMPLES.resolve("bash") + ":" + Sandbox.SAMPLES.resolve("python"));
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

    @Test
    void bothAreListed() {
        Sandbox.Result result = sandbox.jig("plugins", "list");
        assertTrue(result.stdout().lines().anyMatch(l -> l.startsWith("hello ") && l.endsWith(" ok")), result::toString);
        assertTrue(result.stdout().lines().anyMatch(l -> l.startsWith("greet ") && l.endsWith(" ok")), result::toString);
    }
}
