package dev.jig.it;

import static dev.jig.it.HostilePlugins.Language.C;
import static dev.jig.it.HostilePlugins.Language.NODE;
import static dev.jig.it.HostilePlugins.Language.PYTHON;
import static dev.jig.it.HostilePlugins.Language.SH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.it.HostilePlugins.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plugins that misbehave in every way a plugin can, each in probe mode (the handshake that asks
 * what a new executable is), in hook mode (a session that answers the handshake, then misbehaves
 * on a hook) and in completion mode (the same, on a {@code complete} request at a TAB), through
 * the real launcher.
 *
 * <p>For each, jig ends within the plugin's call timeout plus one second of what the same run
 * costs with a well-behaved plugin of the same language (measured in this run), says what went
 * wrong in one line that names the plugin, exits with a documented status, stays within a 32 MiB
 * heap, and leaves no process of the plugin's tree alive: none whose {@code /proc/PID/environ}
 * carries the test's private directories.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HostilePluginsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Each hostile plugin's call timeout: the probe and each hook request get this long. */
    private static final Duration CALL_TIMEOUT = Duration.ofMillis(1500);
    /** {@code core.complete_timeout_ms} as it is by default: a TAB waits no longer for a plugin. */
    private static final Duration COMPLETE_TIMEOUT = Duration.ofMillis(500);
    /** What PROTOCOL.md §9 gives a plugin that ignores the end of its input: 1 s, then 2 s after SIGTERM. */
    private static final Duration SHUTDOWN = Duration.ofSeconds(3);
    private static final Duration MARGIN = Duration.ofSeconds(1);
    /** Arguments of a hooked command: more than a pipe holds, for plugins that stop reading. */
    private static final List<String> LONG_ARGS = List.of("a", "y".repeat(100_000), "z".repeat(100_000));
    /** The host's heap: a host that buffered what a plugin floods it with would run out. */
    private static final String JAVA_OPTS = "-Xmx32m";
    /** A resident size no bounded host reaches with that heap. */
    private static final long MAX_RSS_KIB = 128 * 1024;

    /** How long the same run takes with a well-behaved plugin, by mode and language. */
    private static final Map<String, Duration> BASELINES = new ConcurrentHashMap<>();

    @TempDir
    static Path shared;

    @TempDir
    Path root;

    /** Where a misbehaviour happens. */
    enum Mode {
        /** {@code jig NAME a}: the first run of a new executable probes it. */
        PROBE("initialize"),
        /** {@code jig target a ...}: the plugin answers the handshake of its hook session, then misbehaves on {@code prerun}. */
        HOOK("hook"),
        /**
         * {@code jig __complete NAME ''}, as a shell's TAB after {@code jig NAME} runs it, once the
         * plugin is known to opt in to completion: it answers the handshake, then misbehaves on
         * {@code complete}.
         */
        COMPLETE("complete");

        final String at;

        Mode(String at) {
            this.at = at;
        }
    }

    /** What jig makes of it. */
    sealed interface Outcome {
        /** Over its budget, the plugin's misbehaviour may cost no more than this. */
        default Duration cost() {
            return CALL_TIMEOUT;
        }

        /** Asserts that {@code run} (in {@code sandbox}) is this outcome for plugin {@code name}. */
        void check(String name, Run run, Sandbox sandbox) throws IOException;
    }

    /** The probe makes a plain plugin, which runs; {@code plugins list} says why, in one line. */
    record Plain(String detail) implements Outcome {
        @Override
        public void check(String name, Run run, Sandbox sandbox) throws IOException {
            assertEquals(0, run.exitCode(), run::toString);
            assertEquals(name + " ran\n", run.stdout(), "run as a plain plugin");
            assertEquals("", run.stderr());
            Sandbox.Result list = sandbox.jig("plugins", "list", "--json");
            assertEquals(0, list.exitCode(), list::toString);
            String why = Sandbox.listed(JSON.readTree(list.stdout()), name).path("detail").asText();
            assertTrue(why.contains(detail), why);
            assertEquals(1, why.lines().count(), why);
            assertTrue(why.length() <= 300, why);
        }
    }

    /** The probe makes an invalid protocol plugin: the run is refused with exit 126 and one line. */
    record Invalid(String reason) implements Outcome {
        @Override
        public void check(String name, Run run, Sandbox sandbox) {
            assertEquals(126, run.exitCode(), run::toString);
            assertEquals("", run.stdout());
            List<String> lines = run.stderr().lines().toList();
            assertEquals(1, lines.size(), run::toString);
            assertTrue(lines.get(0).startsWith("jig: plugin '" + name + "' (") && lines.get(0).contains(" is invalid: " + reason),
                    lines.get(0));
        }
    }

    /** The probe makes a valid protocol plugin, which runs; misbehaving after its answer costs at most {@code cost}. */
    record Valid(Duration cost) implements Outcome {
        @Override
        public void check(String name, Run run, Sandbox sandbox) {
            assertEquals(0, run.exitCode(), run::toString);
            assertEquals(name + " ran\n", run.stdout());
            assertEquals("", run.stderr());
        }
    }

    /**
     * A TAB offers exactly {@code values} (none from a plugin that misbehaved), and nothing goes
     * to stderr, which holds the user's prompt; {@code __complete} always exits 0.
     */
    record Offered(List<String> values) implements Outcome {
        @Override
        public Duration cost() {
            return COMPLETE_TIMEOUT;
        }

        @Override
        public void check(String name, Run run, Sandbox sandbox) {
            assertEquals(0, run.exitCode(), run::toString);
            assertEquals("", run.stderr());
            assertEquals(values, candidates(run), run::toString);
        }
    }

    /** The hook fails: one line says so, and the command runs as if the plugin had said nothing. */
    record HookFailed(String event, String reason) implements Outcome {
        @Override
        public void check(String name, Run run, Sandbox sandbox) {
            assertEquals(3, run.exitCode(), "the command's own status: a failed hook is skipped\n" + run);
            assertEquals("target ran " + String.join(" ", LONG_ARGS) + "\n", run.stdout(), "the command ran");
            String flooded = "jig: plugin '" + name + "' wrote more than 100 lines; the rest is not shown";
            List<String> ours = run.stderr().lines().filter(line -> line.startsWith("jig: ") && !line.equals(flooded)).toList();
            assertEquals(1, ours.size(), run::toString);
            String line = ours.get(0);
            assertTrue(line.startsWith("jig: plugin '" + name + "' failed its " + event + " hook: ")
                    && line.contains(reason) && line.endsWith("; skipped it"), line);
            assertTrue(line.length() <= 300, line);
            // The rest is the plugin's own stderr and log lines, each under its name, and bounded.
            List<String> relayed = run.stderr().lines().filter(l -> !l.startsWith("jig: ")).toList();
            assertTrue(relayed.stream().allMatch(l -> l.startsWith(name + ": ")), run::toString);
            assertTrue(relayed.size() <= 100, relayed.size() + " lines relayed");
            assertEquals(relayed.size() == 100, run.stderr().lines().anyMatch(flooded::equals),
                    "a flood, and only a flood, is cut with one line saying so\n" + run);
        }
    }

    /** One behaviour in one mode. */
    record Case(String name, Language language, Mode mode, Outcome outcome) {
        @Override
        public String toString() {
            return name + " (" + language.name().toLowerCase() + ") in " + mode.name().toLowerCase() + " mode";
        }
    }

    static Stream<Case> cases() {
        return Stream.concat(probesAndHooks(), completions());
    }

    private static Stream<Case> probesAndHooks() {
        return Stream.of(
                probe("garbage", SH, new Plain("printed 'garbage 0 <<>> {{{ not json' and more, none of it protocol")),
                hook("garbage", SH, "prerun", "wrote 'garbage 0 <<>> {{{ not json' on stdout, which is not protocol (use stderr)"),
                probe("halfline", SH, new Plain("exited with status 0 without answering after printing '{\"jsonrpc\":\"2.0\",\"id\":1,\"res'")),
                hook("halfline", SH, "prerun", "wrote '{\"jsonrpc\":\"2.0\",\"id\":2,\"res' on stdout, which is not protocol"),
                probe("hugeline", PYTHON, new Plain("did not answer within 1500 ms after printing '{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"action\":\"xxxx")),
                hook("hugeline", PYTHON, "prerun", "wrote '{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"action\":\"xxxx"),
                probe("endless", C, new Plain("did not answer within 1500 ms")),
                hook("endless", C, "prerun", "did not answer prerun within 1500 ms"),
                probe("badutf8", SH, new Plain("after printing '{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"action\":\"\uFFFD")),
                hook("badutf8", SH, "prerun", "wrote '{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"action\":\"\uFFFD"),
                probe("deepjson", PYTHON, new Plain("did not answer within 1500 ms after printing '{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":[[[[")),
                hook("deepjson", PYTHON, "prerun", "wrote '{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":[[[["),
                probe("wrongid", NODE, new Invalid("answered initialize with id 42, expected 1")),
                hook("wrongid", NODE, "prerun", "answered prerun with id 43, expected 2"),
                probe("dupid", NODE, new Valid(CALL_TIMEOUT)),
                hook("dupid", NODE, "postrun", "answered postrun with id 2, expected 3"),
                probe("malformed", NODE, new Invalid("a command in its metadata has no name")),
                hook("malformed", NODE, "prerun", "asked to set environment variable 'BAD NAME', which is not a valid name"),
                probe("early", NODE, new Invalid("answered initialize with id 7, expected 1")),
                hook("early", NODE, "prerun", "answered prerun with id 7, expected 2"),
                probe("banner", SH, new Invalid("printed 'Welcome to banner 1.0! Type 'help' for help.' on stdout before its reply")),
                hook("banner", SH, "prerun", "wrote 'Welcome to banner 1.0! Type 'help' for help.' on stdout, which is not protocol"),
                probe("closer", C, new Plain("closed its output without answering")),
                hook("closer", C, "prerun", "closed its output without answering prerun"),
                probe("holder", SH, new Plain("did not answer within 1500 ms")),
                hook("holder", SH, "prerun", "did not answer prerun within 1500 ms"),
                probe("deaf", SH, new Plain("did not answer within 1500 ms")),
                hook("deaf", SH, "prerun", "did not answer prerun within 1500 ms"),
                probe("lingerer", SH, new Valid(SHUTDOWN)),
                hook("lingerer", SH, "postrun", "stopped reading its input before it could be asked about postrun"),
                probe("exitzero", SH, new Plain("exited with status 0 without answering")),
                hook("exitzero", SH, "prerun", "exited with status 0 without answering prerun"),
                probe("traceback", PYTHON, new Plain("exited with status 1 without answering (stderr: 'RuntimeError: the initialize handler is broken')")),
                hook("traceback", PYTHON, "prerun", "exited with status 1 without answering prerun"),
                probe("deadlock", PYTHON, new Plain("did not answer within 1500 ms")),
                hook("deadlock", PYTHON, "prerun", "did not answer prerun within 1500 ms"),
                probe("logflood", PYTHON, new Invalid("sent more than 1000 notifications before answering initialize")),
                hook("logflood", PYTHON, "prerun", "sent more than 1000 notifications without answering prerun"));
    }

    private static Case probe(String name, Language language, Outcome outcome) {
        return new Case(name, language, Mode.PROBE, outcome);
    }

    private static Case hook(String name, Language language, String event, String reason) {
        return new Case(name, language, Mode.HOOK, new HookFailed(event, reason));
    }

    /** Every behaviour at a TAB: no candidates, but from the two whose first answer is right. */
    private static Stream<Case> completions() {
        return Stream.of(SH, PYTHON, NODE, C).flatMap(language -> BEHAVIOURS.get(language).stream()
                .map(name -> new Case(name, language, Mode.COMPLETE,
                        new Offered(name.equals("dupid") || name.equals("lingerer") ? GOOD_ANSWER : List.of()))));
    }

    private static final Map<Language, List<String>> BEHAVIOURS = Map.of(
            SH, List.of("garbage", "halfline", "badutf8", "banner", "holder", "deaf", "lingerer", "exitzero"),
            PYTHON, List.of("hugeline", "deepjson", "traceback", "deadlock", "logflood"),
            NODE, List.of("wrongid", "dupid", "malformed", "early"),
            C, List.of("endless", "closer"));

    /** What each hostile plugin answers {@code complete} with when it behaves. */
    private static final List<String> GOOD_ANSWER = List.of("alpha", "beta");

    /** The candidates {@code __complete} printed: each line's value, without the directive line. */
    private static List<String> candidates(Run run) {
        return run.stdout().lines().filter(line -> !line.startsWith(":")).map(line -> line.split("\t", 2)[0]).toList();
    }

    @BeforeAll
    static void procfs() {
        assumeTrue(Files.isDirectory(Path.of("/proc")), "the survivors and the memory are read from /proc");
    }

    @AfterEach
    void noLeftovers() {
        ProcessHandle.allProcesses().filter(p -> carries(p, root)).forEach(ProcessHandle::destroyForcibly);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void jigStaysUpFailsFastAndLeavesNothing(Case c) throws Exception {
        Duration baseline = baseline(c.language(), c.mode());
        Sandbox sandbox = world(root, c.name(), c.language(), c.mode());
        sandbox.env.put("HOSTILE_AT", c.mode().at);
        learn(sandbox, c.mode());

        Run run = run(sandbox, command(c.name(), c.mode()));

        Duration budget = baseline.plus(c.outcome().cost()).plus(MARGIN);
        assertTrue(run.elapsed().compareTo(budget) <= 0,
                c + " took " + run.elapsed().toMillis() + " ms, over " + budget.toMillis() + " ms (a good plugin: "
                        + baseline.toMillis() + " ms)\n" + run);
        assertTrue(run.peakRssKib() <= MAX_RSS_KIB, c + ": the host's resident size reached " + run.peakRssKib() + " KiB\n" + run);
        c.outcome().check(c.name(), run, sandbox);
        assertEquals(List.of(), survivors(root), c + ": processes of the plugin's tree still running");
    }

    /** The run's words: the plugin itself in probe mode, a plain command with hooks around it in hook mode. */
    private static List<String> command(String name, Mode mode) {
        List<String> words = new ArrayList<>();
        if (mode == Mode.PROBE) {
            words.add(name);
            words.add("a");
        } else if (mode == Mode.COMPLETE) {
            words.addAll(List.of("__complete", name, ""));
        } else {
            words.add("target");
            words.addAll(LONG_ARGS);
        }
        return words;
    }

    /**
     * A private world holding the plugin (with a call timeout of {@link #CALL_TIMEOUT}) and, for
     * hook mode, {@code jig-target}, a plain command that prints its arguments and exits 3.
     */
    private static Sandbox world(Path dir, String name, Language language, Mode mode) {
        Sandbox sandbox = new Sandbox(dir);
        sandbox.env.put("PATH", sandbox.bin + ":/usr/bin:/bin");
        sandbox.env.put("JIG_JAVA_OPTS", JAVA_OPTS);
        sandbox.env.put("JIG_NO_CDS", "1"); // no background training run to mistake for a survivor
        sandbox.env.put("HOSTILE_SLEEP", "1000");
        HostilePlugins.install(sandbox.bin, name, language, shared);
        Sandbox.write(dir.resolve("config/jig/config.toml"),
                "[plugins." + name + "]\ncall_timeout_ms = " + CALL_TIMEOUT.toMillis() + "\n");
        if (mode == Mode.HOOK) {
            sandbox.env.put("HOSTILE_HOOKS", "1");
            Sandbox.executable(sandbox.bin.resolve("jig-target"), "#!/bin/sh\necho \"target ran $*\"\nexit 3\n");
        }
        if (mode == Mode.COMPLETE) {
            sandbox.env.put("HOSTILE_COMPLETION", "1");
        }
        return sandbox;
    }

    /** Completion asks only a plugin whose cached metadata opts in: a listing learns it first. */
    private static void learn(Sandbox sandbox, Mode mode) {
        if (mode == Mode.COMPLETE) {
            Sandbox.Result list = sandbox.jig("plugins", "list");
            assertEquals(0, list.exitCode(), list::toString);
        }
    }

    /** The same cold run with a plugin of that language that behaves, once per mode and language. */
    private static Duration baseline(Language language, Mode mode) throws IOException, InterruptedException {
        String key = mode + "/" + language;
        Duration known = BASELINES.get(key);
        if (known != null) {
            return known;
        }
        String name = switch (language) {
            case SH -> "garbage";
            case PYTHON -> "traceback";
            case NODE -> "wrongid";
            case C -> "closer";
        };
        Sandbox sandbox = world(Files.createTempDirectory(shared, "baseline"), name, language, mode);
        sandbox.env.put("HOSTILE_AT", "nothing");
        learn(sandbox, mode);
        Run run = run(sandbox, command(name, mode));
        assertEquals(mode == Mode.HOOK ? 3 : 0, run.exitCode(), run::toString);
        assertEquals("", run.stderr(), "a good plugin's run says nothing on stderr");
        if (mode == Mode.COMPLETE) {
            assertEquals(GOOD_ANSWER, candidates(run), "a good plugin's candidates\n" + run);
        }
        BASELINES.put(key, run.elapsed());
        return run.elapsed();
    }

    /** What one run of the launcher did, how long it took and the most memory it held. */
    record Run(int exitCode, String stdout, String stderr, Duration elapsed, long peakRssKib) {
        @Override
        public String toString() {
            return "exit " + exitCode + " in " + elapsed.toMillis() + " ms, peak RSS " + peakRssKib + " KiB\n--- stdout\n"
                    + (stdout.length() > 400 ? stdout.substring(0, 400) + "..." : stdout) + "\n--- stderr\n"
                    + (stderr.length() > 4000 ? stderr.substring(0, 4000) + "..." : stderr);
        }
    }

    /**
     * Runs the launcher with {@code words}, reading the JVM's high-water resident size (the
     * launcher execs java, so it keeps the process) until it exits.
     */
    private static Run run(Sandbox sandbox, List<String> words) throws IOException, InterruptedException {
        Path out = Files.createTempFile(sandbox.root, "stdout", "");
        Path err = Files.createTempFile(sandbox.root, "stderr", "");
        long start = System.nanoTime();
        Process process = sandbox.builder(sandbox.command(words.toArray(String[]::new)))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        long peak = 0;
        long deadline = start + TimeUnit.SECONDS.toNanos(60);
        while (!process.waitFor(10, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, highWaterKib(process.pid()));
            if (System.nanoTime() > deadline) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("jig " + words.get(0) + " did not end in 60 s");
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), elapsed, peak);
    }

    /** {@code VmHWM} of {@code pid}: the most memory it has held; 0 when it is gone. */
    private static long highWaterKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone between two looks
        }
        return 0;
    }

    /**
     * The running processes whose environment mentions {@code dir}, after up to 5 s for killed
     * ones to go: every process of a plugin's tree inherits the world's {@code HOME}.
     */
    private static List<String> survivors(Path dir) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<String> left = alive(dir);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            left = alive(dir);
        }
        return left;
    }

    private static List<String> alive(Path dir) {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> carries(p, dir) && running(p))
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
        }
    }

    /** Whether the process's environment holds {@code dir}. */
    private static boolean carries(ProcessHandle process, Path dir) {
        try {
            byte[] environ = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "environ"));
            return new String(environ, StandardCharsets.ISO_8859_1).contains(dir.toString());
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** Not a zombie: a zombie holds nothing and waits for its reaper. */
    private static boolean running(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
