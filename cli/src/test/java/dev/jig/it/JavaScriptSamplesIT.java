package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Node.js sample ({@code sample-plugins/node}, {@code jig case}) and the TypeScript sample
 * ({@code sample-plugins/typescript}, {@code jig release}, compiled by the build) through the real
 * launcher: run mode with subcommands and flags, help from their metadata, their hooks and their
 * configuration. Skipped, naming the tool, when node is missing or the TypeScript sample was not
 * built.
 */
class JavaScriptSamplesIT {

    private static final Path NODE_SAMPLES = Sandbox.SAMPLES.resolve("node");
    private static final Path TYPESCRIPT_SAMPLES = Sandbox.SAMPLES.resolve("typescript");

    @TempDir
    Path root;

    private Sandbox sandbox;

    @BeforeEach
    void samples() {
        assumeTrue(Sandbox.onPath("node"), "node is not on PATH: the JavaScript samples are not tested");
        sandbox = new Sandbox(root);
        sandbox.env.put("JIG_PLUGIN_PATH", NODE_SAMPLES + ":" + TYPESCRIPT_SAMPLES);
    }

    private static void assumeTypeScriptBuilt() {
        assumeTrue(Sandbox.onPath("npm"), "npm is not on PATH: the TypeScript sample was not built");
        assumeTrue(Files.isRegularFile(TYPESCRIPT_SAMPLES.resolve("release/dist/main.js")),
                "sample-plugins/typescript/release/dist/main.js is missing: build it with ./mvnw package (needs node and npm)");
    }

    private Sandbox.Result ok(String... args) {
        Sandbox.Result result = sandbox.jig(args);
        assertEquals(0, result.exitCode(), result::toString);
        return result;
    }

    @Test
    void nodeCaseRunsASubcommandWithItsFlag() {
        assertEquals("Ada Lovelace\n", ok("case", "to", "title", "ada", "LOVELACE").stdout());
        assertEquals("MAX_LINE_LENGTH\n", ok("case", "to", "upper", "--separator", "_", "max", "line", "length").stdout());
    }

    @Test
    void nodeCaseKeepsItsUsageExitCode() {
        Sandbox.Result result = sandbox.jig("case", "to", "sideways", "x");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("usage: jig case to upper|lower|title"), result::toString);
    }

    @Test
    void nodeCaseReadsItsSeparatorFromTheConfiguration() {
        assertEquals("foo+bar\n", ok("-c", "plugins.case.separator=+", "case", "to", "lower", "Foo", "Bar").stdout());
        assertEquals("foo bar\n", ok("case", "to", "lower", "Foo", "Bar").stdout(), "the default from its metadata");
    }

    @Test
    void nodeCaseHelpShowsTheCommandTreeAndFlags() {
        String help = ok("help", "case").stdout();
        assertTrue(help.startsWith("Usage: jig case to upper|lower|title"), help);
        assertTrue(help.contains("Change the case of words"), help);
        String subcommand = ok("help", "case", "to", "upper").stdout();
        assertTrue(subcommand.contains("-s, --separator SEP"), subcommand);
    }

    @Test
    void nodeCaseSuggestsACommandForAnUnknownOne() {
        Sandbox.Result result = sandbox.jig("upcase", "ada");
        assertTrue(result.exitCode() != 0, result::toString);
        assertTrue(result.stderr().contains("Plugin 'case' suggests\n\tjig case to upper ada\n"), result::toString);
    }

    @Test
    void typescriptSemverRunsASubcommandWithItsFlag() {
        assumeTypeScriptBuilt();
        assertEquals("1.3.0\n", ok("release", "bump", "minor", "1.2.3").stdout());
        assertEquals("1.3.0-rc.1\n", ok("release", "bump", "minor", "--pre", "rc", "1.2.3").stdout());
        assertEquals("-1\n", ok("release", "compare", "1.0.0-rc.1", "1.0.0").stdout());
    }

    @Test
    void typescriptSemverReadsItsPrefixFromTheConfiguration() {
        assumeTypeScriptBuilt();
        assertEquals("v2.0.0\n", ok("-c", "plugins.release.prefix=v", "release", "bump", "major", "1.2.3").stdout());
    }

    @Test
    void typescriptSemverPrerunHookStopsABumpWhenFrozen() {
        assumeTypeScriptBuilt();
        Sandbox.Result frozen = sandbox.jig("-c", "plugins.release.frozen=true", "release", "bump", "patch", "1.2.3");
        assertEquals(3, frozen.exitCode(), frozen::toString);
        assertEquals("", frozen.stdout(), "the command did not run");
        assertEquals("jig: plugin 'release' stopped the command: release: versions are frozen here (plugins.release.frozen)\n",
                frozen.stderr());
        assertEquals("0\n", ok("-c", "plugins.release.frozen=true", "release", "compare", "1.2.3", "1.2.3").stdout(),
                "only a bump is stopped");
    }

    @Test
    void typescriptSemverHelpComesFromItsPackageJson() throws Exception {
        assumeTypeScriptBuilt();
        String help = ok("help", "release", "bump").stdout();
        assertTrue(help.startsWith("Usage: jig release bump major|minor|patch [--pre ID] VERSION"), help);
        assertTrue(help.contains("minor  bump the minor number"), help);
        JsonNode info = new ObjectMapper().readTree(ok("plugins", "info", "release", "--json").stdout());
        assertEquals("manifest", info.get("kind").asText(), info::toString);
        assertEquals(TYPESCRIPT_SAMPLES.resolve("release/package.json").toString(), info.get("path").asText());
    }
}
