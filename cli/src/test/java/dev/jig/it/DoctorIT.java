package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plugins doctor} on a layout holding one instance of each fault it knows, and on a
 * healthy one.
 */
class DoctorIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    /** Runs a command with the capabilities that let root read any directory dropped. */
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    /**
     * Whether a directory can be made unreadable to the doctor: root reads any directory whatever
     * its mode unless it runs without those capabilities, which needs setpriv.
     */
    private static final boolean LOCKABLE = !ROOT || Files.isExecutable(SETPRIV);

    /**
     * A cold Python takes seconds on a loaded machine: its plugins get call timeouts long enough
     * that they are never reported slow.
     */
    private static final String PATIENT_PYTHON = "[plugins.greet]\ncall_timeout_ms = 60000\n"
            + "[plugins.tool]\ncall_timeout_ms = 60000\n[plugins.garbled]\ncall_timeout_ms = 60000\n"
            + "[plugins.future]\ncall_timeout_ms = 60000\n[plugins.strict]\ncall_timeout_ms = 60000\n";

    /** The programs the launcher and this class's plugins find on PATH. */
    private static final String[] PROGRAMS = {"sh", "env", "cat", "sed", "sleep", "touch",
        "stat", "readlink", "date", "mkdir", "rmdir", "find", "ln", "mv", "rm"};

    @TempDir
    Path root;

    private Sandbox sandbox;
    private Path explicit;
    private Path locked;
    private Path open;

    @BeforeEach
    void setUp() throws Exception {
        sandbox = new Sandbox(root);
        explicit = Sandbox.mkdirs(root.resolve("explicit"));
        locked = Sandbox.mkdirs(root.resolve("locked"));
        open = Sandbox.mkdirs(root.resolve("open"));
        sandbox.env.put("JIG_PLUGIN_PATH", explicit + ":" + locked + ":" + open);
        // No bwrap, so that a sandbox cannot be set up even where it is installed: only what the
        // launcher and the plugins below run.
        sandbox.env.put("PATH", sandbox.bin + ":" + sandbox.programs(PROGRAMS));
    }

    @AfterEach
    void tearDown() throws Exception {
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aHealthyLayoutPassesWithNoFinding() throws Exception {
        Sandbox.executable(explicit.resolve("jig-hello"), "#!/bin/sh\necho hello\n");
        Sandbox.executable(explicit.resolve("jig-greet"), ProtocolPlugins.withMetadata("greet", "\"summary\": \"Greets\""));
        Sandbox.executable(explicit.resolve("jig-greet-loud"), "#!/usr/bin/env sh\necho HELLO\n");
        Sandbox.write(root.resolve("config/jig/config.toml"), PATIENT_PYTHON);

        Sandbox.Result result = sandbox.jig("plugins", "doctor");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("No problems found.\n", result.stdout());
        JsonNode json = JSON.readTree(sandbox.jig("plugins", "doctor", "--json").stdout());
        assertTrue(json.get("healthy").asBoolean(), json::toString);
        assertEquals(0, json.get("findings").size(), json::toString);
    }

    @Test
    void findsEachFaultWithItsFix() throws Exception {
        Sandbox.write(explicit.resolve("jig-lazy"), "#!/bin/sh\necho lazy\n");
        Sandbox.executable(explicit.resolve("jig-ghost"), "#!/nonexistent/interp\necho ghost\n");
        Sandbox.executable(explicit.resolve("jig-envghost"), "#!/usr/bin/env no-such-interpreter-42\n");
        Sandbox.executable(explicit.resolve("jig-twin"), "#!/bin/sh\necho first\n");
        Sandbox.executable(sandbox.userDir().resolve("jig-twin"), "#!/bin/sh\necho second\n");
        Sandbox.executable(sandbox.userDir().resolve("jig-pair"), "#!/bin/sh\necho executable\n");
        Sandbox.write(sandbox.userDir().resolve("pair/plugin.json"), "{\"name\": \"pair\", \"version\": \"1.0.0\", \"run\": [\"sh\", \"-c\", \"echo dir\"]}");
        Sandbox.executable(explicit.resolve("jig-plugins-extra"), "#!/bin/sh\n");
        Sandbox.executable(explicit.resolve("jig-tool"), ProtocolPlugins.withMetadata("tool",
                "\"commands\": [{\"name\": \"build\", \"summary\": \"Builds\"}]"));
        Sandbox.executable(explicit.resolve("jig-tool-build"), "#!/bin/sh\necho build\n");
        Sandbox.executable(explicit.resolve("jig-garbled"), ProtocolPlugins.python("garbled", "",
                "{\"jsonrpc\": \"2.0\", \"id\": msg[\"id\"], \"result\": {\"protocolVersion\": 1,"
                        + " \"plugin\": {\"name\": \"someone-else\", \"version\": \"not a version\"}}}"));
        Sandbox.executable(explicit.resolve("jig-future"), ProtocolPlugins.withMetadata("future", "\"requires\": {\"cli\": \">=99\"}"));
        Path strangerRan = root.resolve("stranger-ran");
        Sandbox.executable(sandbox.localDir().resolve("jig-stranger"), "#!/bin/sh\ntouch '" + strangerRan + "'\n");
        Sandbox.executable(explicit.resolve("jig-boxed"), ProtocolPlugins.withMetadata("boxed", "\"summary\": \"Boxed\""));
        // Slow: more than half of its call timeout (2 of 4 s) with a second's margin either side.
        Sandbox.executable(explicit.resolve("jig-slow"), shProtocolPlugin("slow", "sleep 3; echo 1.0.0"));
        Sandbox.write(root.resolve("config/jig/config.toml"), "[plugins.boxed]\nsandbox = \"strict\"\n"
                + "[plugins.slow]\ncall_timeout_ms = 4000\n" + PATIENT_PYTHON + "shout = \"loud\"\n");
        // Its schema wants a boolean; the line above, in its section, sets a string.
        Sandbox.executable(explicit.resolve("jig-strict"), ProtocolPlugins.withMetadata("strict",
                "\"config\": {\"schema\": {\"type\": \"object\", \"properties\": {\"shout\": {\"type\": \"boolean\"}}}}"));
        // Stale: its file stays the same, but its answer reads a file beside it.
        Sandbox.write(explicit.resolve("changing-version"), "1.0.0\n");
        Sandbox.executable(explicit.resolve("jig-changing"), shProtocolPlugin("changing", "cat \"${0%/*}/changing-version\""));
        assertEquals(0, sandbox.jig("plugins", "list").exitCode(), "caches every record");
        Sandbox.write(explicit.resolve("changing-version"), "2.0.0\n");
        Sandbox.executable(locked.resolve("jig-hidden"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Sandbox.executable(open.resolve("jig-shared"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path typo = root.resolve("no-such-dir");
        sandbox.env.put("JIG_PLUGIN_PATH", explicit + ":" + locked + ":" + open + ":" + typo);
        Path programs = root.resolve("programs");
        sandbox.env.put("PATH", sandbox.bin + "::relative:" + programs + ":" + programs);

        Sandbox.Result result = doctorJson();

        assertEquals(1, result.exitCode(), result::toString);
        JsonNode json = JSON.readTree(result.stdout());
        assertFalse(json.get("healthy").asBoolean());
        List<String> found = codes(result);
        List<String> expected = new ArrayList<>(List.of(
                "warning search path missing-directory",
                "warning search path path-relative-entry",
                "warning search path path-duplicate-entry",
                "warning search path path-empty-entry"));
        if (LOCKABLE) {
            expected.add(0, "error search path unreadable-directory");
        }
        expected.add(LOCKABLE ? 1 : 0, "warning search path world-writable-directory");
        expected.addAll(List.of(
                "error boxed sandbox-unavailable",
                "warning changing stale-metadata",
                "error envghost missing-interpreter",
                "error future unmet-requirement",
                "error garbled invalid-metadata",
                "error garbled invalid-metadata",
                "error ghost missing-interpreter",
                "error lazy not-executable",
                "error plugins-extra builtin-collision",
                "warning slow slow-handshake",
                "error tool subcommand-collision",
                "error pair name-collision",
                "warning twin shadowed",
                "error stranger untrusted",
                "error strict config-invalid"));
        assertEquals(sorted(expected), sorted(found), result::toString);
        int aboutThePath = LOCKABLE ? 6 : 5;
        assertTrue(found.subList(0, aboutThePath).stream().allMatch(f -> f.contains(" search path ")),
                "the search path comes first: " + found);
        assertEquals(found.size(), json.get("errors").asInt() + json.get("warnings").asInt());

        assertFix(json, "lazy", "chmod +x " + explicit.resolve("jig-lazy"));
        assertEquals(explicit.resolve("jig-lazy").toString(), finding(json, "lazy").get("path").asText());
        assertFix(json, "ghost", "install /nonexistent/interp, or change the first line of " + explicit.resolve("jig-ghost")
                + " to an interpreter that exists");
        assertProblem(json, "envghost", "its #! line names 'no-such-interpreter-42' (looked up on PATH by /usr/bin/env),"
                + " which does not exist: it cannot start");
        assertFix(json, "envghost", "install no-such-interpreter-42, or change the first line of "
                + explicit.resolve("jig-envghost") + " to an interpreter that exists");
        assertProblem(json, "twin", "shadowed by " + explicit.resolve("jig-twin") + ", which runs instead");
        assertFix(json, "twin", "remove or rename one of the two; the first directory on the search path wins");
        assertProblem(json, "pair", "maps to the same command as " + sandbox.userDir().resolve("jig-pair")
                + " in the same directory, which runs instead");
        assertProblem(json, "tool", "its subcommand 'tool build' is also the plugin " + explicit.resolve("jig-tool-build")
                + ", which runs instead, so the plugin is refused");
        assertFix(json, "tool", "rename or remove the other plugin's file, or rename the subcommand");
        assertFix(json, "plugins-extra", "rename the file so its first word is not a built-in command");
        assertEquals(List.of("invalid metadata: its metadata names it 'someone-else', but its file makes it 'garbled':"
                        + " rename one to match", "invalid metadata: its version 'not a version' is not a semantic version (e.g. 1.2.0)"),
                problems(json, "garbled"), json::toString);
        assertFix(json, "garbled", "fix the metadata it answers 'initialize' with; 'jig plugins test "
                + explicit.resolve("jig-garbled") + "' runs every protocol check");
        assertTrue(problem(json, "future").startsWith("requires jig >=99; this is jig "), json::toString);
        assertFix(json, "future", "install or upgrade what it requires, or a version of the plugin made for this host");
        assertTrue(problem(json, "stranger").startsWith("untrusted (plugins in ./plugins are not trusted by default"),
                json::toString);
        assertFix(json, "stranger", "review it, then run 'jig plugins trust stranger'");
        assertTrue(problem(json, "boxed").contains("bwrap is not on PATH"), json::toString);
        assertFix(json, "boxed", "install bubblewrap (the 'bubblewrap' package), or run 'jig config set plugins.boxed.sandbox none'");
        assertTrue(problem(json, "slow").matches("took \\d+\\.\\d s to answer the metadata handshake, more than half its"
                + " call timeout of 4\\.0 s: on a busier machine it times out"), json::toString);
        assertFix(json, "slow", "answer 'initialize' before loading anything heavy, or raise plugins.slow.call_timeout_ms"
                + " if it must be slow");
        assertProblem(json, "changing", "its cached metadata was out of date: it answers differently now, though its file"
                + " did not change (its metadata depends on other files)");
        assertFix(json, "changing", "nothing more now: the cache was updated; when those files change, touch "
                + explicit.resolve("jig-changing") + " or run 'jig plugins list --no-cache'");
        assertFix(json, "path-relative-entry", "replace 'relative' in PATH by an absolute directory, or remove it");
        assertFix(json, "path-duplicate-entry", "remove the later entries of " + programs + " from PATH");
        assertFix(json, "path-empty-entry", "remove the empty entry from PATH, or write '.' if the current directory is meant");
        assertFix(json, "world-writable-directory", "chmod o-w " + open);
        assertFix(json, "missing-directory", "create it, or correct or remove it in --plugin-path or JIG_PLUGIN_PATH");
        assertEquals(typo.toString(), finding(json, "missing-directory").get("path").asText());
        if (LOCKABLE) {
            assertFix(json, "unreadable-directory", "chmod u+rx " + locked + ", or remove it from the search path");
        }
        assertTrue(problem(json, "strict").startsWith("the configuration of plugin 'strict' does not fit its schema: "),
                json::toString);
        assertTrue(problem(json, "strict").endsWith(": it never runs"), json::toString);
        assertFix(json, "strict", "change plugins.strict with 'jig config set' or 'jig config unset';"
                + " 'jig config list --show-origin' shows where each value is set");
        assertFalse(Files.exists(strangerRan), "an untrusted plugin is never executed");

        // The doctor asked the changed plugin again: its record is fresh now.
        List<String> again = codes(doctorJson());
        List<String> refreshed = new ArrayList<>(expected);
        refreshed.remove("warning changing stale-metadata");
        assertEquals(sorted(refreshed), sorted(again));
    }

    @Test
    void nameLimitsTheReportToOnePlugin() {
        Sandbox.write(explicit.resolve("jig-lazy"), "#!/bin/sh\necho lazy\n");
        Sandbox.executable(explicit.resolve("jig-hello"), "#!/bin/sh\necho hello\n");
        sandbox.env.put("PATH", sandbox.bin + "::" + root.resolve("programs"));

        Sandbox.Result lazy = sandbox.jig("plugins", "doctor", "lazy");
        assertEquals(1, lazy.exitCode(), lazy::toString);
        assertEquals("plugin lazy (" + explicit.resolve("jig-lazy") + ")\n"
                + "  error    not-executable: not executable: it never runs\n"
                + "           fix: chmod +x " + explicit.resolve("jig-lazy") + "\n"
                + "\n"
                + "1 error, 0 warnings.\n", lazy.stdout());

        Sandbox.write(explicit.resolve("jig-lazy-two"), "#!/bin/sh\necho two\n");
        Sandbox.Result byCommand = sandbox.jig("plugins", "doctor", "lazy", "two");
        assertEquals(1, byCommand.exitCode(), byCommand::toString);
        assertTrue(byCommand.stdout().startsWith("plugin lazy-two (" + explicit.resolve("jig-lazy-two") + ")\n"),
                byCommand::toString);
        assertEquals(1, sandbox.jig("plugins", "doctor", "lazy-two").exitCode());

        Sandbox.Result hello = sandbox.jig("plugins", "doctor", "hello");
        assertEquals(0, hello.exitCode(), hello::toString);
        assertEquals("No problems found.\n", hello.stdout(), "the PATH's empty entry is not about hello");

        Sandbox.Result unknown = sandbox.jig("plugins", "doctor", "nosuch");
        assertEquals(127, unknown.exitCode(), unknown::toString);
        assertEquals("jig: no plugin 'nosuch'. See 'jig plugins list'.\n", unknown.stderr());
    }

    /** {@code plugins doctor --json}, as root without the capabilities that bypass a directory's mode. */
    private Sandbox.Result doctorJson() {
        List<String> command = new ArrayList<>();
        if (ROOT && LOCKABLE) {
            command.addAll(List.of(SETPRIV.toString(), "--inh-caps=-dac_override,-dac_read_search",
                    "--bounding-set=-dac_override,-dac_read_search", "--"));
        }
        command.addAll(sandbox.command("plugins", "doctor", "--json"));
        return sandbox.run(command, new byte[0]);
    }

    /**
     * A protocol plugin in sh that answers {@code initialize} with the version {@code version}
     * (a shell command) prints.
     */
    private static String shProtocolPlugin(String name, String version) {
        return "#!/bin/sh\n"
                + "[ \"$1\" = --jig-protocol ] || exit 0\n"
                + "read -r request\n"
                + "id=$(printf '%s' \"$request\" | sed -n 's/.*\"id\": *\\([0-9]*\\).*/\\1/p')\n"
                + "v=$(" + version + ")\n"
                + "printf '{\"jsonrpc\": \"2.0\", \"id\": %s, \"result\": {\"protocolVersion\": 1, \"plugin\":"
                + " {\"name\": \"" + name + "\", \"version\": \"%s\"}}}\\n' \"$id\" \"$v\"\n";
    }

    /** "severity subject code" of each finding of a {@code --json} report. */
    private static List<String> codes(Sandbox.Result result) throws Exception {
        List<String> codes = new ArrayList<>();
        for (JsonNode finding : JSON.readTree(result.stdout()).get("findings")) {
            codes.add(finding.get("severity").asText() + " " + finding.get("subject").asText() + " "
                    + finding.get("code").asText());
        }
        return codes;
    }

    /** The first finding about the plugin {@code key}, or with the code {@code key}. */
    private static JsonNode finding(JsonNode report, String key) {
        for (JsonNode finding : report.get("findings")) {
            if (finding.get("subject").asText().equals(key) || finding.get("code").asText().equals(key)) {
                return finding;
            }
        }
        throw new AssertionError("no finding " + key + " in " + report);
    }

    /** The problems of every finding about the plugin {@code name}. */
    private static List<String> problems(JsonNode report, String name) {
        List<String> problems = new ArrayList<>();
        for (JsonNode finding : report.get("findings")) {
            if (finding.get("subject").asText().equals(name)) {
                problems.add(finding.get("problem").asText());
            }
        }
        return problems;
    }

    private static String problem(JsonNode report, String key) {
        return finding(report, key).get("problem").asText();
    }

    private static void assertProblem(JsonNode report, String key, String problem) {
        assertEquals(problem, problem(report, key), report::toString);
    }

    private static void assertFix(JsonNode report, String key, String fix) {
        assertEquals(fix, finding(report, key).get("fix").asText(), report::toString);
    }

    private static List<String> sorted(List<String> list) {
        return list.stream().sorted().toList();
    }
}
