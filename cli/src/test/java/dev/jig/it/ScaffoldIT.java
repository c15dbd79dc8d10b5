package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** {@code plugins new}: each language's scaffold builds, runs, describes itself and answers its hook; refusals write nothing. */
class ScaffoldIT {

    @TempDir
    Path root;

    private Sandbox sandbox;
    private Path out;

    @BeforeEach
    void sandbox() {
        sandbox = new Sandbox(root);
        out = root.resolve("out");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("dev.jig.it.Scaffolds#LANGUAGES")
    void eachScaffoldBuildsRunsDescribesItselfAndAnswersItsHook(String language) throws Exception {
        Path plugin = Scaffolds.make(sandbox, language, "greeter", out);
        Path show = Sandbox.executable(root.resolve("show/jig-show"), "#!/bin/sh\necho \"$_GREETER_PRERUN\"\n");
        sandbox.env.put("JIG_PLUGIN_PATH", out + ":" + show.getParent());

        Sandbox.Result run = sandbox.jig("greeter", "hello", "--shout", "Ada");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("HELLO, ADA!\n", run.stdout());
        assertEquals("", run.stderr(), "its prerun hook answered: a failed hook is reported on stderr");

        Sandbox.Result usage = sandbox.jig("greeter");
        assertEquals(2, usage.exitCode(), usage::toString);
        assertTrue(usage.stderr().contains("usage: jig greeter hello [--shout] [NAME]"), usage::toString);

        String help = sandbox.jig("help", "greeter", "hello").stdout();
        assertTrue(help.startsWith("Usage: jig greeter hello [--shout] [NAME]"), help);
        assertTrue(help.contains("-s, --shout"), help);

        JsonNode listed = Sandbox.listed(new ObjectMapper().readTree(sandbox.jig("plugins", "list", "--json").stdout()), "greeter");
        assertEquals(Files.isDirectory(plugin) ? "manifest" : "protocol", listed.get("kind").asText(), listed::toString);
        assertEquals(0, listed.get("problems").size(), listed::toString);
        assertTrue(listed.get("runnable").asBoolean(), listed::toString);
        assertTrue(listed.get("description").asText().startsWith("Say hello"), listed::toString);

        Sandbox.Result hooked = sandbox.jig("show");
        assertEquals("prerun\n", hooked.stdout(), "the variable its prerun hook adds to every command: " + hooked);

        Sandbox.Result conformance = sandbox.jig("plugins", "test", plugin.toString());
        assertEquals(0, conformance.exitCode(), "a new plugin passes plugins test out of the box: " + conformance);
        assertTrue(conformance.stdout().endsWith("0 failed, 0 skipped\n"), conformance::toString);
    }

    @Test
    void writesIntoTheUserPluginDirectoryAndReplacesOnlyWithForce() {
        Sandbox.Result made = sandbox.jig("plugins", "new", "greeter", "--lang", "bash");
        assertEquals(0, made.exitCode(), made::toString);
        assertTrue(Files.isExecutable(sandbox.userDir().resolve("jig-greeter")), made::toString);
        assertTrue(made.stdout().contains("\n  jig greeter hello --shout\n"), "next steps need no --plugin-path: " + made);
        assertEquals("Hello, world!\n", sandbox.jig("greeter", "hello").stdout());

        Sandbox.Result again = sandbox.jig("plugins", "new", "greeter", "--lang", "python");
        assertEquals(73, again.exitCode(), again::toString);
        assertEquals(1, again.stderr().lines().count(), again::toString);
        assertTrue(again.stderr().startsWith("jig: plugins new: "), again::toString);
        assertTrue(sandbox.jig("plugins", "info", "greeter").stdout().contains("a bash plugin"), "left as it was");

        Sandbox.Result forced = sandbox.jig("plugins", "new", "greeter", "--lang", "python", "--force");
        assertEquals(0, forced.exitCode(), forced::toString);
        assertTrue(sandbox.jig("plugins", "info", "greeter").stdout().contains("a Python plugin"), "replaced");
        assertEquals(List.of("jig-greeter"), Sandbox.fileNames(sandbox.userDir()), "nothing else left behind");
    }

    @Test
    void refusesABadNameInOneLineAndWritesNothing() {
        assertRefused(2, "plugins", "new", "no/such", "--lang", "python", "--dir", out.toString());
        assertRefused(2, "plugins", "new", "config", "--lang", "python", "--dir", out.toString());
    }

    @Test
    void refusesAnUnknownLanguageInOneLineAndWritesNothing() {
        Sandbox.Result refused = assertRefused(2, "plugins", "new", "greeter", "--lang", "cobol", "--dir", out.toString());
        assertTrue(refused.stderr().contains("python, node, typescript, rust, bash, java, c"), refused::toString);
    }

    @Test
    void refusesAnExistingPluginInOneLineAndLeavesItAlone() {
        Path mine = Sandbox.write(out.resolve("greeter/plugin.json"), "{\"name\":\"greeter\"}");

        assertEquals(73, sandbox.jig("plugins", "new", "greeter", "--lang", "rust", "--dir", out.toString()).exitCode());
        assertEquals(List.of("plugin.json"), Sandbox.fileNames(mine.getParent()));
        assertEquals(List.of("greeter"), Sandbox.fileNames(out), "no temporary left behind");
    }

    private Sandbox.Result assertRefused(int exitCode, String... args) {
        Sandbox.Result refused = sandbox.jig(args);
        assertEquals(exitCode, refused.exitCode(), refused::toString);
        assertEquals("", refused.stdout(), refused::toString);
        assertEquals(1, refused.stderr().lines().count(), refused::toString);
        assertTrue(refused.stderr().startsWith("jig: plugins new: "), refused::toString);
        assertFalse(Files.exists(out), "nothing written");
        return refused;
    }
}
