package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot reload: a plugin replaced between two invocations is the new plugin in the next one, in
 * what runs and in what {@code jig help} shows, with no cache command in between.
 */
class HotReloadIT {

    @TempDir
    Path root;

    private Sandbox sandbox;
    private Path plugins;

    @BeforeEach
    void pluginDirectory() {
        sandbox = new Sandbox(root);
        plugins = Sandbox.mkdirs(root.resolve("plugins"));
        sandbox.env.put("JIG_PLUGIN_PATH", plugins.toString());
    }

    /**
     * A protocol plugin whose version, description, subcommand and output all name its edition.
     * Two editions have the same size, so only the file's identity tells them apart.
     */
    private static String edition(int n) {
        return """
                #!%s
                import json, sys
                EDITION = %d
                if sys.argv[1:2] == ["--jig-protocol"]:
                    for line in sys.stdin:
                        msg = json.loads(line)
                        if msg.get("method") == "initialize":
                            plugin = {"name": "tool", "version": f"{EDITION}.0.0", "description": f"edition {EDITION}",
                                      "commands": [{"name": f"new-in-{EDITION}", "summary": "appears with this edition"}]}
                            print(json.dumps({"jsonrpc": "2.0", "id": msg["id"], "result": {"protocolVersion": 1, "plugin": plugin}}), flush=True)
                    sys.exit(0)
                print(f"edition {EDITION}:", *sys.argv[1:])
                """.formatted(Sandbox.PYTHON, n);
    }

    /** Replaces the plugin the way a build or an installer does: a new file renamed over the old one. */
    private void install(String content) throws Exception {
        Path fresh = Sandbox.executable(plugins.resolve(".jig-tool.new"), content);
        Files.move(fresh, plugins.resolve("jig-tool"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void aReplacedPluginRunsAndIsDescribedAsTheNewOne() throws Exception {
        install(edition(1));
        assertShows(1);

        install(edition(2));
        assertShows(2);

        install(edition(1));
        assertShows(1);
    }

    private void assertShows(int edition) throws Exception {
        Sandbox.Result run = sandbox.jig("tool", "x");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("edition " + edition + ": x\n", run.stdout());

        String overview = sandbox.jig("help").stdout();
        assertTrue(overview.contains("  tool  edition " + edition + "\n"), overview);
        String help = sandbox.jig("help", "tool").stdout();
        assertTrue(help.contains("new-in-" + edition), help);

        Sandbox.Result info = sandbox.jig("plugins", "info", "tool", "--json");
        assertEquals(edition + ".0.0", new ObjectMapper().readTree(info.stdout()).get("metadata").get("version").asText(), info::toString);
    }
}
