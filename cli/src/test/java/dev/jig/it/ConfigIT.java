package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layered configuration and the {@code config} built-in, through the real launcher. */
class ConfigIT {

    @TempDir
    Path root;

    /** A protocol plugin {@code greet} with config defaults and a schema. */
    private Sandbox sandbox() {
        Sandbox sandbox = new Sandbox(root);
        sandbox.env.put("JIG_SYSTEM_CONFIG_DIR", root.resolve("etc/jig").toString());
        Sandbox.executable(sandbox.userDir().resolve("jig-greet"), ProtocolPlugins.withMetadata("greet",
                "\"config\": {\"defaults\": {\"lang\": \"en\", \"from_defaults\": 0, \"shout\": False},"
                        + " \"schema\": {\"type\": \"object\", \"properties\": {\"shout\": {\"type\": \"boolean\"}}}}"));
        return sandbox;
    }

    private Path systemFile() {
        return root.resolve("etc/jig/config.toml");
    }

    private Path userFile() {
        return root.resolve("config/jig/config.toml");
    }

    @Test
    void sixLayersInPrecedenceOrderWithTheirOrigins() throws Exception {
        Sandbox sandbox = sandbox();
        Path cwd = Sandbox.mkdirs(sandbox.work.resolve("deep/er"));
        Path projectFile = sandbox.work.resolve(".jig/config.toml");
        Sandbox.write(systemFile(), "[plugins.greet]\nlang = 'system'\nfrom_system = 1\n");
        Sandbox.write(userFile(), "[plugins.greet]\nlang = 'user'\nfrom_user = 2\n");
        Sandbox.write(projectFile, "[plugins.greet]\nlang = 'project'\nfrom_project = 3\n");
        sandbox.env.put("JIG_CONFIG_PLUGINS__GREET__LANG", "env");
        sandbox.env.put("JIG_CONFIG_PLUGINS__GREET__FROM_ENV", "4");
        sandbox.env.put("JIG_CONFIG", "/a/path/for/plugins.json"); // not a layer

        Sandbox.Result result = sandbox.jigIn(cwd, "-c", "plugins.greet.lang=flag", "-c", "plugins.greet.from_flag=[5]",
                "config", "list", "--show-origin");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of(
                "default\tcore.hook_timeout_ms=5000",
                "plugin greet (defaults)\tplugins.greet.from_defaults=0",
                "env:JIG_CONFIG_PLUGINS__GREET__FROM_ENV\tplugins.greet.from_env=4",
                "command line: -c plugins.greet.from_flag=[5]\tplugins.greet.from_flag=[5]",
                "file:" + projectFile + "\tplugins.greet.from_project=3",
                "file:" + systemFile() + "\tplugins.greet.from_system=1",
                "file:" + userFile() + "\tplugins.greet.from_user=2",
                "command line: -c plugins.greet.lang=flag\tplugins.greet.lang=flag",
                "plugin greet (defaults)\tplugins.greet.shout=false"), result.stdout().lines().toList());
        assertEquals("", result.stderr());

        // Peel the layers off one by one: each time the next one down shows.
        assertEquals("env\n", sandbox.jigIn(cwd, "config", "get", "plugins.greet.lang").stdout());
        sandbox.env.remove("JIG_CONFIG_PLUGINS__GREET__LANG");
        assertEquals("project\n", sandbox.jigIn(cwd, "config", "get", "plugins.greet.lang").stdout());
        Files.delete(projectFile);
        assertEquals("file:" + userFile() + "\tuser\n", sandbox.jigIn(cwd, "config", "get", "--show-origin", "plugins.greet.lang").stdout());
        Files.delete(userFile());
        assertEquals("system\n", sandbox.jig("config", "get", "plugins.greet.lang").stdout());
        Files.delete(systemFile());
        assertEquals("plugin greet (defaults)\ten\n", sandbox.jig("config", "get", "--show-origin", "plugins.greet.lang").stdout());
    }

    @Test
    void nullInAHigherLayerDeletesTheKey() {
        Sandbox sandbox = sandbox();
        Sandbox.write(userFile(), "plugins.greet.lang = 'fr'\nplugins.greet.keep = 'yes'\n");
        sandbox.env.put("JIG_CONFIG_PLUGINS__GREET__KEEP", "null");

        Sandbox.Result gone = sandbox.jig("config", "get", "plugins.greet.keep");
        assertEquals(1, gone.exitCode(), gone::toString);
        assertEquals("", gone.stdout());
        assertEquals("", gone.stderr());
        // Even a plugin default goes when a higher layer says null.
        Sandbox.Result list = sandbox.jig("-c", "plugins.greet.shout=null", "config", "list");
        assertEquals(List.of("core.hook_timeout_ms=5000", "plugins.greet.from_defaults=0", "plugins.greet.lang=fr"),
                list.stdout().lines().toList(), list::toString);
    }

    @Test
    void aMalformedFileIsOneLineWithFileAndLineAndExit78AndSetLeavesItAlone() throws Exception {
        Sandbox sandbox = sandbox();
        Sandbox.write(userFile(), "# my settings\n[plugins.greet]\nlang = = 'fr'\n");
        byte[] before = Files.readAllBytes(userFile());

        for (List<String> command : List.of(List.of("version"), List.of("greet"), List.of("config", "list"),
                List.of("config", "set", "plugins.greet.lang", "de"), List.of("config", "unset", "plugins.greet.lang"))) {
            Sandbox.Result result = sandbox.jig(command.toArray(String[]::new));
            assertEquals(78, result.exitCode(), result::toString);
            assertEquals("", result.stdout());
            assertTrue(result.stderr().startsWith("jig: " + userFile() + ":3: "), result::toString);
            assertEquals(1, result.stderr().lines().count(), result::toString);
        }
        assertArrayEquals(before, Files.readAllBytes(userFile()));
    }

    @Test
    void aTableThatIsAValueIsAnErrorThatUnsetFixes() {
        Sandbox sandbox = sandbox();
        Sandbox.write(userFile(), "plugins.greet = 'loud'\n");
        Sandbox.Result broken = sandbox.jig("config", "list");
        assertEquals(78, broken.exitCode(), broken::toString);
        assertEquals("jig: " + userFile() + ": 'plugins.greet' must be a table, not a string (\"loud\"). Fix the file or run"
                + " 'jig config unset --user plugins.greet'.\n", broken.stderr());

        Sandbox.Result unset = sandbox.jig("config", "unset", "--user", "plugins.greet");
        assertEquals(0, unset.exitCode(), unset::toString);
        assertEquals(0, sandbox.jig("version").exitCode());
    }

    @Test
    void setKeepsTheOtherKeys() throws Exception {
        Sandbox sandbox = sandbox();
        Sandbox.write(userFile(), "core.hook_timeout_ms = 250\n\n[plugins.other]\nlist = [1, 2]\nname = \"x\"\n");

        Sandbox.Result set = sandbox.jig("config", "set", "plugins.greet.lang", "fr");
        assertEquals(0, set.exitCode(), set::toString);
        assertEquals("", set.stdout() + set.stderr());

        Sandbox.Result list = sandbox.jig("config", "list", "--user");
        assertEquals(List.of("core.hook_timeout_ms=250", "plugins.greet.lang=fr", "plugins.other.list=[1,2]",
                "plugins.other.name=x"), list.stdout().lines().toList(), list::toString);
        assertEquals("[1,2]\n", sandbox.jig("config", "get", "plugins.other.list").stdout());
        assertEquals("{\n  \"list\" : [ 1, 2 ],\n  \"name\" : \"x\"\n}\n", sandbox.jig("config", "get", "plugins.other").stdout());

        assertEquals(0, sandbox.jig("config", "unset", "plugins.other.name").exitCode());
        assertEquals(0, sandbox.jig("config", "unset", "plugins.other.name").exitCode(), "unsetting twice is fine");
        assertEquals(1, sandbox.jig("config", "get", "plugins.other.name").exitCode());
    }

    @Test
    void setChecksTheValue() throws Exception {
        Sandbox sandbox = sandbox();
        Sandbox.Result refused = sandbox.jig("config", "set", "plugins.greet.shout", "yes");
        assertEquals(78, refused.exitCode(), refused::toString);
        assertTrue(refused.stderr().startsWith("jig: cannot set plugins.greet.shout, plugin greet does not accept it:"
                + " plugins.greet.shout: "), refused::toString);
        assertEquals(1, refused.stderr().lines().count(), refused::toString);
        assertFalse(Files.exists(userFile()), "nothing written");

        assertEquals(0, sandbox.jig("config", "set", "plugins.greet.shout", "true").exitCode());
        assertEquals("true\n", sandbox.jig("config", "get", "plugins.greet.shout").stdout());

        Sandbox.Result timeout = sandbox.jig("config", "set", "core.hook_timeout_ms", "0");
        assertEquals(78, timeout.exitCode(), timeout::toString);
        assertEquals(2, sandbox.jig("config", "set", "core.bogus", "1").exitCode());
        assertEquals(2, sandbox.jig("config", "set", "plugins..x", "1").exitCode());
        assertEquals(2, sandbox.jig("-c", "no-equals", "version").exitCode());
        assertEquals(2, sandbox.jig("config", "get", "--user", "--project", "plugins.greet.shout").exitCode());
    }

    @Test
    void indexesAreSetListedAndUnsetByName() throws Exception {
        Sandbox sandbox = sandbox();
        assertEquals(0, sandbox.jig("config", "set", "indexes.main", "https://plugins.example.org/index.json").exitCode());
        Sandbox.Result second = sandbox.jig("config", "set", "indexes.local", "file:///srv/jig/index.json");
        assertEquals(0, second.exitCode(), second::toString);
        assertEquals("", second.stdout() + second.stderr());

        assertEquals("indexes.main = 'https://plugins.example.org/index.json'\nindexes.local = 'file:///srv/jig/index.json'\n",
                Files.readString(userFile()), "both in the user file, in the order set");
        assertEquals("https://plugins.example.org/index.json\n", sandbox.jig("config", "get", "indexes.main").stdout());
        Sandbox.Result list = sandbox.jig("config", "list", "--user");
        assertEquals(List.of("indexes.local=file:///srv/jig/index.json", "indexes.main=https://plugins.example.org/index.json"),
                list.stdout().lines().toList(), list::toString);

        Sandbox.Result ftp = sandbox.jig("config", "set", "indexes.old", "ftp://example.org/index.json");
        assertEquals(78, ftp.exitCode(), ftp::toString);
        assertTrue(ftp.stderr().contains("'indexes.old' must be a file:, http: or https: URL"), ftp::toString);
        assertEquals(1, ftp.stderr().lines().count(), ftp::toString);
        Sandbox.Result nested = sandbox.jig("config", "set", "indexes.main.url", "https://example.org/index.json");
        assertEquals(2, nested.exitCode(), nested::toString);
        assertEquals("jig: name one index: indexes.<name>, set to its URL\n", nested.stderr());

        assertEquals(0, sandbox.jig("config", "unset", "indexes.main").exitCode());
        assertEquals(1, sandbox.jig("config", "get", "indexes.main").exitCode());
        assertEquals("file:///srv/jig/index.json\n", sandbox.jig("config", "get", "indexes.local").stdout());
    }

    @Test
    void setWritesTheChosenFile() {
        Sandbox sandbox = sandbox();
        Path cwd = Sandbox.mkdirs(sandbox.work.resolve("sub"));
        Sandbox.write(sandbox.work.resolve(".jig/config.toml"), "");
        assertEquals(0, sandbox.jigIn(cwd, "config", "set", "--project", "plugins.greet.lang", "de").exitCode());
        assertEquals(0, sandbox.jig("config", "set", "--system", "plugins.greet.lang", "\"quoted\"").exitCode());
        assertEquals("file:" + sandbox.work.resolve(".jig/config.toml") + "\tplugins.greet.lang=de\n",
                sandbox.jigIn(cwd, "config", "list", "--project", "--show-origin").stdout());
        assertEquals("quoted\n", sandbox.jig("config", "get", "--system", "plugins.greet.lang").stdout());
        assertFalse(Files.exists(cwd.resolve(".jig")), "the nearest project file is written, not a new one");
    }

    @Test
    void jsonOutputParses() throws Exception {
        Sandbox sandbox = sandbox();
        Sandbox.write(userFile(), "plugins.greet.lang = 'fr'\n");
        ObjectMapper json = new ObjectMapper();

        JsonNode all = json.readTree(sandbox.jig("config", "list", "--json").stdout());
        assertEquals("fr", all.path("plugins").path("greet").path("lang").asText());
        assertEquals(5000, all.path("core").path("hook_timeout_ms").asInt());

        JsonNode origins = json.readTree(sandbox.jig("config", "list", "--json", "--show-origin").stdout());
        assertEquals("file:" + userFile(), origins.path("plugins.greet.lang").path("origin").asText());
        assertEquals("fr", origins.path("plugins.greet.lang").path("value").asText());
        assertEquals("plugin greet (defaults)", origins.path("plugins.greet.shout").path("origin").asText());

        assertEquals("\"fr\"", sandbox.jig("config", "get", "--json", "plugins.greet.lang").stdout().trim());
    }

    @Test
    void twentyConcurrentSetsLeaveOneValidValue() throws Exception {
        Sandbox sandbox = sandbox();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            processes.add(sandbox.builder(sandbox.command("config", "set", "plugins.race.value", String.valueOf(i)))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(root.resolve("stderr-" + i).toFile())
                    .start());
        }
        for (int i = 0; i < processes.size(); i++) {
            Process process = processes.get(i);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "set " + i + " finished");
            assertEquals(0, process.exitValue(), Files.readString(root.resolve("stderr-" + i)));
        }
        Sandbox.Result get = sandbox.jig("config", "get", "plugins.race.value");
        assertEquals(0, get.exitCode(), get::toString);
        int value = Integer.parseInt(get.stdout().trim());
        assertTrue(value >= 0 && value < 20, get::toString);
        try (Stream<Path> files = Files.list(userFile().getParent())) {
            assertEquals(List.of("config.toml", "config.toml.lock"),
                    files.map(file -> file.getFileName().toString()).filter(name -> !name.equals("plugins")).sorted().toList());
        }
    }

    @Test
    void aRunWithoutConfigurationLoadsNeitherTomlNorTheValidator() throws Exception {
        Sandbox sandbox = sandbox();
        Path log = root.resolve("classes.log");
        sandbox.env.put("JIG_NO_ROUTES", "1");
        sandbox.env.put("JIG_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);

        assertEquals(0, sandbox.jig("greet").exitCode());
        String loaded = Files.readString(log);
        assertTrue(loaded.contains("dev.jig.host.config.Configuration"), "the log works");
        assertFalse(loaded.contains("dataformat.toml"), "TOML module loaded");
        assertFalse(loaded.contains("com.networknt"), "validator loaded");

        Sandbox.write(userFile(), "plugins.greet.lang = 'fr'\n");
        assertEquals(0, sandbox.jig("greet").exitCode());
        assertTrue(Files.readString(log).contains("dataformat.toml"), "with a file, TOML is read");
    }
}
