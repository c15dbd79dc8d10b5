package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Shell completion through real shells: each loads the script {@code jig completion SHELL}
 * prints, and completes built-ins, plugin commands, a plugin's subcommands and flags.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CompletionIT {

    @TempDir
    Path root;

    private Sandbox sandbox;
    /** Left by {@code jig-deploy} each time it is started in protocol mode. */
    private Path probes;

    @BeforeEach
    void setUp() throws IOException {
        sandbox = new Sandbox(root);
        // The scripts run 'jig' from PATH, as an installed CLI would be.
        Files.createSymbolicLink(sandbox.bin.resolve("jig"), Sandbox.LAUNCHER);
        probes = root.resolve("probes");
        Path dir = sandbox.userDir();
        Sandbox.executable(dir.resolve("jig-deploy"), ProtocolPlugins.python("deploy",
                "open(" + pythonString(probes.toString()) + ", \"a\").write(\"probe\\n\")",
                "{\"jsonrpc\": \"2.0\", \"id\": msg[\"id\"], \"result\": {\"protocolVersion\": 1, \"plugin\": {"
                        + "\"name\": NAME, \"version\": \"1.0.0\", \"description\": \"ship it\","
                        + " \"flags\": [{\"name\": \"--env\", \"value\": \"ENV\", \"summary\": \"where to\"},"
                        + " {\"name\": \"--force\", \"short\": \"-f\"}],"
                        + " \"commands\": [{\"name\": \"status\", \"summary\": \"what is live\","
                        + " \"flags\": [{\"name\": \"--watch\"}]}]}}}"));
        Sandbox.executable(dir.resolve("jig-deploy-rollback"), "#!/bin/sh\necho rollback\n");
        Sandbox.executable(dir.resolve("jig-hello"), "#!/bin/sh\necho hello\n");
    }

    private static String pythonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Fills the metadata cache as any listing does. */
    private void cache() {
        Sandbox.Result list = sandbox.jig("plugins", "list");
        assertEquals(0, list.exitCode(), list::toString);
    }

    private int probeCount() throws IOException {
        return Files.exists(probes) ? Files.readAllLines(probes).size() : 0;
    }

    @Test
    void bashCompletesBuiltinsPluginsSubcommandsAndFlags() {
        cache();
        assertEquals(List.of("plugins"), bash("jig", "pl"));
        List<String> top = bash("jig", "");
        assertTrue(top.containsAll(List.of("completion", "config", "help", "plugins", "version", "deploy", "hello")),
                top::toString);
        assertEquals(List.of("rollback", "status"), sorted(bash("jig", "deploy", "")));
        assertEquals(List.of("status"), bash("jig", "deploy", "st"));
        assertEquals(List.of("--env", "--force"), sorted(bash("jig", "deploy", "--")));
        assertEquals(List.of("--env", "--force", "--watch"), sorted(bash("jig", "deploy", "status", "--")));
        assertEquals(List.of("link", "list"), sorted(bash("jig", "plugins", "li")));
        assertEquals(List.of("uninstall", "untrust", "upgrade"), sorted(bash("jig", "plugins", "u")));
        assertEquals(List.of("zsh"), bash("jig", "completion", "z"));
    }

    @Test
    void bashFallsBackToFileNamesForAPluginsOperands() throws IOException {
        cache();
        Files.writeString(sandbox.work.resolve("notes.txt"), "x");
        assertEquals(List.of("notes.txt"), bash("jig", "deploy", "status", "no"));
        assertEquals(List.of(), bash("jig", "plugins", "no"), "built-ins complete no file names");
    }

    @Test
    void aFreshCacheCompletesFromFileNamesAndStartsNoPlugin() throws IOException {
        // The hidden command itself: loading the script runs a built-in, which asks plugins for their hooks.
        assertEquals("rollback\n:0\n", sandbox.jig("__complete", "deploy", "").stdout());
        assertTrue(sandbox.jig("__complete", "").stdout().lines().toList().containsAll(List.of("deploy", "hello")));
        assertEquals(0, probeCount(), "completion started a plugin");
        cache();
        int probed = probeCount();
        assertEquals(List.of("rollback", "status"), sorted(bash("jig", "deploy", "")));
        assertEquals(probed, probeCount(), "completion from the cache started a plugin");
    }

    @Test
    void theHiddenCommandPrintsDescriptionsAndADirective() {
        cache();
        Sandbox.Result result = sandbox.jig("__complete", "deploy", "--e");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("--env\twhere to\n:0\n", result.stdout());
        assertEquals("", result.stderr());
        Sandbox.Result top = sandbox.jig("__complete", "de");
        assertEquals("deploy\tship it\n:4\n", top.stdout());
    }

    @Test
    void fishCompletes() {
        assumeTrue(Sandbox.onPath("fish"), "fish is not installed");
        cache();
        assertEquals(List.of("plugins"), values(fish("jig pl")));
        assertEquals(List.of("rollback", "status"), sorted(values(fish("jig deploy "))));
        assertTrue(fish("jig deploy ").contains("status\twhat is live"));
        assertEquals(List.of("--env", "--force"), sorted(values(fish("jig deploy --"))));
        assertEquals(List.of("--watch"), values(fish("jig deploy status --w")));
    }

    @Test
    void zshCompletes() throws IOException {
        assumeTrue(Sandbox.onPath("zsh"), "zsh is not installed");
        cache();
        assertEquals(List.of("plugins"), zsh("jig pl"));
        List<String> top = zsh("jig ");
        assertTrue(top.containsAll(List.of("completion", "config", "help", "plugins", "deploy", "hello")), top::toString);
        assertEquals(List.of("rollback", "status"), sorted(zsh("jig deploy ")));
        assertEquals(List.of("--env", "--force"), sorted(zsh("jig deploy --")));
        assertEquals(List.of("--watch"), zsh("jig deploy status --w"));
    }

    /**
     * A plugin that opted in to completion, started in protocol mode only; each start appends its
     * pid to {@code pids}. On {@code complete} it does {@code onComplete} (Python, {@code msg} is
     * the request).
     */
    private Path completingPlugin(String name, String onComplete) {
        return Sandbox.executable(sandbox.userDir().resolve("jig-" + name), """
                #!%s
                import json, os, subprocess, sys, time
                NAME = "%s"
                PIDS = %s
                def reply(msg, result):
                    print(json.dumps({"jsonrpc": "2.0", "id": msg["id"], "result": result}), flush=True)
                if sys.argv[1:2] == ["--jig-protocol"]:
                    open(PIDS, "a").write(f"{os.getpid()}\\n")
                    for line in sys.stdin:
                        msg = json.loads(line)
                        if msg.get("method") == "initialize":
                            reply(msg, {"protocolVersion": 1, "plugin": {"name": NAME, "version": "1.0.0",
                                "completion": True, "flags": [{"name": "--env", "value": "ENV"}]}})
                        elif msg.get("method") == "complete":
                            %s
                    sys.exit(0)
                print("ran", *sys.argv[1:])
                """.formatted(Sandbox.PYTHON, name, pythonString(root.resolve("pids").toString()),
                onComplete.replace("\n", "\n" + " ".repeat(12))));
    }

    private List<Long> pids() throws IOException {
        Path pids = root.resolve("pids");
        return Files.exists(pids) ? Files.readAllLines(pids).stream().map(Long::parseLong).toList() : List.of();
    }

    /** Whether {@code pid} still runs: a zombie has ended. */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aPluginThatOptedInCompletesAValueInBashAndFish() throws IOException {
        completingPlugin("ship", """
                p = msg["params"]
                ok = p["command"] == [NAME] and p["args"] == ["--env"]
                reply(msg, {"candidates": [{"value": "prod", "description": "live"}, {"value": "staging"}] if ok else []})""");
        assertEquals(0, sandbox.jig("config", "set", "core.complete_timeout_ms", "30000").exitCode());
        cache();
        assertEquals(List.of("prod", "staging"), bash("jig", "ship", "--env", ""));
        assertEquals(List.of("prod"), bash("jig", "ship", "--env", "p"));
        if (Sandbox.onPath("fish")) {
            assertEquals(List.of("prod\tlive", "staging"), fish("jig ship --env "));
        }
        if (Sandbox.onPath("zsh")) {
            assertEquals(List.of("prod", "staging"), sorted(zsh("jig ship --env ")));
        }
        for (long pid : pids()) {
            assertFalse(running(pid), "plugin process " + pid + " left running");
        }
    }

    @Test
    void theGreetSampleCompletesItsLanguages() throws IOException {
        Files.createSymbolicLink(sandbox.userDir().resolve("jig-greet"), Sandbox.SAMPLES.resolve("python/jig-greet"));
        assertEquals(0, sandbox.jig("config", "set", "core.complete_timeout_ms", "30000").exitCode());
        cache();
        assertEquals(List.of("de", "en", "es", "fr", "ja"), bash("jig", "greet", "--lang", ""));
        assertEquals(List.of("languages"), bash("jig", "greet", "la"));
    }

    /** A misbehaving {@code complete} handler: it costs its timeout at most, says nothing, leaves nothing running. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hang", "flood", "garbage", "error", "grandchild"})
    void aMisbehavingHandlerYieldsNoCandidatesWithinItsTimeout(String misbehaviour) throws IOException {
        String onComplete = switch (misbehaviour) {
            case "hang" -> "time.sleep(3600)";
            case "flood" -> "sys.stdout.write(\"x\" * (1 << 20)); sys.stdout.flush()\nwhile True: sys.stdout.write(\"y\" * 65536)";
            case "garbage" -> "print(\"\\x1b[31mnot json\", flush=True); time.sleep(3600)";
            case "error" -> "print(json.dumps({\"jsonrpc\": \"2.0\", \"id\": msg[\"id\"], \"error\": {\"code\": 1, \"message\": \"no\"}}), flush=True); print(\"on stderr\", file=sys.stderr)";
            case "grandchild" -> "child = subprocess.Popen([\"sleep\", \"3600\"]); open(PIDS, \"a\").write(f\"{child.pid}\\n\"); time.sleep(3600)";
            default -> throw new IllegalArgumentException(misbehaviour);
        };
        completingPlugin("ship", onComplete);
        long timeoutMs = 2000;
        assertEquals(0, sandbox.jig("config", "set", "core.complete_timeout_ms", String.valueOf(timeoutMs)).exitCode());
        cache();
        long start = System.nanoTime();
        Sandbox.Result result = sandbox.jig("__complete", "ship", "--env", "");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(":0\n", result.stdout(), result::toString);
        assertEquals("", result.stderr(), result::toString);
        // Generous: a JVM start on a busy machine, plus the handshake's own timeout; a handler
        // that is waited for without a limit would take an hour.
        assertTrue(elapsedMs < 2 * timeoutMs + 15_000, "took " + elapsedMs + " ms");
        List<Long> pids = pids();
        assertFalse(pids.isEmpty(), "the plugin was never asked");
        for (long pid : pids) {
            assertFalse(running(pid), misbehaviour + ": process " + pid + " left running");
        }
    }

    /** COMPREPLY after bash loaded the script and completed the last of {@code words}. */
    private List<String> bash(String... words) {
        String script = """
                source <(jig completion bash) || exit 9
                COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
                COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
                _jig_complete
                printf '%s\\n' "${COMPREPLY[@]}"
                """;
        List<String> command = new ArrayList<>(List.of("bash", "--norc", "--noprofile", "-c", script, "bash"));
        command.addAll(Arrays.asList(words));
        return lines(sandbox.run(command, new byte[0]));
    }

    /**
     * What zsh offers when {@code line} and TAB are typed into an interactive {@code zsh -f} on a
     * pseudo-terminal that ran compinit and loaded the script: a wrapper of {@code compadd}
     * records the candidates, a post-completion function says when completion finished.
     */
    private List<String> zsh(String line) throws IOException {
        Path harness = root.resolve("harness.zsh");
        Files.writeString(harness, """
                zmodload zsh/zpty || exit 8
                out=$(mktemp)
                zpty z zsh -f -i
                zpty -w z "PS1='' PROMPT_EOL_MARK=''; autoload -Uz compinit; compinit -u -D"
                zpty -w z 'source <(jig completion zsh) || exit 9'
                zpty -w z "compadd() { local -a m; if (( \\${@[(I)-[OAD]*]} == 0 )); then builtin compadd -O m \\"\\$@\\"; print -rl -- \\$m >> $out; fi; builtin compadd \\"\\$@\\"; }"
                zpty -w z "_record_done() { print done >> $out; }; comppostfuncs=(_record_done)"
                zpty -w -n z "$1"$'\\t'
                for i in {1..600}; do grep -qx done $out && break; sleep 0.1; done
                zpty -d z
                grep -qx done $out || { echo "completion did not finish" >&2; exit 7; }
                grep -vx done $out; rm -f $out
                """);
        return lines(sandbox.run(List.of("zsh", "-f", harness.toString(), line), new byte[0]));
    }

    /** What fish offers for {@code line}, {@code value<TAB>description} a line. */
    private List<String> fish(String line) {
        return lines(sandbox.run(List.of("fish", "--no-config", "-c",
                "jig completion fish | source; or exit 9; complete -C" + "'" + line + "'"), new byte[0]));
    }

    private static List<String> lines(Sandbox.Result result) {
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.stderr(), result::toString);
        return result.stdout().lines().filter(line -> !line.isEmpty()).toList();
    }

    private static List<String> values(List<String> lines) {
        return lines.stream().map(line -> line.split("\t", 2)[0]).toList();
    }

    private static List<String> sorted(List<String> words) {
        return words.stream().sorted().toList();
    }
}
