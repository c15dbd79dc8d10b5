package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code jig plugins test} through the real launcher: the samples pass, broken plugins fail what they break. */
class ConformanceIT {

    /** Every sample plugin, relative to {@code sample-plugins/}; each must pass. Add new samples here. */
    static final List<String> SAMPLES = List.of("bash/jig-hello", "python/jig-greet", "java/jig-wordcount",
            "node/jig-case", "typescript/release", "rust/bin/jig-semver", "c/bin/jig-base64");

    /** What a sample needs besides the JVM, Python and sh; the build skips a compiled one without it. */
    private static final Map<String, List<String>> TOOLS = Map.of("node", List.of("node"),
            "typescript", List.of("node", "npm"), "rust", List.of("cargo"), "c", List.of("cc", "make"));

    /**
     * A correct plugin in Python that lists the {@code prerun} hook. Each broken plugin below
     * replaces one of its lines; the markers ({@code # banner}, ...) are where the breakage goes.
     */
    private static final String CORRECT = """
            #!%s
            import json, sys, time
            META = {"name": "broken", "version": "1.0.0", "description": "for the checker", "hooks": ["prerun"]}
            def send(message):
                print(json.dumps(dict(message, jsonrpc="2.0")), flush=True)
            if sys.argv[1:2] != ["--jig-protocol"]:
                print("run mode")  # run
                sys.exit(0)
            pass  # banner
            for line in sys.stdin:
                msg = json.loads(line)
                method, id = msg.get("method"), msg.get("id")
                if method == "initialize":
                    offered = msg["params"]["protocolVersions"]
                    if 1 in offered:  # negotiate
                        send({"id": id, "result": {"protocolVersion": 1, "plugin": META}})
                    else:
                        send({"id": id, "error": {"code": -32000, "message": "no common version",
                                                  "data": {"offered": offered, "supported": [1]}}})
                elif method == "hook":
                    send({"id": id, "result": {"action": "continue"}})  # hook
                elif id is not None:
                    send({"id": id, "error": {"code": -32601, "message": "method not found: " + method}})
            sys.exit(0)  # eof
            """.formatted(Sandbox.PYTHON);

    @TempDir
    Path root;

    private Sandbox sandbox;

    @BeforeEach
    void sandbox() {
        sandbox = new Sandbox(root);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySamplePasses(String sample) throws Exception {
        for (String tool : TOOLS.getOrDefault(sample.substring(0, sample.indexOf('/')), List.of())) {
            assumeTrue(Sandbox.onPath(tool), tool + " is not on PATH: the " + sample + " sample is not tested");
        }
        Sandbox.Result result = sandbox.jig("plugins", "test", "--json", Sandbox.SAMPLES.resolve(sample).toString());
        JsonNode report = new ObjectMapper().readTree(result.stdout());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(report.get("passed").asBoolean(), result::toString);
        assertTrue(report.get("plain").isNull(), "a sample speaks the protocol: " + result);
        for (JsonNode check : report.get("checks")) {
            assertFalse(check.get("result").asText().equals("fail"), result::toString);
        }
    }

    static Stream<String> samples() {
        return SAMPLES.stream();
    }

    @Test
    void theCorrectPluginPassesEveryCheckWithOneLineEach() {
        Sandbox.Result result = test(CORRECT);
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of("pass handshake", "pass negotiation", "pass metadata", "pass unknown method",
                        "pass exit on eof", "pass hook prerun", "pass stdout", "pass run mode"),
                result.stdout().lines().filter(line -> line.contains(":")).map(line -> line.substring(0, line.indexOf(':')))
                        .filter(line -> !line.equals("broken")).toList(), result::toString);
        assertTrue(result.stdout().endsWith("broken: 8 passed, 0 failed, 0 skipped\n"), result::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void aBrokenPluginFailsTheCheckItBreaks(String breakage, String line, String replacement, String check,
                                           String why) {
        assertTrue(CORRECT.contains(line), line);
        Sandbox.Result result = test(CORRECT.replace(line, replacement), "--timeout-ms", "3000");
        assertEquals(6, result.exitCode(), result::toString);
        String failure = result.stdout().lines().filter(l -> l.startsWith("fail " + check + ": ")).findFirst()
                .orElseThrow(() -> new AssertionError("no failed " + check + " check in\n" + result));
        assertTrue(failure.contains(why), failure);
    }

    static Stream<Arguments> breakages() {
        return Stream.of(
                Arguments.of("no answer", "if 1 in offered:  # negotiate", "time.sleep(60)\n        if 1 in offered:",
                        "handshake", "did not answer initialize within 3000 ms"),
                Arguments.of("stdout flood", "pass  # banner", "while True: print('x' * 80)",
                        "handshake", "flooded stdout before answering initialize (it printed 'xxxx"),
                Arguments.of("wrong version picked", "\"protocolVersion\": 1", "\"protocolVersion\": 2",
                        "negotiation", "offered [1], it picked protocol version 2"),
                Arguments.of("picks an unspoken version", "if 1 in offered:  # negotiate", "if True:",
                        "negotiation", "offered only [999], it picked '1' instead of answering error -32000"),
                Arguments.of("invalid metadata", "\"version\": \"1.0.0\"", "\"version\": \"one\"",
                        "metadata", "version"),
                Arguments.of("misnamed", "\"name\": \"broken\"", "\"name\": \"other\"",
                        "metadata", "its metadata names it 'other', but its file makes it 'broken'"),
                Arguments.of("banner on stdout", "pass  # banner", "print('Broken plugin v1 starting')",
                        "stdout", "printed 'Broken plugin v1 starting' on stdout in protocol mode"),
                Arguments.of("unknown method unanswered",
                        "send({\"id\": id, \"error\": {\"code\": -32601, \"message\": \"method not found: \" + method}})",
                        "pass",
                        "unknown method", "did not answer conformance/no_such_method within 3000 ms"),
                Arguments.of("unknown method with wrong id", "send({\"id\": id, \"error\": {\"code\": -32601",
                        "send({\"id\": 99, \"error\": {\"code\": -32601",
                        "unknown method", "with id 99; the reply must carry the request's id 2"),
                Arguments.of("unknown method answered with a result", "send({\"id\": id, \"error\": {\"code\": -32601",
                        "send({\"id\": id, \"result\": {}, \"e\": {\"code\": -32601",
                        "unknown method", "with a result; expected error -32601"),
                Arguments.of("hook session fails on its configuration", "offered = msg[\"params\"][\"protocolVersions\"]",
                        "offered = msg[\"params\"][\"protocolVersions\"]; assert \"config\" not in msg[\"params\"], \"no config\"",
                        "hook prerun", "without answering initialize with its configuration; stderr: 'AssertionError: no config'"),
                Arguments.of("hook answered late", "send({\"id\": id, \"result\": {\"action\": \"continue\"}})  # hook",
                        "time.sleep(6); send({\"id\": id, \"result\": {\"action\": \"continue\"}})",
                        "hook prerun", "did not answer hook prerun within 3000 ms"),
                Arguments.of("hook answered with an error", "send({\"id\": id, \"result\": {\"action\": \"continue\"}})  # hook",
                        "send({\"id\": id, \"error\": {\"code\": -32603, \"message\": \"boom\"}})",
                        "hook prerun", "answered with error -32603: 'boom'"),
                Arguments.of("hook result invalid", "{\"action\": \"continue\"}})  # hook", "{\"action\": \"maybe\"}})",
                        "hook prerun", "answered '{\"action\":\"maybe\"}'"),
                Arguments.of("no exit on eof", "sys.exit(0)  # eof", "time.sleep(60)",
                        "exit on eof", "still running 1 s after its stdin closed"),
                Arguments.of("run mode hangs", "print(\"run mode\")  # run", "time.sleep(60)",
                        "run mode", "still running 6000 ms after it was started without arguments"),
                Arguments.of("run mode speaks the protocol", "print(\"run mode\")  # run",
                        "send({\"method\": \"log\", \"params\": {\"level\": \"info\", \"message\": \"hi\"}})",
                        "run mode", "printed the protocol message '{\"method\": \"log\""));
    }

    @Test
    void jsonNamesEachCheckAndItsResult() throws Exception {
        Path plugin = Sandbox.executable(root.resolve("json/jig-broken"),
                CORRECT.replace("pass  # banner", "print('hello there')"));
        Sandbox.Result result = sandbox.jig("plugins", "test", plugin.toString(), "--json");
        assertEquals(6, result.exitCode(), result::toString);
        JsonNode report = new ObjectMapper().readTree(result.stdout());
        assertEquals("broken", report.get("plugin").asText());
        assertEquals(plugin.toString(), report.get("path").asText());
        assertFalse(report.get("passed").asBoolean());
        JsonNode stdout = null;
        for (JsonNode check : report.get("checks")) {
            if (check.get("check").asText().equals("stdout")) {
                stdout = check;
            } else {
                assertEquals("pass", check.get("result").asText(), check::toString);
            }
        }
        assertEquals("fail", stdout.get("result").asText());
        assertTrue(stdout.get("message").asText().startsWith("printed 'hello there' on stdout"), stdout::toString);
    }

    @Test
    void aPlainProgramIsReportedAsPlainAndPasses() throws Exception {
        Path plugin = Sandbox.executable(root.resolve("plain/jig-plain"), "#!/bin/sh\necho \"usage: plain FILE\" >&2\nexit 2\n");
        Sandbox.Result result = sandbox.jig("plugins", "test", plugin.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.stdout().startsWith("skip protocol: a plain plugin: it exited with status 2 without answering initialize;"),
                result::toString);
        assertTrue(result.stdout().endsWith("(a plain plugin)\n"), result::toString);
    }

    @Test
    void aDirectoryPluginIsTestedThroughItsManifest() {
        Path dir = Sandbox.mkdirs(root.resolve("dirs/broken"));
        Sandbox.write(dir.resolve("main.py"), CORRECT);
        Sandbox.write(dir.resolve("plugin.json"), "{\"name\": \"broken\", \"version\": \"1.0.0\", \"run\": [\"python3\", \"main.py\"]}");
        Sandbox.Result result = sandbox.jig("plugins", "test", dir.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.stdout().startsWith("pass manifest: valid against manifest.schema.json\n"), result::toString);
    }

    @Test
    void aPathThatIsNoPluginIsRefused() {
        Sandbox.Result missing = sandbox.jig("plugins", "test", "no-such-file");
        assertEquals(127, missing.exitCode(), missing::toString);
        Path notNamed = Sandbox.executable(root.resolve("misc/broken.py"), CORRECT);
        Sandbox.Result misnamed = sandbox.jig("plugins", "test", notNamed.toString());
        assertEquals(126, misnamed.exitCode(), misnamed::toString);
        assertTrue(misnamed.stderr().contains("'broken.py' is not a plugin file name: name it jig-NAME"), misnamed::toString);
    }

    /**
     * Writes {@code source} as {@code jig-broken} in a directory of its own and tests it with
     * {@code options}. A shorter timeout than the default keeps the hanging cases quick.
     */
    private Sandbox.Result test(String source, String... options) {
        Path plugin = Sandbox.executable(root.resolve("p" + System.nanoTime()).resolve("jig-broken"), source);
        List<String> args = new ArrayList<>(List.of("plugins", "test"));
        args.addAll(List.of(options));
        args.add(plugin.toString());
        return sandbox.jig(args.toArray(String[]::new));
    }
}
