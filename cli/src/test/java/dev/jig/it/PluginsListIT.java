package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plugins list} reports exactly what the test laid out, in search order. */
class PluginsListIT {

    @TempDir
    Path root;

    @Test
    void jsonMatchesTheLayout() throws Exception {
        Sandbox sandbox = new Sandbox(root);
        Path explicit = Sandbox.mkdirs(root.resolve("explicit"));
        sandbox.env.put("JIG_PLUGIN_PATH", explicit.toString());
        // The same directory twice on PATH must not shadow itself.
        sandbox.env.put("PATH", sandbox.bin + ":" + sandbox.bin + ":" + System.getenv("PATH"));
        Sandbox.executable(explicit.resolve("jig-hello"), "#!/bin/sh\n");
        Sandbox.executable(sandbox.userDir().resolve("jig-hello"), "#!/bin/sh\n");
        Sandbox.executable(sandbox.localDir().resolve("jig-foo_bar-baz"), "#!/bin/sh\n");
        Sandbox.write(sandbox.systemDir().resolve("jig-lazy"), "#!/bin/sh\n");
        Sandbox.executable(sandbox.bin.resolve("jig-plugins-extra"), "#!/bin/sh\n");
        Sandbox.write(sandbox.bin.resolve("README.md"), "not a plugin");
        Sandbox.mkdirs(sandbox.bin.resolve("jig-directory"));

        Sandbox.Result result = sandbox.jig("plugins", "list", "--json");
        assertEquals(0, result.exitCode(), result::toString);
        JsonNode json = new ObjectMapper().readTree(result.stdout());

        List<String> rows = new ArrayList<>();
        for (JsonNode plugin : json.get("plugins")) {
            if (!plugin.get("path").asText().startsWith(root.toString())) {
                continue; // the machine's own PATH is not the test's business
            }
            List<String> problems = new ArrayList<>();
            plugin.get("problems").forEach(p -> problems.add(p.get("code").asText()));
            rows.add(String.join(" | ", plugin.get("name").asText(), plugin.get("command").toString(),
                    plugin.get("origin").asText(), root.relativize(Path.of(plugin.get("path").asText())).toString(),
                    plugin.get("runnable").asText(), problems.toString()));
        }
        assertEquals(List.of(
                "hello | [\"hello\"] | explicit | explicit/jig-hello | true | []",
                "hello | [\"hello\"] | user | config/jig/plugins/jig-hello | false | [shadowed]",
                "foo_bar-baz | [\"foo-bar\",\"baz\"] | local | work/plugins/jig-foo_bar-baz | false | [untrusted]",
                "lazy | [\"lazy\"] | system | share/jig/plugins/jig-lazy | false | [not-executable]",
                "plugins-extra | [\"plugins\",\"extra\"] | path | bin/jig-plugins-extra | false | [builtin-collision]"),
                rows);

        JsonNode shadowed = json.get("plugins").get(1).get("problems").get(0);
        assertEquals("shadowed by " + explicit.resolve("jig-hello"), shadowed.get("message").asText());

        List<String> searchPath = new ArrayList<>();
        for (JsonNode dir : json.get("searchPath")) {
            if (dir.get("directory").asText().startsWith(root.toString())) {
                searchPath.add(dir.get("origin").asText() + " " + root.relativize(Path.of(dir.get("directory").asText()))
                        + " " + dir.get("status").asText());
            }
        }
        assertEquals(List.of(
                "explicit explicit scanned",
                "user config/jig/plugins scanned",
                "local work/plugins scanned",
                "system share/jig/plugins scanned",
                "path bin scanned",
                "path bin duplicate"), searchPath);
    }

    @Test
    void tableShowsEveryPluginWithItsStatus() throws Exception {
        Sandbox sandbox = new Sandbox(root);
        sandbox.env.put("PATH", sandbox.bin.toString());
        Sandbox.executable(sandbox.bin.resolve("jig-hello"), "#!/bin/sh\n");
        Sandbox.write(sandbox.userDir().resolve("jig-lazy"), "#!/bin/sh\n");

        Sandbox.Result result = sandbox.jig("plugins", "list");

        assertEquals(0, result.exitCode(), result::toString);
        List<String> lines = result.stdout().lines().toList();
        assertEquals(List.of("COMMAND", "KIND", "VERSION", "ORIGIN", "PATH", "STATUS"), List.of(lines.get(0).split("\\s+")));
        assertEquals(List.of("lazy", "-", "-", "user", sandbox.userDir().resolve("jig-lazy").toString(), "not", "executable", "(chmod", "+x)"),
                List.of(lines.get(1).split("\\s+")));
        assertEquals(List.of("hello", "plain", "-", "path", sandbox.bin.resolve("jig-hello").toString(), "ok"),
                List.of(lines.get(2).split("\\s+")));
        assertEquals(3, lines.size());
        assertTrue(Files.exists(sandbox.bin.resolve("jig-hello")));
    }

    @Test
    void emptySearchPathSaysHowToAddAPlugin() {
        Sandbox sandbox = new Sandbox(root);
        sandbox.env.put("PATH", sandbox.bin.toString());
        Sandbox.Result result = sandbox.jig("plugins", "list");
        assertEquals(0, result.exitCode());
        assertTrue(result.stdout().startsWith("No plugins found."), result::toString);
    }
}
