package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jig help}: plugin commands grouped under their plugin, plain plugins together, invalid
 * and untrusted plugins marked with their reason; plain text unless at a terminal without
 * {@code NO_COLOR}.
 */
class HelpIT {

    @TempDir
    Path root;

    private Sandbox sandbox;

    @BeforeEach
    void plugins() {
        sandbox = new Sandbox(root);
        sandbox.env.put("PATH", sandbox.bin + ":/usr/bin:/bin");
        Path explicit = Sandbox.mkdirs(root.resolve("explicit"));
        sandbox.env.put("JIG_PLUGIN_PATH", explicit.toString());
        Sandbox.executable(sandbox.userDir().resolve("jig-greet"), ProtocolPlugins.withMetadata("greet", """
                "description": "Greet people",
                "commands": [{"name": "list", "summary": "List greetings"}, {"name": "send", "summary": "Send one"}]
                """));
        Sandbox.executable(explicit.resolve("tool").resolve("main"), "#!/bin/sh\necho tool\n");
        Sandbox.write(explicit.resolve("tool").resolve("plugin.json"),
                "{\"name\": \"tool\", \"version\": \"2.1.0\", \"description\": \"Shape things\", \"run\": [\"./main\"]}\n");
        Sandbox.executable(sandbox.bin.resolve("jig-deploy"), "#!/bin/sh\necho deploy\n");
        Sandbox.executable(sandbox.bin.resolve("jig-deploy-prod"), "#!/bin/sh\necho prod\n");
        Sandbox.executable(sandbox.userDir().resolve("jig-deploy"), "#!/bin/sh\necho user deploy\n"); // shadows the one on PATH
        Sandbox.executable(sandbox.userDir().resolve("broken").resolve("main"), "#!/bin/sh\n");
        Sandbox.write(sandbox.userDir().resolve("broken").resolve("plugin.json"),
                "{\"name\": \"broken\", \"version\": \"x\", \"run\": [\"./main\"]}\n");
        Sandbox.executable(sandbox.localDir().resolve("jig-cloned"), "#!/bin/sh\necho cloned\n");
    }

    @Test
    void pluginCommandsUnderTheirPluginThenThoseThatCannotRun() {
        Sandbox.Result result = sandbox.jig("help");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.stderr());
        assertEquals("""
                Usage: jig [--plugin-path DIRS] [-c KEY=VALUE]... [--trace] COMMAND [ARGS...]

                Built-in commands:
                  help        Show the commands, or help for one command.
                  version     Print the version.
                  plugins     Install, upgrade, remove and link plugins; inspect and diagnose them, decide which to trust, check or make their signatures, test them against the protocol, and start new ones.
                  config      Read and change configuration.
                  completion  Print the shell completion script for bash, zsh or fish.

                tool 2.1.0 (explicit plugin path):
                  tool  Shape things

                greet 1.0.0 (user plugins):
                  greet  Greet people
                    greet list
                    greet send

                Plain plugins:
                  deploy
                  deploy prod

                Invalid plugins (not run; see 'jig plugins info COMMAND'):
                  broken  its version 'x' is not a semantic version (e.g. 1.2.0)

                Untrusted plugins (not run; review one, then 'jig plugins trust NAME'):
                  cloned  plugins in ./plugins are not trusted by default

                Options:
                  --plugin-path DIRS  Look for plugins in these directories (colon-separated) first
                  -c KEY=VALUE        Set a configuration value for this command (repeatable)
                  --trace             Print each step of the command on stderr, with timings
                  --version           Print the version
                  -h, --help          Show this help

                1 plugin file is shadowed by another of the same command: see 'jig plugins list'.

                Run 'jig help COMMAND' for help on a command.
                """, result.stdout());
        assertEquals(result.stdout(), sandbox.jig("--help").stdout(), "the same from the cache");
    }

    @Test
    void boldAndColourOnlyAtATerminalWithoutNoColor() throws Exception {
        assumeTrue(Files.isExecutable(Sandbox.SCRIPT), "script(1) from util-linux is needed to make a terminal");
        sandbox.env.put("TERM", "xterm");
        String screen = underTerminal();
        assertTrue(screen.contains("\033[1mBuilt-in commands:\033[0m"), screen);
        assertTrue(screen.contains("\033[1mgreet 1.0.0\033[0m (user plugins):"), screen);
        assertTrue(screen.contains("\033[1;31mInvalid plugins\033[0m (not run;"), screen);
        assertTrue(screen.contains("\033[1;33mUntrusted plugins\033[0m (not run;"), screen);
        assertTrue(screen.contains("  greet  Greet people"), "rows stay plain: " + screen);

        sandbox.env.put("NO_COLOR", "1");
        String noColor = underTerminal();
        assertTrue(noColor.contains("Built-in commands:"), noColor);
        assertFalse(noColor.contains("\033["), noColor);

        sandbox.env.put("NO_COLOR", ""); // empty: as if unset
        assertTrue(underTerminal().contains("\033[1mBuilt-in commands:"));

        sandbox.env.put("TERM", "dumb");
        assertFalse(underTerminal().contains("\033["));
    }

    /** What {@code jig help} writes on a terminal. */
    private String underTerminal() throws Exception {
        Process script = sandbox.startUnderTerminal("help");
        script.getOutputStream().close();
        assertTrue(script.waitFor(30, TimeUnit.SECONDS));
        String screen = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, script.exitValue(), screen);
        return screen;
    }
}
