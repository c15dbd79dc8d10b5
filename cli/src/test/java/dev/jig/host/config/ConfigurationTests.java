package dev.jig.host.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.host.CliIdentity;
import dev.jig.host.ExitStatus;
import dev.jig.host.HostSettings;
import dev.jig.host.sandbox.Confinement;
import dev.jig.host.sandbox.Grants;
import dev.jig.host.sandbox.Profile;
import dev.jig.host.sandbox.SandboxSettings;
import dev.jig.protocol.metadata.ConfigSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Loading and merging, for a CLI named {@code acme}: nothing in the host may assume the name
 * {@code jig}.
 */
class ConfigurationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private final Map<String, String> env = new HashMap<>();

    private HostSettings settings(Path workingDirectory) {
        env.putIfAbsent("HOME", root.resolve("home").toString());
        env.putIfAbsent("ACME_SYSTEM_CONFIG_DIR", root.resolve("etc").toString());
        return new HostSettings(new CliIdentity("acme", "1.0.0", Optional.empty()), Set.of(), env, workingDirectory,
                Optional.empty());
    }

    private Path work() throws IOException {
        return Files.createDirectories(root.resolve("project/a/b"));
    }

    private Path userFile() {
        return root.resolve("home/.config/acme/config.toml");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    @Test
    void nothingToLoadIsEmptyWithDefaults() throws Exception {
        Configuration config = Configuration.load(settings(work()), List.of());
        assertTrue(config.isEmpty());
        assertEquals(Duration.ofMillis(5000), config.hookTimeout());
        assertFalse(config.required("greet"));
        assertEquals(Optional.empty(), config.locations().project());
        assertEquals(root.resolve("project/a/b/.acme/config.toml"), config.locations().projectHome());
    }

    @Test
    void layersInPrecedenceOrderWithOrigins() throws Exception {
        write(root.resolve("etc/config.toml"), "[plugins.greet]\nlang = 'system'\nsystem = 1\n");
        write(userFile(), "plugins.greet.lang = 'user'\nplugins.greet.user = 2\n");
        write(root.resolve("project/.acme/config.toml"), "plugins.greet.lang = 'project'\nplugins.greet.project = 3\n");
        env.put("ACME_CONFIG_PLUGINS__GREET__LANG", "env");
        env.put("ACME_CONFIG_PLUGINS__GREET__ENV", "4");
        env.put("ACME_CONFIG", "/not/a/layer.json");
        Configuration config = Configuration.load(settings(work()), List.of("plugins.greet.lang=flag", "plugins.greet.flag=[5]"));

        Merged merged = config.effective(Map.of("greet", new ConfigSpec(json("{\"lang\":\"default\",\"dflt\":0}"), null)));
        assertEquals(json("{\"lang\":\"flag\",\"dflt\":0,\"system\":1,\"user\":2,\"project\":3,\"env\":4,\"flag\":[5]}"),
                merged.get(ConfigKey.of("plugins", "greet")).orElseThrow());
        Map<String, String> origins = new HashMap<>();
        merged.origins().forEach((key, origin) -> origins.put(key.toString(), origin.describe()));
        assertEquals(Map.of(
                "core.hook_timeout_ms", "default",
                "plugins.greet.dflt", "plugin greet (defaults)",
                "plugins.greet.system", "file:" + root.resolve("etc/config.toml"),
                "plugins.greet.user", "file:" + userFile(),
                "plugins.greet.project", "file:" + root.resolve("project/.acme/config.toml"),
                "plugins.greet.env", "env:ACME_CONFIG_PLUGINS__GREET__ENV",
                "plugins.greet.lang", "command line: -c plugins.greet.lang=flag",
                "plugins.greet.flag", "command line: -c plugins.greet.flag=[5]"), origins);
    }

    @Test
    void nullInAHigherLayerDeletesTheKeyAndItsOrigin() throws Exception {
        write(userFile(), "[plugins.greet]\nlang = 'fr'\nkeep = true\n");
        env.put("ACME_CONFIG_PLUGINS__GREET__LANG", "null");
        Merged merged = Configuration.load(settings(work()), List.of()).merged();
        assertEquals(json("{\"keep\":true}"), merged.get(ConfigKey.of("plugins", "greet")).orElseThrow());
        assertFalse(merged.origins().containsKey(ConfigKey.of("plugins", "greet", "lang")));
    }

    @Test
    void environmentKeysAndValues() throws Exception {
        env.put("ACME_CONFIG_CORE__HOOK_TIMEOUT_MS", "500");
        env.put("ACME_CONFIG_PLUGINS__GREET__REQUIRED", "true");
        env.put("ACME_CONFIG_PLUGINS__GREET__NAME", "\"quoted\"");
        env.put("ACME_CONFIG_PLUGINS__GREET__WORD", "fr");
        env.put("ACME_CONFIG_PLUGINS__GREET__OBJ", "{\"a\":[1,2]}");
        env.put("JIG_CONFIG_PLUGINS__GREET__OTHER", "another CLI's");
        Configuration config = Configuration.load(settings(work()), List.of());
        assertEquals(Duration.ofMillis(500), config.hookTimeout());
        assertTrue(config.required("greet"));
        assertEquals(json("{\"required\":true,\"name\":\"quoted\",\"word\":\"fr\",\"obj\":{\"a\":[1,2]}}"),
                config.merged().get(ConfigKey.of("plugins", "greet")).orElseThrow());
    }

    @Test
    void aLongerVariableNameWinsOverItsPrefix() throws Exception {
        env.put("ACME_CONFIG_PLUGINS__GREET", "{\"lang\":\"de\",\"x\":1}");
        env.put("ACME_CONFIG_PLUGINS__GREET__LANG", "fr");
        assertEquals(json("{\"lang\":\"fr\",\"x\":1}"),
                Configuration.load(settings(work()), List.of()).merged().get(ConfigKey.of("plugins", "greet")).orElseThrow());
    }

    @Test
    void malformedTomlNamesFileAndLine() throws Exception {
        write(userFile(), "[plugins.greet]\nlang = 'fr'\nshout = = true\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Configuration.load(settings(work()), List.of()));
        assertTrue(e.getMessage().startsWith(userFile() + ":3: "), e.getMessage());
        assertEquals(ExitStatus.CONFIG, e.exitStatus());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aValueWhereATableBelongsIsAProblemNamingFileAndKey() throws Exception {
        write(userFile(), "plugins.greet = 'loud'\n");
        Configuration config = Configuration.read(settings(work()), List.of());
        ConfigException e = assertThrows(ConfigException.class, config::check);
        assertEquals(userFile() + ": 'plugins.greet' must be a table, not a string (\"loud\"). Fix the file or run"
                + " 'acme config unset --user plugins.greet'.", e.getMessage());
        assertEquals(ExitStatus.CONFIG, e.exitStatus());
    }

    @Test
    void auditingIsOffByDefaultAndSetByItsKeys() throws Exception {
        Configuration none = Configuration.load(settings(work()), List.of());
        assertFalse(none.auditEnabled());
        assertEquals(Configuration.DEFAULT_AUDIT_MAX_BYTES, none.auditMaxBytes());
        env.put("ACME_CONFIG_SECURITY__AUDIT", "true");
        Configuration on = Configuration.load(settings(work()), List.of("security.audit_max_bytes=4096"));
        assertTrue(on.auditEnabled());
        assertEquals(4096, on.auditMaxBytes());
        assertFalse(Configuration.load(settings(work()), List.of("security.audit=false")).auditEnabled());
    }

    @Test
    void auditSettingsOfTheWrongType() throws Exception {
        ConfigException audit = assertThrows(ConfigException.class,
                () -> Configuration.load(settings(work()), List.of("security.audit=yes")));
        assertTrue(audit.getMessage().contains("'security.audit' must be true or false"), audit.getMessage());
        ConfigException bound = assertThrows(ConfigException.class,
                () -> Configuration.load(settings(work()), List.of("security.audit_max_bytes=0")));
        assertTrue(bound.getMessage().contains("'security.audit_max_bytes' must be an integer of at least 1"),
                bound.getMessage());
        ConfigException table = assertThrows(ConfigException.class,
                () -> Configuration.load(settings(work()), List.of("security=1")));
        assertTrue(table.getMessage().contains("'security' must be a table"), table.getMessage());
    }

    @Test
    void hostSettingsOfTheWrongType() throws Exception {
        env.put("ACME_CONFIG_CORE__HOOK_TIMEOUT_MS", "0");
        ConfigException e = assertThrows(ConfigException.class, () -> Configuration.load(settings(work()), List.of()));
        assertTrue(e.getMessage().startsWith("environment variable ACME_CONFIG_CORE__HOOK_TIMEOUT_MS: 'core.hook_timeout_ms'"
                + " must be an integer of at least 1"), e.getMessage());
        env.clear();
        ConfigException required = assertThrows(ConfigException.class,
                () -> Configuration.load(settings(work()), List.of("plugins.greet.required=yes")));
        assertTrue(required.getMessage().contains("'plugins.greet.required' must be true or false"), required.getMessage());
    }

    @Test
    void aBadKeyInAFileIsAProblem() throws Exception {
        write(userFile(), "[plugins.\"my plugin\"]\nx = 1\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Configuration.load(settings(work()), List.of()));
        assertTrue(e.getMessage().contains("'plugins.my plugin' is not a valid key"), e.getMessage());
    }

    @Test
    void aBadKeyInAFlagIsAUsageError() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Configuration.load(settings(work()), List.of("plugins..x=1")));
        assertEquals(ExitStatus.USAGE, e.exitStatus());
    }

    @Test
    void theNearestProjectFileWins() throws Exception {
        write(root.resolve("project/.acme/config.toml"), "plugins.p.where = 'top'\n");
        write(root.resolve("project/a/.acme/config.toml"), "plugins.p.where = 'a'\n");
        Configuration config = Configuration.load(settings(work()), List.of());
        assertEquals(Optional.of(root.resolve("project/a/.acme/config.toml")), config.locations().project());
        assertEquals("a", config.merged().get(ConfigKey.of("plugins", "p", "where")).orElseThrow().asText());
    }

    @Test
    void aRelativeXdgConfigHomeIsIgnored() throws Exception {
        env.put("XDG_CONFIG_HOME", "relative");
        assertEquals(Optional.of(userFile()), Configuration.load(settings(work()), List.of()).locations().user());
        env.put("XDG_CONFIG_HOME", root.resolve("xdg").toString());
        assertEquals(Optional.of(root.resolve("xdg/acme/config.toml")),
                Configuration.load(settings(work()), List.of()).locations().user());
    }

    @Test
    void hookPatchesStayInsideTheNamespaceAndTheSchema() throws Exception {
        write(userFile(), "plugins.greet.lang = 'fr'\n");
        ConfigSpec spec = new ConfigSpec(json("{\"lang\":\"en\",\"shout\":false}"),
                json("{\"type\":\"object\",\"properties\":{\"shout\":{\"type\":\"boolean\"},\"lang\":{\"type\":\"string\"}}}"));
        PluginConfig view = Configuration.load(settings(work()), List.of()).forPlugin("greet", spec);

        assertEquals(Optional.of("patch touches 'core' outside plugins.greet"),
                view.applyHookPatch(json("{\"core\":{\"hook_timeout_ms\":1},\"plugins\":{\"greet\":{\"shout\":true}}}")));
        assertEquals(Optional.of("patch touches 'plugins.other' outside plugins.greet"),
                view.applyHookPatch(json("{\"plugins\":{\"other\":{\"x\":1}}}")));
        assertTrue(view.applyHookPatch(json("{\"plugins\":{\"greet\":{\"required\":true}}}")).isPresent());
        Optional<String> invalid = view.applyHookPatch(json("{\"plugins\":{\"greet\":{\"shout\":\"yes\"}}}"));
        assertTrue(invalid.orElseThrow().contains("plugins.greet.shout"), invalid.toString());

        assertEquals(Optional.empty(), view.applyHookPatch(json("{\"plugins\":{\"greet\":{\"shout\":true,\"lang\":\"de\"}}}")));
        // The hook sits below the files: the user's lang stays.
        assertEquals(json("{\"core\":{\"hook_timeout_ms\":5000},\"plugins\":{\"greet\":{\"lang\":\"fr\",\"shout\":true}}}"),
                view.delivery());
        assertEquals("plugin greet (config hook)",
                view.merged().origins().get(ConfigKey.of("plugins", "greet", "shout")).describe());
        assertEquals(List.of(), view.problems());
    }

    @Test
    void problemsNameTheKeyAndWhereItWasSet() throws Exception {
        write(userFile(), "plugins.greet.shout = 'yes'\nplugins.other.secret = 1\n");
        ConfigSpec spec = new ConfigSpec(null, json("{\"type\":\"object\",\"properties\":{\"shout\":{\"type\":\"boolean\"}},"
                + "\"additionalProperties\":false}"));
        env.put("ACME_CONFIG_PLUGINS__GREET__EXTRA", "1");
        env.put("ACME_CONFIG_PLUGINS__GREET__REQUIRED", "true");
        PluginConfig view = Configuration.load(settings(work()), List.of()).forPlugin("greet", spec);
        List<String> problems = view.problems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.contains("plugins.greet.shout: string found, boolean expected (set in " + userFile() + ")"),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("plugins.greet.extra: ")
                && p.endsWith("(set in environment variable ACME_CONFIG_PLUGINS__GREET__EXTRA)")), problems.toString());
        assertFalse(view.delivery().path("plugins").has("other"), "another plugin's namespace is never delivered");
    }

    @Test
    void theHostsKeysInANamespaceAreNeitherDeliveredNorSchemaCheckedNorPatched() throws Exception {
        write(userFile(), "[plugins.greet]\nlang = 'fr'\nrequired = true\nsandbox = 'strict'\ngrant.network = true\n"
                + "call_timeout_ms = 100\nrun_timeout_ms = 200\n");
        ConfigSpec spec = new ConfigSpec(json("{\"sandbox\":\"none\"}"), json("{\"type\":\"object\","
                + "\"properties\":{\"lang\":{\"type\":\"string\"}},\"additionalProperties\":false}"));
        PluginConfig view = Configuration.load(settings(work()), List.of()).forPlugin("greet", spec);
        assertEquals(json("{\"lang\":\"fr\"}"), view.delivery().path("plugins").path("greet"));
        assertEquals(List.of(), view.problems());
        assertEquals(Optional.of("patch touches 'plugins.greet.grant', which only the user sets"),
                view.applyHookPatch(json("{\"plugins\":{\"greet\":{\"grant\":{\"network\":true}}}}")));
        assertEquals(Optional.empty(), Configuration.pluginDefaults("greet", spec).orElseThrow().patch()
                .path("plugins").path("greet").optional("sandbox"));
    }

    @Test
    void policyIsReadWithoutTheProjectFile() throws Exception {
        write(userFile(), "plugins.greet.sandbox = 'strict'\n");
        write(root.resolve("project/.acme/config.toml"), "plugins.greet.sandbox = 'none'\nplugins.greet.lang = 'de'\n");
        Configuration config = Configuration.load(settings(work()), List.of("plugins.greet.call_timeout_ms=7"));
        ConfigKey sandbox = ConfigKey.of("plugins", "greet", "sandbox");
        assertEquals("none", config.merged().get(sandbox).orElseThrow().asText());
        assertEquals("strict", config.policy().get(sandbox).orElseThrow().asText());
        assertEquals(7, config.policy().get(ConfigKey.of("plugins", "greet", "call_timeout_ms")).orElseThrow().asInt());
        assertEquals(Optional.empty(), config.policy().get(ConfigKey.of("plugins", "greet", "lang")));
    }

    @Test
    void timeLimitsAreUnsetByDefault() throws Exception {
        Configuration config = Configuration.load(settings(work()), List.of());
        assertEquals(Optional.empty(), config.callTimeout("greet"));
        assertEquals(Optional.empty(), config.runTimeout("greet"));
    }

    @Test
    void aPluginsRunLimitOverridesTheCoreOneAndNamesItsKey() throws Exception {
        write(userFile(), "core.run_timeout_ms = 60000\nplugins.slow.run_timeout_ms = 2000\nplugins.slow.call_timeout_ms = 300\n");
        Configuration config = Configuration.load(settings(work()), List.of());
        assertEquals(Optional.of(new TimeLimit(Duration.ofMillis(2000), "plugins.slow.run_timeout_ms")),
                config.runTimeout("slow"));
        assertEquals(Optional.of(new TimeLimit(Duration.ofMillis(60000), "core.run_timeout_ms")), config.runTimeout("greet"));
        assertEquals(Optional.of(new TimeLimit(Duration.ofMillis(60000), "core.run_timeout_ms")), config.runTimeout("a.b"),
                "a name that is no key has no namespace, but the core limit holds");
        assertEquals(Optional.of(Duration.ofMillis(300)), config.callTimeout("slow"));
        assertEquals(Optional.empty(), config.callTimeout("greet"));
    }

    @Test
    void aProjectFileCannotSetTimeLimits() throws Exception {
        write(root.resolve("project/.acme/config.toml"),
                "core.run_timeout_ms = 1\nplugins.slow.run_timeout_ms = 1\nplugins.slow.call_timeout_ms = 1\n");
        Configuration config = Configuration.load(settings(work()), List.of());
        assertEquals(Optional.empty(), config.runTimeout("slow"));
        assertEquals(Optional.empty(), config.callTimeout("slow"));
    }

    @Test
    void timeLimitsOfTheWrongType() throws Exception {
        for (String flag : List.of("core.run_timeout_ms=soon", "plugins.slow.run_timeout_ms=0",
                "plugins.slow.call_timeout_ms=3600001", "plugins.slow.call_timeout_ms=1.5")) {
            String key = flag.substring(0, flag.indexOf('='));
            ConfigException e = assertThrows(ConfigException.class, () -> Configuration.load(settings(work()), List.of(flag)));
            assertEquals(ExitStatus.CONFIG, e.exitStatus(), flag);
            assertTrue(e.getMessage().startsWith("-c " + flag + ": '" + key + "' must be an integer of milliseconds"
                    + " from 1 to 3600000"), e.getMessage());
        }
        Configuration config = Configuration.load(settings(work()),
                List.of("core.run_timeout_ms=3600000", "plugins.slow.call_timeout_ms=1"));
        assertEquals(Duration.ofHours(1), config.runTimeout("slow").orElseThrow().duration());
    }

    @Test
    void sandboxSettingsComeFromThePolicyLayers() throws Exception {
        write(userFile(), "[security]\nsandbox = 'strict'\nenv = 'minimal'\n"
                + "[plugins.greet]\nsandbox = 'none'\n[plugins.web.grant]\nnetwork = true\ncwd = 'write'\n"
                + "read = ['~/data', '/srv']\nenv = ['TOKEN']\n");
        write(root.resolve("project/.acme/config.toml"), "[security]\nsandbox = 'none'\nenv = 'inherit'\n"
                + "[plugins.other]\nsandbox = 'none'\n[plugins.other.grant]\nnetwork = true\n");
        SandboxSettings sandbox = Configuration.load(settings(work()), List.of()).sandboxSettings();

        assertEquals(new Confinement(Profile.NONE, Grants.NONE, true), sandbox.confinement("greet"));
        assertEquals(new Confinement(Profile.STRICT, new Grants(true, Grants.Access.WRITE, List.of("~/data", "/srv"),
                List.of(), List.of("TOKEN")), true), sandbox.confinement("web"));
        assertEquals(new Confinement(Profile.STRICT, Grants.NONE, true), sandbox.confinement("other"),
                "the project's file neither turns the sandbox off nor grants anything");
        assertEquals(SandboxSettings.NONE, Configuration.defaults(settings(root)).sandboxSettings());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "security.sandbox=strix | 'security.sandbox' must be none or strict, not a string (\"strix\")",
            "security.sandbox=1 | 'security.sandbox' must be none or strict, not 1",
            "security.env=all | 'security.env' must be inherit or minimal",
            "plugins.greet.sandbox=true | 'plugins.greet.sandbox' must be none or strict, not true",
            "plugins.greet.grant=yes | 'plugins.greet.grant' must be a table",
            "plugins.greet.grant.netwrok=true | 'plugins.greet.grant.netwrok' is not a grant (network, cwd, read, write, env)",
            "plugins.greet.grant.network=1 | 'plugins.greet.grant.network' must be true or false",
            "plugins.greet.grant.cwd=exec | 'plugins.greet.grant.cwd' must be read or write",
            "plugins.greet.grant.read=~/x | 'plugins.greet.grant.read' must be an array of absolute or ~/ paths",
            "plugins.greet.grant.write=[\"rel\"] | 'plugins.greet.grant.write' must be an array of absolute or ~/ paths",
            "plugins.greet.grant.env=[\"A-B\"] | 'plugins.greet.grant.env' must be an array of environment variable names"})
    void sandboxSettingsOfTheWrongType(String flag, String message) throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> Configuration.load(settings(work()), List.of(flag)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(ExitStatus.CONFIG, e.exitStatus());
    }

    @Test
    void signaturesAreRequiredOnlyWhenTheUserSaysAndNeverByTheProjectFile() throws Exception {
        assertFalse(Configuration.load(settings(work()), List.of()).requireSignatures());
        write(root.resolve("project/.acme/config.toml"), "security.require_signatures = true\n");
        assertFalse(Configuration.load(settings(work()), List.of()).requireSignatures(), "a project cannot turn it on");
        write(userFile(), "security.require_signatures = true\n");
        write(root.resolve("project/.acme/config.toml"), "security.require_signatures = false\n");
        assertTrue(Configuration.load(settings(work()), List.of()).requireSignatures(), "nor off");
        assertFalse(Configuration.load(settings(work()), List.of("security.require_signatures=false")).requireSignatures());
        ConfigException e = assertThrows(ConfigException.class,
                () -> Configuration.load(settings(work()), List.of("security.require_signatures=yes")));
        assertTrue(e.getMessage().contains("'security.require_signatures' must be true or false"), e.getMessage());
    }

    @Test
    void aHostKeyWithDashesForUnderscoresIsRefusedWithTheRightSpelling() throws Exception {
        write(userFile(), "[security]\nrequire-signatures = true\n");
        ConfigException file = assertThrows(ConfigException.class, () -> Configuration.load(settings(work()), List.of()));
        assertEquals(ExitStatus.CONFIG, file.exitStatus());
        assertEquals(userFile() + ": 'security.require-signatures' is not a setting; did you mean"
                + " 'security.require_signatures'? (host keys are written with '_'). Fix the file or run"
                + " 'acme config unset --user security.require-signatures'.", file.getMessage());
        Files.delete(userFile());
        Map<String, String> meant = Map.of("core.hook-timeout-ms=5", "core.hook_timeout_ms",
                "security.audit-max-bytes=5", "security.audit_max_bytes",
                "plugins.my-tool.run-timeout-ms=5", "plugins.my-tool.run_timeout_ms");
        for (Map.Entry<String, String> flag : meant.entrySet()) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> Configuration.load(settings(work()), List.of(flag.getKey())));
            assertTrue(e.getMessage().contains("did you mean '" + flag.getValue() + "'"), e.getMessage());
        }
        // A plugin's name and its own keys may have dashes.
        Configuration fine = Configuration.load(settings(work()),
                List.of("plugins.my-tool.required=true", "plugins.my-tool.dry-run=true", "security.future-key=1"));
        assertTrue(fine.required("my-tool"));
    }

    @Test
    void indexesKeepTheOrderTheyAreDefinedInAndAProjectCannotAddOrRedirectOne() throws Exception {
        assertEquals(Map.of(), Configuration.load(settings(work()), List.of()).indexes());

        write(root.resolve("etc/config.toml"), "[indexes]\ncompany = 'https://plugins.example.com/index.json'\n");
        write(userFile(), "[indexes]\nzeta = 'file:///srv/index.json'\nalpha = 'http://localhost:8080/i.json'\n");
        write(root.resolve("project/.acme/config.toml"), "[indexes]\ncompany = 'https://evil.example/index.json'\n"
                + "extra = 'https://evil.example/extra.json'\n");
        env.put("ACME_CONFIG_INDEXES__FROM_ENV", "https://env.example/index.json");
        Configuration config = Configuration.load(settings(work()), List.of("indexes.alpha=null"));

        assertEquals(List.of("company", "zeta", "from_env"), List.copyOf(config.indexes().keySet()));
        assertEquals(java.net.URI.create("https://plugins.example.com/index.json"), config.indexes().get("company"));
        assertEquals(java.net.URI.create("file:///srv/index.json"), config.indexes().get("zeta"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "indexes.main=ftp://example.org/index.json | 'indexes.main' must be a file:, http: or https: URL, not a string",
            "indexes.main=index.json | 'indexes.main' must be a file:, http: or https: URL, not a string",
            "indexes.main=https:/index.json | 'indexes.main' must be a file:, http: or https: URL, not a string",
            "indexes.main=5 | 'indexes.main' must be a file:, http: or https: URL, not 5",
            "indexes=5 | 'indexes' must be a table of index URLs by name, not 5"})
    void aBadIndexIsAProblemNamingTheKey(String flag, String message) throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> Configuration.load(settings(work()), List.of(flag)));
        assertTrue(e.getMessage().startsWith("-c " + flag + ": " + message), e.getMessage());
    }
}
