package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Plugin management against an index on another host: a busybox {@code httpd} in its own
 * container serves the index and the artifacts, and jig installs from it through the real
 * launcher, as it would from a plugin registry.
 */
@Testcontainers(disabledWithoutDocker = true)
class IndexContainerIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void installsSearchesAndUpgradesFromAnIndexInAContainer() throws Exception {
        Sandbox sandbox = new Sandbox(root);
        try (PluginRepo repo = new PluginRepo(root.resolve("served"))) {
            repo.executable("base", "1.0.0");
            repo.executable("greet", "1.0.0", Map.of("base", "^1.0.0"), java.util.List.of(), java.util.Set.of());
            repo.archive("packed", "2.0.0", false);
            try (StaticHttpContainer http = new StaticHttpContainer().serving(repo.files)) {
                http.start();
                Sandbox.write(root.resolve("config/jig/config.toml"),
                        "[indexes]\nremote = \"" + http.base().resolve("index.json") + "\"\n");

                Sandbox.Result search = sandbox.jig("plugins", "search", "greet", "--json");
                assertEquals(0, search.exitCode(), search::toString);
                assertEquals("1.0.0", JSON.readTree(search.stdout()).path("plugins").path(0).path("latest").asText());

                Sandbox.Result installed = sandbox.jig("plugins", "install", "greet", "packed");
                assertEquals(0, installed.exitCode(), installed::toString);
                assertEquals("""
                        installed base 1.0.0 from index 'remote'
                        installed greet 1.0.0 from index 'remote'
                        installed packed 2.0.0 from index 'remote'
                        """, installed.stdout());
                assertEquals("greet 1.0.0 hi", sandbox.jig("greet", "hi").stdout().strip());
                assertEquals("packed 2.0.0 hi", sandbox.jig("packed", "hi").stdout().strip());
                JsonNode lock = JSON.readTree(root.resolve("config/jig/plugins.lock.json").toFile()).path("plugins");
                assertEquals(http.base().resolve("jig-greet-1.0.0").toString(), lock.path("greet").path("source").asText());

                // A new release appears on the server; a file it names is missing there.
                repo.executable("greet", "1.1.0", Map.of("base", "^1.0.0"), java.util.List.of(), java.util.Set.of());
                http.put(repo.files.resolve("index.json"), "index.json");
                Sandbox.Result missing = sandbox.jig("plugins", "upgrade", "greet");
                assertEquals(8, missing.exitCode(), missing::toString);
                assertTrue(missing.stderr().contains("404"), missing::toString);
                assertEquals("greet 1.0.0 hi", sandbox.jig("greet", "hi").stdout().strip());

                http.put(repo.files.resolve("jig-greet-1.1.0"), "jig-greet-1.1.0");
                Sandbox.Result upgraded = sandbox.jig("plugins", "upgrade", "--all");
                assertEquals(0, upgraded.exitCode(), upgraded::toString);
                assertEquals("greet 1.1.0 hi", sandbox.jig("greet", "hi").stdout().strip());
            }
        }
    }
}
