package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The compiled samples, Rust ({@code jig semver}) and C ({@code jig base64}), as the Maven build
 * leaves them in their {@code bin/} directories, run through the real launcher. Without the
 * toolchain the build skips a sample and so do these tests, naming the missing tool.
 */
class NativeSamplesIT {

    /** A compiled sample: its directory, its plugin name and the tools that build it. */
    enum Sample {
        RUST("rust", "semver", "cargo"),
        C("c", "base64", "cc", "make");

        final String language;
        final String name;
        final String[] tools;

        Sample(String language, String name, String... tools) {
            this.language = language;
            this.name = name;
            this.tools = tools;
        }

        Path bin() {
            return Sandbox.SAMPLES.resolve(language).resolve("bin");
        }

        /** Skips the test when a tool is missing; fails it when the tools are there but the build left no plugin. */
        void assumeBuilt() {
            for (String tool : tools) {
                assumeTrue(Sandbox.onPath(tool), tool + " is not on PATH, so the build skipped the " + language + " sample");
            }
            Path plugin = bin().resolve("jig-" + name);
            assertTrue(Files.isExecutable(plugin), "the build makes " + plugin + " (./mvnw -pl sample-plugins/" + language + " compile)");
        }
    }

    @TempDir
    Path root;

    private Sandbox sandbox;

    @BeforeEach
    void compiledSamples() {
        sandbox = new Sandbox(root);
        sandbox.env.put("JIG_PLUGIN_PATH", Sandbox.samples("rust/bin", "c/bin"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Sample.class)
    void passesTheHandshakeThroughTheLauncher(Sample sample) throws Exception {
        sample.assumeBuilt();
        Sandbox.Result info = sandbox.jig("plugins", "info", sample.name, "--json");
        assertEquals(0, info.exitCode(), info::toString);
        JsonNode plugin = new ObjectMapper().readTree(info.stdout());
        assertEquals("protocol", plugin.get("kind").asText(), info::toString);
        assertTrue(plugin.get("runnable").asBoolean(), info::toString);
        assertEquals(sample.bin().resolve("jig-" + sample.name).toString(), plugin.get("path").asText());
        assertEquals(sample.name, plugin.get("metadata").get("name").asText());
        assertEquals(1, plugin.get("metadata").get("hooks").size(), "one hook: " + info);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Sample.class)
    void helpRendersTheCommandTreeFromTheMetadata(Sample sample) {
        sample.assumeBuilt();
        String overview = sandbox.jig("help").stdout();
        assertTrue(overview.lines().anyMatch(l -> l.startsWith("  " + sample.name + " ") && l.trim().length() > sample.name.length()),
                sample.name + " has a summary in\n" + overview);

        Sandbox.Result help = sandbox.jig("help", sample.name);
        assertEquals(0, help.exitCode(), help::toString);
        assertTrue(help.stdout().startsWith("Usage: jig " + sample.name + " COMMAND"), help::toString);
        assertTrue(help.stdout().contains("Commands:\n"), help::toString);
    }

    @Test
    void semverBumpsWithItsFlagAndCompares() {
        Sample.RUST.assumeBuilt();
        Sandbox.Result bump = sandbox.jig("semver", "bump", "--part", "minor", "1.2.3-rc.1+build.5");
        assertEquals(0, bump.exitCode(), bump::toString);
        assertEquals("1.3.0\n", bump.stdout());
        Sandbox.Result compare = sandbox.jig("semver", "compare", "1.0.0-rc.1", "1.0.0");
        assertEquals("1.0.0-rc.1 < 1.0.0\n", compare.stdout(), compare::toString);
        Sandbox.Result bad = sandbox.jig("semver", "bump", "1.2");
        assertEquals(2, bad.exitCode(), bad::toString);
        assertTrue(bad.stderr().startsWith("semver: '1.2' is not a semantic version"), bad::toString);
    }

    @Test
    void semverHelpShowsTheSubcommandsFlag() {
        Sample.RUST.assumeBuilt();
        Sandbox.Result help = sandbox.jig("help", "semver", "bump");
        assertEquals(0, help.exitCode(), help::toString);
        assertTrue(help.stdout().startsWith("Usage: jig semver bump [--part PART] VERSION\n"), help::toString);
        assertTrue(help.stdout().contains("-p, --part PART  major, minor or patch"), help::toString);
    }

    @Test
    void semverBumpsThePartItsConfigurationNames() {
        Sample.RUST.assumeBuilt();
        assertEquals("1.2.4\n", sandbox.jig("semver", "bump", "1.2.3").stdout(), "the default part is patch");
        Sandbox.Result major = sandbox.jig("-c", "plugins.semver.part=major", "semver", "bump", "1.2.3");
        assertEquals("2.0.0\n", major.stdout(), major::toString);
        assertEquals("1.2.4\n", sandbox.jig("-c", "plugins.semver.part=major", "semver", "bump", "-p", "patch", "1.2.3").stdout(),
                "the flag wins over the configuration");

        Sandbox.Result invalid = sandbox.jig("-c", "plugins.semver.part=huge", "semver", "bump", "1.2.3");
        assertEquals(78, invalid.exitCode(), "the schema lists the parts: " + invalid);
    }

    @Test
    void semverSuggestsItselfWhenTheCommandWordIsMissing() {
        Sample.RUST.assumeBuilt();
        Sandbox.Result result = sandbox.jig("bump", "1.2.3");
        assertEquals(127, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("Plugin 'semver' suggests\n\tjig semver bump 1.2.3\n"), result::toString);

        Sandbox.Result unrelated = sandbox.jig("frobnicate");
        assertFalse(unrelated.stderr().contains("semver"), unrelated::toString);
    }

    @Test
    void base64EncodesWithItsFlagAndDecodes() {
        Sample.C.assumeBuilt();
        Sandbox.Result encoded = jig("hello, world\n", "base64", "encode", "--wrap", "8");
        assertEquals(0, encoded.exitCode(), encoded::toString);
        assertEquals("aGVsbG8s\nIHdvcmxk\nCg==\n", encoded.stdout());

        Sandbox.Result decoded = jig(encoded.stdout(), "base64", "decode");
        assertEquals(0, decoded.exitCode(), decoded::toString);
        assertEquals("hello, world\n", decoded.stdout());

        Sandbox.Result bad = jig("not base64!", "base64", "decode");
        assertEquals(1, bad.exitCode(), bad::toString);
        assertEquals("base64: the input is not base64\n", bad.stderr());
    }

    @Test
    void base64WrapsAtTheWidthItsConfigurationSets() {
        Sample.C.assumeBuilt();
        String text = "a".repeat(60);
        assertEquals(2, jig(text, "base64", "encode").stdout().lines().count(), "76 columns by default");
        assertEquals(1, jig(text, "-c", "plugins.base64.wrap=0", "base64", "encode").stdout().lines().count());
        assertEquals(10, jig(text, "-c", "plugins.base64.wrap=8", "base64", "encode").stdout().lines().count());
        assertEquals(40, jig(text, "-c", "plugins.base64.wrap=8", "base64", "encode", "-w", "2").stdout().lines().count(),
                "the flag wins over the configuration");
    }

    @Test
    void base64PostrunHookReportsFailedCommandsWhenConfigured() {
        Sample.C.assumeBuilt();
        Sandbox.Result quiet = jig("!", "base64", "decode");
        assertEquals(1, quiet.exitCode(), quiet::toString);
        assertFalse(quiet.stderr().contains("exited with status"), "off by default: " + quiet);

        Sandbox.Result reported = jig("!", "-c", "plugins.base64.report_failures=true", "base64", "decode");
        assertEquals(1, reported.exitCode(), "postrun never changes the exit status: " + reported);
        assertTrue(reported.stderr().contains("base64: 'jig base64' exited with status 1"), reported::toString);

        Sandbox.Result fine = jig("", "-c", "plugins.base64.report_failures=true", "base64", "encode");
        assertEquals(0, fine.exitCode(), fine::toString);
        assertFalse(fine.stderr().contains("exited with status"), fine::toString);
    }

    /** Runs {@code jig ARGS...} with {@code stdin} as its input. */
    private Sandbox.Result jig(String stdin, String... args) {
        return sandbox.run(sandbox.command(args), stdin.getBytes(StandardCharsets.UTF_8));
    }
}
