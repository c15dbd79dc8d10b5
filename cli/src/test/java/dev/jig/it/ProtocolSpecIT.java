package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The complete plugins printed in PROTOCOL.md work with the real jig, so the spec cannot drift. */
class ProtocolSpecIT {

    private static final Path SPEC = Sandbox.SAMPLES.resolveSibling("protocol").resolve("PROTOCOL.md");

    @TempDir
    Path root;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"python, greet", "bash, hello"})
    void theSpecsPluginPassesTheHandshakeAndRuns(String language, String name) throws Exception {
        Sandbox sandbox = new Sandbox(root);
        Path dir = Sandbox.mkdirs(root.resolve("plugins"));
        sandbox.env.put("JIG_PLUGIN_PATH", dir.toString());
        Sandbox.executable(dir.resolve("jig-" + name), extract(language));

        Sandbox.Result info = sandbox.jig("plugins", "info", name, "--json");
        assertEquals(0, info.exitCode(), info::toString);
        JsonNode plugin = new ObjectMapper().readTree(info.stdout());
        assertEquals("protocol", plugin.get("kind").asText(), info::toString);
        assertEquals(name, plugin.get("metadata").get("name").asText());
        assertTrue(plugin.get("runnable").asBoolean(), info::toString);

        Sandbox.Result run = sandbox.jig(name, "Ada");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("Hello, Ada!\n", run.stdout());
    }

    /** The fenced block after {@code <!-- plugin: LANGUAGE -->}. */
    private static String extract(String language) throws Exception {
        String spec = Files.readString(SPEC);
        Matcher block = Pattern.compile("<!-- plugin: " + language + " -->\\s*```[a-z]*\\n(.*?)```", Pattern.DOTALL)
                .matcher(spec);
        assertTrue(block.find(), "PROTOCOL.md has a " + language + " plugin");
        return block.group(1);
    }
}
