package dev.jig.it;

import static dev.jig.it.HookPlugins.entries;
import static dev.jig.it.HookPlugins.hookStarts;
import static dev.jig.it.HookPlugins.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.host.testing.Scripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time limits through the real launcher: a run over its wall-clock limit is stopped with every
 * process it started, and a hook or probe that does not answer within its plugin's call timeout
 * is ended with its tree.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LimitsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private Sandbox sandbox;
    /** In the command line of every process a test's plugins start, so that survivors can be found. */
    private final String marker = Scripts.sleepMarker();

    /** A plain plugin that says what it got and exits 3. */
    private static final String QUICK = """
            #!/bin/sh
            [ "$1" = --jig-protocol ] && exit 0
            echo "quick $* GREETING=${GREETING:-unset}"
            exit 3
            """;

    @BeforeEach
    void setUp() {
        sandbox = new Sandbox(root);
        sandbox.env.put("PATH", sandbox.bin + ":/usr/bin:/bin");
        Sandbox.executable(sandbox.bin.resolve("jig-quick"), QUICK);
    }

    @AfterEach
    void noLeftovers() {
        Scripts.killProcessesMentioning(marker);
    }

    private void userConfig(String toml) {
        Sandbox.write(root.resolve("config/jig/config.toml"), toml);
    }

    /**
     * The processes whose command line holds the marker, after waiting up to 5 s for them to go:
     * a killed process needs a moment to be removed. A zombie's command line is empty, so a
     * process that is over but not yet reaped is not counted.
     */
    private List<String> survivors() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<String> left = withMarker();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            left = withMarker();
        }
        return left;
    }

    private List<String> withMarker() {
        List<String> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String commandLine = commandLine(proc.getFileName().toString());
                if (commandLine.contains(marker)) {
                    found.add(proc.getFileName() + ": " + commandLine);
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return found;
    }

    /** Its command line, empty when it is gone or a zombie. */
    private static String commandLine(String pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", pid, "cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    // runs

    @Test
    void aRunOverItsLimitIsStoppedWithEveryProcessItStarted() throws Exception {
        Path pids = Sandbox.mkdirs(root.resolve("pids"));
        // stubborn NAME [COMMAND...]: ignores SIGTERM, notes its pid, starts COMMAND, then sleeps ignoring SIGTERM too.
        Path stubborn = Sandbox.executable(root.resolve("helpers/stubborn"), """
                #!/bin/bash
                trap '' TERM
                echo $$ > %s/"$1"
                if [ $# -gt 1 ]; then "${@:2}" & fi
                exec sleep %s
                """.formatted(pids, marker));
        Sandbox.executable(sandbox.bin.resolve("jig-slow"), """
                #!/bin/bash
                [ "$1" = --jig-protocol ] && exit 0
                PIDS=%1$s
                %2$s child %2$s grandchild &
                # A daemon: double-forked into a session of its own, its parent gone at once.
                ( setsid nohup sleep %3$s > /dev/null 2>&1 & echo $! > "$PIDS/daemon" )
                while [ ! -s "$PIDS/child" ] || [ ! -s "$PIDS/grandchild" ] || [ ! -s "$PIDS/daemon" ]; do sleep 0.01; done
                echo started
                exec sleep %3$s
                """.formatted(pids, stubborn, marker));
        userConfig("[plugins.slow]\nrun_timeout_ms = 2000\n");

        Sandbox.Result result = sandbox.jig("slow", "x");

        assertEquals(124, result.exitCode(), result::toString);
        assertEquals("started\n", result.stdout(), "every process was in place before the limit passed: " + result);
        assertEquals(List.of("jig: plugin 'slow' ran for more than 2000 ms (plugins.slow.run_timeout_ms); stopped"),
                result.stderr().lines().toList());
        assertEquals(List.of(), survivors(), "the plugin, a child and a grandchild ignoring SIGTERM, and a daemon");
        for (String name : List.of("child", "grandchild", "daemon")) {
            String pid = Files.readString(pids.resolve(name)).trim();
            assertEquals("", commandLine(pid), name + " " + pid + " is gone");
        }
    }

    @Test
    void aRunWithinItsLimitIsUnchanged() {
        Sandbox.Result unlimited = sandbox.jig("quick", "a", "b");
        assertEquals(3, unlimited.exitCode(), unlimited::toString);

        Sandbox.Result limited = sandbox.jig("-c", "core.run_timeout_ms=60000", "quick", "a", "b");

        assertEquals(unlimited.toString(), limited.toString());
        assertEquals("quick a b GREETING=unset\n", limited.stdout());
    }

    @Test
    void theCoreLimitAppliesToEveryPluginAndPostrunAndTheAuditLogSeeTheStatus() throws Exception {
        Sandbox.executable(sandbox.bin.resolve("jig-sleepy"), """
                #!/bin/sh
                [ "$1" = --jig-protocol ] && exit 0
                exec sleep %s
                """.formatted(marker));
        Path log = root.resolve("watch.jsonl");
        new HookPlugins.Spec("watch", log).hooks("postrun").writeTo(sandbox.userDir());
        userConfig("core.run_timeout_ms = 300\n[security]\naudit = true\n");

        Sandbox.Result result = sandbox.jig("sleepy");

        assertEquals(124, result.exitCode(), result::toString);
        assertEquals(List.of("jig: plugin 'sleepy' ran for more than 300 ms (core.run_timeout_ms); stopped"),
                result.stderr().lines().toList());
        List<JsonNode> postrun = params(log, "postrun");
        assertEquals(1, postrun.size(), postrun::toString);
        assertTrue(postrun.get(0).get("ran").asBoolean(), postrun.get(0)::toString);
        assertEquals(124, postrun.get(0).get("exitCode").asInt(), postrun.get(0)::toString);
        List<JsonNode> runs = new ArrayList<>();
        for (String line : Files.readAllLines(sandbox.home.resolve(".local/state/jig/audit.jsonl"))) {
            JsonNode record = JSON.readTree(line);
            if (record.get("mode").asText().equals("run")) {
                runs.add(record);
            }
        }
        assertEquals(1, runs.size(), runs::toString);
        assertEquals("sleepy", runs.get(0).get("plugin").asText());
        assertEquals(124, runs.get(0).get("exitCode").asInt());
        assertEquals(List.of(), survivors());
    }

    // protocol calls

    @Test
    void aHungPrerunFailsAtItsPluginsCallTimeoutAndLeavesNothing() throws Exception {
        Path log = root.resolve("shaky.jsonl");
        new HookPlugins.Spec("shaky", log).hooks("prerun")
                .on("prerun", "subprocess.Popen([\"sleep\", " + HookPlugins.py(marker) + "])\ntime.sleep(1000)")
                .writeTo(sandbox.userDir());
        sandbox.env.put("JIG_CONFIG_PLUGINS__SHAKY__CALL_TIMEOUT_MS", "500");

        Sandbox.Result result = sandbox.jig("quick");

        assertEquals(3, result.exitCode(), "the hook was skipped and the command ran: " + result);
        assertEquals(List.of("jig: plugin 'shaky' failed its prerun hook: did not answer prerun within 500 ms; skipped it"),
                result.stderr().lines().toList());
        assertEquals(1, hookStarts(log, "shaky").size(), () -> HookPlugins.log(log).toString());
        assertEquals(List.of(), survivors(), "its child");
        for (JsonNode start : entries(log, "start")) {
            String pid = start.get("pid").asText();
            assertEquals("", commandLine(pid), "plugin process " + pid + " is gone");
        }
    }

    @Test
    void aPluginsCallTimeoutOverridesTheCoreHookTimeout() {
        String late = "time.sleep(1)\n" + HookPlugins.env("GREETING", "late");
        new HookPlugins.Spec("patient", root.resolve("patient.jsonl")).hooks("prerun").on("prerun", late)
                .writeTo(sandbox.userDir());
        new HookPlugins.Spec("hasty", root.resolve("hasty.jsonl")).hooks("prerun").on("prerun", late)
                .writeTo(sandbox.userDir());
        userConfig("core.hook_timeout_ms = 300\n[plugins.patient]\ncall_timeout_ms = 10000\n");

        Sandbox.Result result = sandbox.jig("quick");

        assertEquals(3, result.exitCode(), result::toString);
        assertEquals("quick  GREETING=late\n", result.stdout(), "patient answered after a second and was heard");
        List<String> lines = result.stderr().lines().toList();
        assertEquals(1, lines.size(), result::toString);
        assertTrue(lines.get(0).startsWith("jig: plugin 'hasty' failed its prerun hook: did not answer ")
                && lines.get(0).contains(" within 300 ms"), lines.get(0));
    }

    @Test
    void aProbeThatNeverAnswersWithinItsCallTimeoutMakesAPlainPluginAndLeavesNothing() throws Exception {
        Sandbox.executable(sandbox.bin.resolve("jig-mute"), """
                #!/bin/sh
                if [ "$1" = --jig-protocol ]; then
                    sleep %1$s &
                    exec sleep %1$s
                fi
                echo "mute ran $*"
                """.formatted(marker));
        userConfig("[plugins.mute]\ncall_timeout_ms = 300\n");

        Sandbox.Result run = sandbox.jig("mute", "x");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("mute ran x\n", run.stdout(), "run as a plain plugin");
        assertEquals("", run.stderr());
        assertEquals(List.of(), survivors(), "the probed plugin and its child");
        Sandbox.Result list = sandbox.jig("plugins", "list", "--json");
        assertEquals(0, list.exitCode(), list::toString);
        JsonNode mute = null;
        for (JsonNode plugin : JSON.readTree(list.stdout()).get("plugins")) {
            if (plugin.get("name").asText().equals("mute")) {
                mute = plugin;
            }
        }
        assertTrue(mute != null, list::toString);
        assertEquals("plain", mute.get("kind").asText(), mute::toString);
        assertEquals("did not answer within 300 ms", mute.get("detail").asText(), mute::toString);
    }

    // settings

    @Test
    void limitsOfTheWrongTypeAreConfigErrors() {
        Path file = root.resolve("config/jig/config.toml");
        userConfig("[plugins.slow]\nrun_timeout_ms = \"soon\"\n");

        Sandbox.Result word = sandbox.jig("quick");

        assertEquals(78, word.exitCode(), word::toString);
        List<String> lines = word.stderr().lines().toList();
        assertEquals(1, lines.size(), word::toString);
        assertTrue(lines.get(0).contains(file.toString()) && lines.get(0).contains("'plugins.slow.run_timeout_ms' must be"
                + " an integer of milliseconds from 1 to 3600000, not a string (\"soon\")"), lines.get(0));
        assertFalse(word.stdout().contains("quick"), "nothing ran");

        userConfig("core.run_timeout_ms = 0\n");
        Sandbox.Result zero = sandbox.jig("quick");
        assertEquals(78, zero.exitCode(), zero::toString);
        assertEquals(1, zero.stderr().lines().count(), zero::toString);
        assertTrue(zero.stderr().contains("'core.run_timeout_ms' must be an integer of milliseconds"), zero::toString);

        userConfig("");
        Sandbox.Result flag = sandbox.jig("-c", "plugins.quick.call_timeout_ms=0", "quick");
        assertEquals(78, flag.exitCode(), flag::toString);
        assertTrue(flag.stderr().startsWith("jig: "), flag::toString);
    }
}
