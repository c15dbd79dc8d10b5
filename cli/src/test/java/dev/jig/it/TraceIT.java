package dev.jig.it;

import static dev.jig.it.HookPlugins.env;
import static dev.jig.it.HookPlugins.hookStarts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code JIG_TRACE} and {@code --trace} through the real launcher: every step of a run with
 * hooks, in order, with its time; a trace file; nothing at all when tracing is off; and the
 * launcher's fast path.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TraceIT {

    /** {@code jig trace +12.3ms step: detail}. */
    private static final Pattern LINE = Pattern.compile("jig trace \\+(\\d+\\.\\d)ms ([a-z-]+): (.*)");

    @TempDir
    Path root;

    private Sandbox sandbox;
    private Path auditLog;

    @BeforeEach
    void sandbox() {
        sandbox = new Sandbox(root);
        sandbox.env.put("PATH", sandbox.bin + ":/usr/bin:/bin");
        // A quiet plain plugin: it ignores the protocol argument and writes only on stdout.
        Sandbox.executable(sandbox.bin.resolve("jig-quiet"), """
                #!/bin/sh
                [ "${1-}" = --jig-protocol ] && exit 0
                printf 'ran %s GREETING=%s\\n' "$*" "${GREETING-unset}"
                """);
        auditLog = root.resolve("audit.jsonl");
    }

    /** A hook plugin that answers prerun with GREETING=hi and postrun with nothing. */
    private void auditHook() {
        new HookPlugins.Spec("audit", auditLog).hooks("prerun", "postrun").on("prerun", env("GREETING", "hi"))
                .writeTo(sandbox.userDir());
    }

    private record Step(double ms, String step, String detail) {
    }

    private static List<Step> steps(String text) {
        List<Step> steps = new ArrayList<>();
        for (String line : text.lines().toList()) {
            Matcher m = LINE.matcher(line);
            assertTrue(m.matches(), "not a trace line: " + line);
            steps.add(new Step(Double.parseDouble(m.group(1)), m.group(2), m.group(3)));
        }
        return steps;
    }

    private static int first(List<Step> steps, String step, String detailPrefix) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).step().equals(step) && steps.get(i).detail().startsWith(detailPrefix)) {
                return i;
            }
        }
        throw new AssertionError("no '" + step + ": " + detailPrefix + "...' in " + steps);
    }

    @Test
    void aRunWithHooksTracesEveryStepInOrder() {
        auditHook();
        Path config = Sandbox.write(root.resolve("config/jig/config.toml"), "[plugins.quiet]\nlevel = 1\n");
        sandbox.env.put("JIG_TRACE", "1");

        Sandbox.Result result = sandbox.jig("quiet", "a", "b c");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("ran a b c GREETING=hi\n", result.stdout(), "no trace on stdout");
        List<Step> steps = steps(result.stderr());
        String quiet = sandbox.bin.resolve("jig-quiet").toString();
        String audit = sandbox.userDir().resolve("jig-audit").toString();
        // The launcher, then the JVM's steps in the order they happen ('b c' is no command word).
        int[] order = {
            first(steps, "route", "not taken: "),
            first(steps, "jvm", ""),
            first(steps, "start", "jig "),
            first(steps, "config", "system layer: "),
            first(steps, "config", "user layer: " + config + " (read)"),
            first(steps, "search-path", "1 user " + sandbox.userDir()),
            first(steps, "probe", "audit: " + audit + " --jig-protocol"),
            first(steps, "probe", "audit: answered in "),
            first(steps, "hooks", "subscribers audit [prerun, postrun]"),
            first(steps, "candidate", "jig-quiet-a: not found"),
            first(steps, "candidate", "jig-quiet: " + quiet + " (path)"),
            first(steps, "resolve", "plugin 'quiet' at " + quiet + " (path), args a 'b c'"),
            first(steps, "route", "none written: hooks, configuration"),
            first(steps, "trust", "quiet: trusted: its directory is trusted (PATH)"),
            first(steps, "sandbox", "quiet: none"),
            first(steps, "hook-start", "audit: pid "),
            first(steps, "hook", "audit prerun: continue, env GREETING after "),
            first(steps, "exec", "cd " + sandbox.work + " && env "),
            first(steps, "exited", "quiet: status 0 after "),
            first(steps, "hook", "audit postrun: answered after "),
            first(steps, "exit", "status 0"),
        };
        for (int i = 1; i < order.length; i++) {
            assertTrue(order[i - 1] < order[i], "step " + i + " out of order:\n" + result.stderr());
        }
        assertTrue(steps.get(0).ms() >= 0 && steps.get(steps.size() - 1).ms() > steps.get(0).ms(), result.stderr());

        // The session traced is the one that ran: its pid, and the exact command line.
        long pid = hookStarts(auditLog, "audit").get(0).get("pid").asLong();
        String started = steps.get(first(steps, "hook-start", "audit: pid ")).detail();
        assertTrue(started.startsWith("audit: pid " + pid + ": cd " + sandbox.work + " && env "), started);
        assertTrue(started.contains(" JIG_HOOK=audit ") && started.endsWith(" " + audit + " --jig-protocol"), started);
        String exec = steps.get(first(steps, "exec", "")).detail();
        assertTrue(exec.contains(" GREETING=hi ") && exec.contains(" JIG_PLUGIN_NAME=quiet "), exec);
        assertTrue(exec.endsWith(" " + quiet + " a 'b c'"), exec);

        // A second run finds both plugins in the metadata cache.
        List<Step> again = steps(sandbox.jig("quiet").stderr());
        first(again, "metadata", "audit: cache hit: protocol 1.0.0");
        assertFalse(again.stream().anyMatch(step -> step.step().equals("probe")), again::toString);
    }

    @Test
    void aSandboxedRunTracesItsProfileAndTheBwrapCommand() {
        assumeTrue(Sandbox.onPath("bwrap"), "bwrap (bubblewrap) is not installed; .ci/run installs it");
        Sandbox.write(root.resolve("config/jig/config.toml"), "[plugins.quiet]\nsandbox = \"strict\"\n");
        sandbox.env.put("JIG_TRACE", "1");

        Sandbox.Result result = sandbox.jig("quiet", "x");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("ran x GREETING=unset\n", result.stdout());
        List<Step> steps = steps(result.stderr());
        first(steps, "sandbox", "quiet: strict (no network, working directory read)");
        String exec = steps.get(first(steps, "exec", "")).detail();
        assertTrue(exec.matches("cd \\S+ && env .* \\S*/bwrap .* " + Pattern.quote(sandbox.bin.resolve("jig-quiet") + " x")), exec);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "unset"})
    void offNothingIsTraced(String value) {
        auditHook();
        if (!value.equals("unset")) {
            sandbox.env.put("JIG_TRACE", value);
        }
        Sandbox.Result result = sandbox.jig("quiet", "x");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("ran x GREETING=hi\n", result.stdout());
        assertEquals("", result.stderr());
    }

    @Test
    void aTraceFileLeavesStderrClean() throws Exception {
        auditHook();
        Path file = root.resolve("trace.log");
        sandbox.env.put("JIG_TRACE", file.toString());

        Sandbox.Result result = sandbox.jig("quiet", "x");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("ran x GREETING=hi\n", result.stdout());
        assertEquals("", result.stderr());
        List<Step> steps = steps(Files.readString(file));
        assertTrue(first(steps, "route", "") < first(steps, "start", ""), steps::toString);
        assertTrue(first(steps, "exec", "") < first(steps, "exit", "status 0"), steps::toString);

        // Appended to, never truncated.
        int before = steps.size();
        sandbox.jig("quiet", "y");
        assertTrue(steps(Files.readString(file)).size() > before + 5);
    }

    @Test
    void aTraceFileThatCannotBeOpenedIsOneWarning() {
        Path file = root.resolve("missing-dir/trace.log");
        sandbox.env.put("JIG_TRACE", file.toString());

        Sandbox.Result result = sandbox.jig("quiet", "x");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("ran x GREETING=unset\n", result.stdout());
        List<String> warnings = result.stderr().lines().filter(line -> !line.startsWith("jig trace +")).toList();
        assertEquals(1, warnings.size(), result::toString);
        assertTrue(warnings.get(0).startsWith("jig: cannot open the trace file " + file + " (JIG_TRACE): "), warnings.get(0));
        assertTrue(result.stderr().lines().anyMatch(line -> line.matches("jig trace \\+[0-9.]+ms exit: status 0")), result::toString);
    }

    @Test
    void theFastPathTracesTheRouteAndTheExactCommand() throws Exception {
        Thread.sleep(1100); // no route is written for files changed in the last second
        Path slowTrace = root.resolve("slow.trace");
        sandbox.env.put("JIG_TRACE", slowTrace.toString());
        Sandbox.Result slow = sandbox.jig("quiet", "it's", "x");
        assertEquals("", slow.stderr());
        List<Step> slowSteps = steps(Files.readString(slowTrace));
        assertTrue(first(slowSteps, "jvm", "") < first(slowSteps, "route", "written: " + root.resolve("cache/jig/routes/quiet")),
                slowSteps::toString);
        sandbox.env.put("JIG_TRACE", "1");

        Sandbox.Result fast = sandbox.jig("quiet", "it's", "x");

        assertEquals(slow.stdout(), fast.stdout());
        List<Step> steps = steps(fast.stderr());
        assertEquals(List.of("route", "exec"), steps.stream().map(Step::step).toList(), fast::toString);
        assertEquals("taken: " + root.resolve("cache/jig/routes/quiet"), steps.get(0).detail());
        String exec = steps.get(1).detail();
        assertTrue(exec.startsWith("cd " + sandbox.work + " && env -u "), exec);
        assertTrue(exec.endsWith(" " + sandbox.bin.resolve("jig-quiet") + " 'it'\\''s' x"), exec);

        // The traced line runs the same command.
        sandbox.env.remove("JIG_TRACE");
        Sandbox.Result replayed = sandbox.run(List.of("/bin/sh", "-c", exec), new byte[0]);
        assertEquals(slow.stdout(), replayed.stdout(), replayed::toString);
    }

    @Test
    void theOptionTracesAndStdoutStaysTheCommands() throws Exception {
        Sandbox.Result plain = sandbox.jig("plugins", "list", "--json");
        Sandbox.Result traced = sandbox.jig("--trace", "plugins", "list", "--json");

        assertEquals(0, traced.exitCode(), traced::toString);
        assertEquals(plain.stdout(), traced.stdout());
        new ObjectMapper().readTree(traced.stdout());
        List<Step> steps = steps(traced.stderr().lines()
                .filter(line -> !line.startsWith("jig trace ") || !line.contains(" route: ")).reduce("", (a, b) -> a + b + "\n"));
        assertTrue(first(steps, "start", "jig ") < first(steps, "resolve", "built-in 'plugins'"), steps::toString);
        first(steps, "exit", "status 0");
    }
}
