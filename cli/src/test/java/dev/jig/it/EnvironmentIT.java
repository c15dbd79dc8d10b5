package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code security.env} through the real launcher: what a plugin inherits in each mode (run,
 * probe, hook session) with {@code minimal} and with the default, {@code inherit}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EnvironmentIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Prints its environment as JSON; probed, it writes it to a file and is a plain plugin. */
    private static final String ENVY = """
            #!@PYTHON@
            import json, os, sys
            if sys.argv[1:2] == ["--jig-protocol"]:
                with open(@PROBED@, "w") as f:
                    json.dump(dict(os.environ), f)
                sys.exit(0)
            print(json.dumps(dict(os.environ)))
            """;

    @TempDir
    Path root;

    private Sandbox sandbox;
    private Path probed;

    @BeforeEach
    void setUp() {
        sandbox = new Sandbox(root);
        probed = root.resolve("probed.json");
        Sandbox.executable(sandbox.userDir().resolve("jig-envy"), ENVY.replace("@PYTHON@", Sandbox.PYTHON)
                .replace("@PROBED@", HookPlugins.py(probed.toString())));
        sandbox.env.put("SECRET_TOKEN", "hunter2");
        sandbox.env.put("GRANTED_TOKEN", "granted");
        sandbox.env.put("LC_TIME", "C");
    }

    private JsonNode run() throws Exception {
        Sandbox.Result result = sandbox.jig("envy");
        assertEquals(0, result.exitCode(), result::toString);
        return JSON.readTree(result.stdout());
    }

    @Test
    void minimalStripsSecretsAndKeepsTheBasicsTheContextAndWhatIsGranted() throws Exception {
        Sandbox.write(root.resolve("config/jig/config.toml"), "[security]\nenv = \"minimal\"\n"
                + "[plugins.envy.grant]\nenv = [\"GRANTED_TOKEN\"]\n");
        Path log = root.resolve("hook.jsonl");
        new HookPlugins.Spec("watch", log).hooks("prerun")
                .on("prerun", "log(\"env\", env=dict(os.environ))\n" + HookPlugins.env("FROM_HOOK", "added"))
                .writeTo(sandbox.userDir());

        JsonNode env = run();

        assertFalse(env.has("SECRET_TOKEN"), env::toString);
        assertFalse(env.has("XDG_CONFIG_HOME"), "only the allow-list: " + env);
        assertEquals("granted", env.path("GRANTED_TOKEN").asText(), env::toString);
        for (String kept : List.of("PATH", "HOME", "LANG", "LC_TIME")) {
            assertEquals(sandbox.env.get(kept), env.path(kept).asText(), kept);
        }
        assertEquals("envy", env.path("JIG_PLUGIN_NAME").asText(), env::toString);
        assertEquals("jig", env.path("JIG_CLI_NAME").asText());
        assertTrue(env.has("JIG_CONFIG"), env::toString);
        assertEquals("added", env.path("FROM_HOOK").asText(), "a prerun hook's additions still reach the command");

        JsonNode probe = JSON.readTree(probed.toFile());
        assertFalse(probe.has("SECRET_TOKEN"), probe::toString);
        assertEquals("envy", probe.path("JIG_PLUGIN_NAME").asText());
        assertEquals("granted", probe.path("GRANTED_TOKEN").asText());

        JsonNode hook = HookPlugins.entries(log, "env").get(0).get("env");
        assertFalse(hook.has("SECRET_TOKEN"), hook::toString);
        assertFalse(hook.has("GRANTED_TOKEN"), "granted to envy, not to watch");
        assertEquals("watch", hook.path("JIG_HOOK").asText());
        assertEquals(sandbox.env.get("PATH"), hook.path("PATH").asText());
    }

    @Test
    void inheritPassesEverything() throws Exception {
        JsonNode env = run();

        assertEquals("hunter2", env.path("SECRET_TOKEN").asText(), env::toString);
        assertEquals(sandbox.env.get("XDG_CONFIG_HOME"), env.path("XDG_CONFIG_HOME").asText());
        assertEquals("hunter2", JSON.readTree(probed.toFile()).path("SECRET_TOKEN").asText());
    }

    @Test
    void aProjectFileCannotSetIt() throws Exception {
        Sandbox.write(root.resolve("config/jig/config.toml"), "[security]\nenv = \"minimal\"\n");
        Sandbox.write(sandbox.work.resolve(".jig/config.toml"), "[security]\nenv = \"inherit\"\n"
                + "[plugins.envy.grant]\nenv = [\"SECRET_TOKEN\"]\n");

        assertFalse(run().has("SECRET_TOKEN"));
    }
}
