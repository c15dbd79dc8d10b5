package dev.jig.it;

import static dev.jig.it.HookPlugins.CONTINUE;
import static dev.jig.it.HookPlugins.abort;
import static dev.jig.it.HookPlugins.entries;
import static dev.jig.it.HookPlugins.hookStarts;
import static dev.jig.it.HookPlugins.log;
import static dev.jig.it.HookPlugins.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lifecycle hooks through the real launcher: prerun, postrun and command_not_found sessions of
 * Python hook plugins around built-ins and a plain plugin command.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HooksIT {

    @TempDir
    Path root;

    private Sandbox sandbox;
    /** Where {@code jig-target} leaves a file when it runs. */
    private Path marker;
    private Path logs;

    /**
     * A plain plugin (it ignores the protocol argument, so probing it runs nothing): it leaves
     * {@link #marker}, prints {@code GREETING} and its arguments, and exits 3. When {@code
     * WATCH_LOG} names a hook plugin's log, it reports on stderr each of that plugin's hook
     * sessions that is still running while the command runs.
     */
    private static final String TARGET = """
            #!%s
            import json, os, sys
            if sys.argv[1:2] == ["--jig-protocol"]:
                sys.exit(0)
            open(%s, "w").close()
            print("GREETING=" + os.environ.get("GREETING", "unset"))
            print("args: " + " ".join(sys.argv[1:]))
            watch = os.environ.get("WATCH_LOG")
            if watch and os.path.exists(watch):
                for line in open(watch):
                    entry = json.loads(line)
                    if entry["kind"] == "start" and entry.get("hook"):
                        try:
                            state = open("/proc/" + str(entry["pid"]) + "/stat").read().rsplit(")", 1)[1].split()[0]
                        except OSError:
                            state = "gone"
                        if state not in ("gone", "Z", "X"):
                            print("hook session still running:", entry["pid"], file=sys.stderr)
            sys.exit(3)
            """;

    @BeforeEach
    void sandbox() {
        sandbox = new Sandbox(root);
        sandbox.env.put("PATH", sandbox.bin + ":/usr/bin:/bin");
        marker = root.resolve("target-ran");
        logs = Sandbox.mkdirs(root.resolve("logs"));
        Sandbox.executable(sandbox.bin.resolve("jig-target"), TARGET.formatted(Sandbox.PYTHON, HookPlugins.py(marker.toString())));
    }

    private HookPlugins.Spec hook(String name) {
        return new HookPlugins.Spec(name, logOf(name));
    }

    private Path logOf(String name) {
        return logs.resolve(name + ".jsonl");
    }

    /** The stderr lines that mention {@code plugin 'name'}. */
    private static List<String> linesNaming(Sandbox.Result result, String name) {
        return result.stderr().lines().filter(line -> line.contains("'" + name + "'")).toList();
    }

    /**
     * Fills the metadata cache with hooks off, then forgets what the plugins logged meanwhile: the
     * next run starts only hook sessions.
     */
    private void warmCache() throws IOException {
        sandbox.env.put("JIG_HOOK", "warm-up");
        try {
            Sandbox.Result list = sandbox.jig("plugins", "list");
            assertEquals(0, list.exitCode(), list::toString);
        } finally {
            sandbox.env.remove("JIG_HOOK");
        }
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    // 1. prerun abort

    @Test
    void aPrerunAbortStopsABuiltin() {
        hook("audit").hooks("prerun", "postrun").on("prerun", abort("no releases on Friday", 7))
                .writeTo(sandbox.userDir());

        Sandbox.Result result = sandbox.jig("version");

        assertEquals(7, result.exitCode(), result::toString);
        assertEquals("", result.stdout(), "version printed nothing");
        assertEquals(List.of("jig: plugin 'audit' stopped the command: no releases on Friday"),
                result.stderr().lines().toList());
        JsonNode prerun = params(logOf("audit"), "prerun").get(0);
        assertEquals("[\"version\"]", prerun.get("command").toString());
        assertFalse(prerun.has("plugin"), "a built-in is no plugin's command: " + prerun);
    }

    @Test
    void aPrerunAbortStopsAPluginCommandAndPostrunSeesIt() {
        hook("audit").hooks("prerun", "postrun").on("prerun", abort("no releases on Friday", 7))
                .writeTo(sandbox.userDir());

        Sandbox.Result result = sandbox.jig("target", "x");

        assertEquals(7, result.exitCode(), result::toString);
        assertFalse(Files.exists(marker), "the plugin command did not run");
        assertEquals("", result.stdout());
        assertEquals(List.of("jig: plugin 'audit' stopped the command: no releases on Friday"),
                result.stderr().lines().toList());
        List<JsonNode> postrun = params(logOf("audit"), "postrun");
        assertEquals(1, postrun.size(), () -> log(logOf("audit")).toString());
        assertFalse(postrun.get(0).get("ran").asBoolean(true), postrun.get(0)::toString);
        assertEquals(7, postrun.get(0).get("exitCode").asInt(), postrun.get(0)::toString);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"version", "help", "plugins list", "--version", ""})
    void aPrerunAbortStopsEveryBuiltin(String command) {
        hook("audit").hooks("prerun").on("prerun", abort("not now", 5)).writeTo(sandbox.userDir());

        Sandbox.Result result = sandbox.jig(command.isEmpty() ? new String[0] : command.split(" "));

        assertEquals(5, result.exitCode(), result::toString);
        assertEquals("", result.stdout());
        assertEquals(List.of("jig: plugin 'audit' stopped the command: not now"), result.stderr().lines().toList());
    }

    @Test
    void aPluginThatStartsListingHooksIsHeardByTheNextCommand() throws Exception {
        Path audit = hook("audit").on("prerun", abort("not now", 5)).writeTo(sandbox.userDir());
        Thread.sleep(1200); // only files older than a second let a plugin run be remembered as a route
        assertEquals(3, sandbox.jig("target").exitCode());
        assertTrue(Files.exists(sandbox.root.resolve("cache/jig/routes/target")), "the run was remembered");

        // Updated in place, as an installer may: same file, same directory.
        Files.writeString(audit, Files.readString(audit).replace("HOOKS = []", "HOOKS = [\"prerun\"]"));
        Files.delete(marker);
        Sandbox.Result result = sandbox.jig("target");

        assertEquals(5, result.exitCode(), result::toString);
        assertFalse(Files.exists(marker), "the command did not run");
    }

    @Test
    void aRunInsideAHookLeavesNoRouteThatWouldSkipHooksLater() throws Exception {
        hook("audit").hooks("prerun").on("prerun", abort("not now", 5)).writeTo(sandbox.userDir());
        Thread.sleep(1200); // old enough files: only the hook could keep a route from being written
        sandbox.env.put("JIG_HOOK", "outer");
        assertEquals(3, sandbox.jig("target").exitCode(), "inside a hook, no hooks fire");
        sandbox.env.remove("JIG_HOOK");

        Sandbox.Result result = sandbox.jig("target");

        assertEquals(5, result.exitCode(), result::toString);
        assertFalse(Files.exists(sandbox.root.resolve("cache/jig/routes/target")), "no route was written");
    }

    // 2. env additions and postrun

    @Test
    void prerunEnvReachesThePluginAndPostrunSeesItsExitCode() {
        hook("envy").hooks("prerun", "postrun").on("prerun", HookPlugins.env("GREETING", "hello from envy"))
                .writeTo(sandbox.userDir());

        Sandbox.Result result = sandbox.jig("target", "a b", "c");

        assertEquals(3, result.exitCode(), result::toString);
        assertEquals("GREETING=hello from envy\nargs: a b c\n", result.stdout());
        assertEquals("", result.stderr());
        List<JsonNode> hooks = entries(logOf("envy"), "hook");
        assertEquals(List.of("prerun", "postrun"), hooks.stream().map(h -> h.get("params").get("event").asText()).toList());

        JsonNode prerun = hooks.get(0).get("params");
        assertEquals("[\"target\"]", prerun.get("command").toString());
        assertEquals("[\"a b\",\"c\"]", prerun.get("args").toString());
        assertEquals("target", prerun.get("plugin").asText());
        assertEquals(sandbox.work.toString(), prerun.get("cwd").asText());
        assertTrue(prerun.get("config").isObject(), prerun::toString);

        JsonNode postrun = hooks.get(1).get("params");
        assertEquals("[\"target\"]", postrun.get("command").toString());
        assertEquals("target", postrun.get("plugin").asText());
        assertTrue(postrun.get("ran").asBoolean(false), postrun::toString);
        assertEquals(3, postrun.get("exitCode").asInt(), postrun::toString);
        assertTrue(postrun.get("durationMs").isIntegralNumber() && postrun.get("durationMs").asLong() >= 0,
                postrun::toString);
    }

    @Test
    void prerunEnvDoesNotOverrideTheHostsOwnVariables() {
        hook("sneaky").hooks("prerun").on("prerun", HookPlugins.env("JIG_PLUGIN_NAME", "forged"))
                .writeTo(sandbox.userDir());

        Sandbox.Result result = sandbox.jig("target");

        assertEquals(3, result.exitCode(), "the command still runs: " + result);
        assertTrue(Files.exists(marker));
        List<String> lines = linesNaming(result, "sneaky");
        assertEquals(1, lines.size(), result::toString);
        assertTrue(lines.get(0).startsWith("jig: plugin 'sneaky' failed its prerun hook: ")
                && lines.get(0).contains("JIG_PLUGIN_NAME") && lines.get(0).endsWith("; skipped it"), lines::toString);
    }

    // 3. sessions: parallel start, one per plugin, only subscribers

    @Test
    void subscribersStartInParallelOncePerInvocationAndOthersNotAtAll() throws Exception {
        hook("early").hooks("prerun", "postrun").on("prerun", CONTINUE).initDelay(1.0).writeTo(sandbox.userDir());
        hook("late").hooks("prerun", "postrun").on("prerun", CONTINUE).initDelay(1.0).writeTo(sandbox.userDir());
        hook("quiet").writeTo(sandbox.userDir()); // a protocol plugin with no hooks
        hook("lost").hooks("command_not_found").on("command_not_found", HookPlugins.suggest("x"))
                .writeTo(sandbox.userDir());
        warmCache();

        Sandbox.Result result = sandbox.jig("target");

        assertEquals(3, result.exitCode(), result::toString);
        assertEquals("", result.stderr());
        for (String name : List.of("early", "late")) {
            assertEquals(1, entries(logOf(name), "start").size(), () -> name + " started once: " + log(logOf(name)));
            assertEquals(1, hookStarts(logOf(name), name).size(), () -> name + " as a hook: " + log(logOf(name)));
            assertEquals(List.of("prerun", "postrun"), entries(logOf(name), "hook").stream()
                    .map(h -> h.get("params").get("event").asText()).toList(), () -> "one session served both");
            long pid = entries(logOf(name), "start").get(0).get("pid").asLong();
            assertTrue(entries(logOf(name), "hook").stream().allMatch(h -> h.get("pid").asLong() == pid));
            assertEquals(1, entries(logOf(name), "eof").size(), () -> name + " was closed with EOF: " + log(logOf(name)));
            assertGone(pid);
        }
        assertEquals(List.of(), log(logOf("quiet")), "a plugin with no hooks is not started");
        assertEquals(List.of(), log(logOf("lost")), "a command_not_found plugin is not started for a command");

        double earlyStart = entries(logOf("early"), "start").get(0).get("time").asDouble();
        double lateStart = entries(logOf("late"), "start").get(0).get("time").asDouble();
        double earlyReady = entries(logOf("early"), "initialized").get(0).get("time").asDouble();
        double lateReady = entries(logOf("late"), "initialized").get(0).get("time").asDouble();
        String times = "starts " + earlyStart + ", " + lateStart + "; answers " + earlyReady + ", " + lateReady;
        assertTrue(Math.abs(earlyStart - lateStart) < 0.5, times);
        assertTrue(earlyStart < lateReady && lateStart < earlyReady, "their handshakes overlap: " + times);
    }

    // 4. failing hooks

    static Stream<Arguments> failures() {
        // A plugin that crashed, hung or broke the stream is gone; one that answered wrongly keeps its session.
        return Stream.of(
                Arguments.of("crash", HookPlugins.crash(), "exited with status 4", true),
                Arguments.of("hang", HookPlugins.hang(), "did not answer prerun within 500 ms", true),
                Arguments.of("garbage", HookPlugins.garbage(), "not json at all", true),
                Arguments.of("error", HookPlugins.error(-32000, "disk on fire"), "error -32000: disk on fire", false),
                Arguments.of("unimplemented", HookPlugins.error(-32601, "method not found: hook"), "error -32601", false),
                Arguments.of("bad action", "return {\"action\": \"maybe\"}", "'maybe'", false),
                Arguments.of("bad env name", HookPlugins.env("NOT-A-NAME", "x"), "'NOT-A-NAME'", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aFailingHookIsReportedOnceAndSkipped(String what, String behaviour, String reason, boolean fatal) throws Exception {
        hook("shaky").hooks("prerun", "postrun").on("prerun", behaviour).writeTo(sandbox.userDir());
        sandbox.env.put("JIG_CONFIG_CORE__HOOK_TIMEOUT_MS", "500");
        sandbox.env.put("WATCH_LOG", logOf("shaky").toString());

        long start = System.nanoTime();
        Sandbox.Result result = sandbox.jig("target");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(3, result.exitCode(), "the command ran and its status is jig's: " + result);
        assertTrue(Files.exists(marker), "the command ran");
        List<String> lines = linesNaming(result, "shaky");
        assertEquals(1, lines.size(), result::toString);
        assertTrue(lines.get(0).startsWith("jig: plugin 'shaky' failed its prerun hook: ")
                && lines.get(0).contains(reason) && lines.get(0).endsWith("; skipped it"), lines.get(0));
        assertEquals(fatal ? 0 : 1, params(logOf("shaky"), "postrun").size(),
                fatal ? "a plugin whose session broke is asked nothing more" : "a plugin that answered wrongly keeps its session");
        assertEquals(!fatal, result.stderr().contains("hook session still running"),
                (fatal ? "a broken session is killed at once: " : "a session that answered wrongly lives on: ") + result);
        assertTrue(millis < 4000, "finished in " + millis + " ms, not after the default 5 s timeout");
        assertSessionsGone();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aFailingRequiredHookStopsTheCommand(String what, String behaviour, String reason, boolean fatal) throws Exception {
        hook("shaky").hooks("prerun", "postrun").on("prerun", behaviour).writeTo(sandbox.userDir());
        sandbox.env.put("JIG_CONFIG_CORE__HOOK_TIMEOUT_MS", "500");
        sandbox.env.put("JIG_CONFIG_PLUGINS__SHAKY__REQUIRED", "true");

        Sandbox.Result result = sandbox.jig("target");

        assertEquals(125, result.exitCode(), result::toString);
        assertFalse(Files.exists(marker), "the command did not run");
        assertEquals("", result.stdout());
        List<String> lines = linesNaming(result, "shaky");
        assertEquals(1, lines.size(), result::toString);
        assertTrue(lines.get(0).startsWith("jig: plugin 'shaky' failed its prerun hook: ")
                && lines.get(0).contains(reason) && lines.get(0).contains("required"), lines.get(0));
        assertSessionsGone();
    }

    /** Every hook session the last run started has ended (a zombie awaiting its reaper counts as ended). */
    private void assertSessionsGone() throws InterruptedException {
        for (JsonNode start : entries(logOf("shaky"), "start")) {
            assertGone(start.get("pid").asLong());
        }
    }

    /** The process has ended, or does within a moment (its exit may still be under way). */
    private static void assertGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (running(pid) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(running(pid), "process " + pid + " is still running");
    }

    private static boolean running(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        String text;
        try {
            text = Files.readString(stat);
        } catch (IOException e) {
            return false; // gone
        }
        String state = text.substring(text.lastIndexOf(')') + 2, text.lastIndexOf(')') + 3);
        return !state.equals("Z") && !state.equals("X");
    }

    @Test
    void aHooksStderrIsShownWithItsName() {
        hook("chatty").hooks("prerun").on("prerun",
                "sys.stderr.write(\"checking the weather\\n\"); sys.stderr.flush(); " + HookPlugins.CONTINUE)
                .writeTo(sandbox.userDir());

        Sandbox.Result result = sandbox.jig("target");

        assertEquals(3, result.exitCode(), result::toString);
        assertEquals(List.of("chatty: checking the weather"), result.stderr().lines().toList());
    }

    @Test
    void aCallersConfigurationFileNeverReachesAHook() {
        hook("nosy").hooks("prerun").on("prerun",
                "log(\"env\", config=os.environ.get(\"JIG_CONFIG\")); " + HookPlugins.CONTINUE).writeTo(sandbox.userDir());
        sandbox.env.put("JIG_CONFIG", root.resolve("a-plugins-private-config.json").toString()); // as inside a plugin run

        Sandbox.Result result = sandbox.jig("target");

        assertEquals(3, result.exitCode(), result::toString);
        List<JsonNode> seen = entries(logOf("nosy"), "env");
        assertEquals(1, seen.size(), () -> log(logOf("nosy")).toString());
        assertTrue(seen.get(0).get("config").isNull(), seen.get(0)::toString);
    }

    @Test
    void aRequiredPluginsFailedConfigHookStopsTheCommandAndSaysSo() {
        hook("tuner").hooks("config", "prerun").on("config", HookPlugins.crash()).writeTo(sandbox.userDir());
        sandbox.env.put("JIG_CONFIG_PLUGINS__TUNER__REQUIRED", "true");

        Sandbox.Result result = sandbox.jig("target");

        assertEquals(125, result.exitCode(), result::toString);
        assertFalse(Files.exists(marker), "the command did not run");
        assertTrue(result.stderr().contains("jig: plugin 'tuner' failed its config hook: exited with status 4"), result::toString);
    }

    @Test
    void aRequiredPluginThatCannotTakePartStopsEveryCommand() throws Exception {
        sandbox.env.put("JIG_CONFIG_PLUGINS__AUDIT__REQUIRED", "true"); // no such plugin

        Sandbox.Result result = sandbox.jig("target");

        assertEquals(125, result.exitCode(), result::toString);
        assertFalse(Files.exists(marker), "the command did not run");
        assertEquals(List.of("jig: plugin 'audit' is required (plugins.audit.required) but cannot take part: it is not"
                + " installed, not trusted, not valid, or lists no hook (see 'jig plugins list'), so the command does not run"),
                result.stderr().lines().toList());
        assertEquals(125, sandbox.jig("version").exitCode(), "built-ins too");

        hook("audit").hooks("prerun").on("prerun", HookPlugins.CONTINUE).writeTo(sandbox.userDir());
        assertEquals(3, sandbox.jig("target").exitCode(), "once it is installed, the command runs");
    }

    // 5. recursion guard

    @Test
    void jigCalledFromAHookFiresNoHooks() {
        hook("loopy").hooks("prerun").on("prerun", HookPlugins.callsJigBack()).writeTo(sandbox.userDir());

        Sandbox.Result result = sandbox.jig("version");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(1, params(logOf("loopy"), "prerun").size(), () -> log(logOf("loopy")).toString());
        List<JsonNode> inner = entries(logOf("loopy"), "inner");
        assertEquals(1, inner.size(), () -> log(logOf("loopy")).toString());
        assertEquals(0, inner.get(0).get("code").asInt(), inner.get(0)::toString);
        assertEquals(result.stdout(), inner.get(0).get("out").asText(), "the inner jig printed its version");
    }

    // 6. order

    @Test
    void hooksRunInSearchPathOrderAndTheLaterEnvWins() {
        // The explicit path comes before the user directory; names sort the other way round.
        Path explicit = Sandbox.mkdirs(root.resolve("explicit"));
        sandbox.env.put("JIG_PLUGIN_PATH", explicit.toString());
        hook("zulu").hooks("prerun").on("prerun", HookPlugins.env("GREETING", "from zulu")).writeTo(explicit);
        hook("alpha").hooks("prerun").on("prerun", HookPlugins.env("GREETING", "from alpha")).writeTo(sandbox.userDir());

        Sandbox.Result result = sandbox.jig("target");

        assertEquals(3, result.exitCode(), result::toString);
        assertTrue(result.stdout().startsWith("GREETING=from alpha\n"), result::toString);
    }

    @Test
    void theFirstAbortEndsTheChain() {
        Path explicit = Sandbox.mkdirs(root.resolve("explicit"));
        sandbox.env.put("JIG_PLUGIN_PATH", explicit.toString());
        hook("zulu").hooks("prerun", "postrun").on("prerun", abort("zulu says no", 9)).writeTo(explicit);
        hook("alpha").hooks("prerun", "postrun").on("prerun", abort("alpha says no", 8)).writeTo(sandbox.userDir());

        Sandbox.Result result = sandbox.jig("target");

        assertEquals(9, result.exitCode(), result::toString);
        assertFalse(Files.exists(marker));
        assertEquals(List.of("jig: plugin 'zulu' stopped the command: zulu says no"), result.stderr().lines().toList());
        assertEquals(List.of(), params(logOf("alpha"), "prerun"), "alpha never gets prerun");
        assertEquals(List.of(), params(logOf("alpha"), "postrun"), "nor postrun, for a command it was never asked about");
        assertEquals(1, params(logOf("zulu"), "postrun").size(), "the plugin that stopped it hears how it ended");
        assertFalse(params(logOf("zulu"), "postrun").get(0).get("ran").asBoolean(true));
    }

    @Test
    void aRequiredPluginNeverAskedBecauseOfAnEarlierAbortDoesNotChangeTheOutcome() {
        Path explicit = Sandbox.mkdirs(root.resolve("explicit"));
        sandbox.env.put("JIG_PLUGIN_PATH", explicit.toString());
        sandbox.env.put("JIG_CONFIG_PLUGINS__ALPHA__REQUIRED", "true");
        hook("zulu").hooks("prerun").on("prerun", abort("zulu says no", 9)).writeTo(explicit);
        hook("alpha").hooks("prerun", "postrun").initExit(4).writeTo(sandbox.userDir());

        Sandbox.Result result = sandbox.jig("target");

        assertFalse(Files.exists(marker));
        assertEquals(9, result.exitCode(), "the first abort decides: " + result);
        assertEquals(List.of("jig: plugin 'zulu' stopped the command: zulu says no"), result.stderr().lines().toList());
    }

    // 7. command_not_found

    @Test
    void commandNotFoundPrintsSuggestionsAndExits127() {
        hook("lost").hooks("command_not_found")
                .on("command_not_found", HookPlugins.suggest("deploy", "jig plugins install deploy"))
                .writeTo(sandbox.userDir());

        Sandbox.Result result = sandbox.jig("deplyo", "now");

        assertEquals(127, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("Plugin 'lost' suggests\n\tdeploy\n\tjig plugins install deploy\n"),
                result::toString);
        List<JsonNode> asked = params(logOf("lost"), "command_not_found");
        assertEquals(1, asked.size(), () -> log(logOf("lost")).toString());
        assertEquals("[\"deplyo\",\"now\"]", asked.get(0).get("words").toString());
    }

    // 8. untrusted local plugins

    @Test
    void aDirectoryPluginGetsHooks() {
        hook("tree").hooks("prerun").on("prerun", abort("tree says no", 6)).writeAsDirectoryTo(sandbox.userDir());

        Sandbox.Result result = sandbox.jig("version");

        assertEquals(6, result.exitCode(), result::toString);
        assertEquals(1, hookStarts(logOf("tree"), "tree").size(), () -> log(logOf("tree")).toString());
    }

    @Test
    void hookPluginsInTheLocalDirectoryAreNeverStarted() {
        hook("local").hooks("prerun", "postrun", "command_not_found").on("prerun", abort("local says no", 6))
                .on("command_not_found", HookPlugins.suggest("trust me")).writeTo(sandbox.localDir());
        hook("tree").hooks("prerun", "postrun", "command_not_found").on("prerun", abort("tree says no", 6))
                .on("command_not_found", HookPlugins.suggest("trust me")).writeAsDirectoryTo(sandbox.localDir());

        Sandbox.Result version = sandbox.jig("version");
        Sandbox.Result target = sandbox.jig("target");
        Sandbox.Result unknown = sandbox.jig("nosuchcommand");

        assertEquals(0, version.exitCode(), version::toString);
        assertEquals("", version.stderr());
        assertEquals(3, target.exitCode(), target::toString);
        assertTrue(Files.exists(marker));
        assertEquals(127, unknown.exitCode(), unknown::toString);
        assertFalse(unknown.stderr().contains("trust me"), unknown::toString);
        assertEquals(List.of(), log(logOf("local")), "never started, not even probed");
        assertEquals(List.of(), log(logOf("tree")), "never started");
    }
}
