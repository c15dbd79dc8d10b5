package dev.jig.host.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.host.testing.Scripts;
import dev.jig.protocol.codec.Json;
import dev.jig.protocol.method.CliInfo;
import java.nio.file.Files;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandshakeProbeTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path tmp;

    private final HandshakeProbe probe = new HandshakeProbe(new CliInfo("jig", "0.1.0"), "JIG_PROCESS_TAG");

    private static final String METADATA = """
            {"name": "greet", "version": "1.2.0", "description": "Greet people in several languages",
             "commands": [{"name": "list", "summary": "List languages"}, {"name": "say"}],
             "hooks": ["prerun", "postrun"], "requires": {"programs": ["git"]}}""";

    /**
     * A Python plugin that reads the {@code initialize} request (exiting with 64 or 65 if it is
     * not started or asked the way the protocol says), then runs {@code body} with
     * {@code request} and {@code send} at hand, then waits for EOF.
     */
    private Path python(String body) {
        String script = "#!" + Scripts.python() + "\n" + """
                import json, sys
                def send(message):
                    sys.stdout.write(json.dumps(message) + "\\n")
                    sys.stdout.flush()
                def reply(result):
                    send({"jsonrpc": "2.0", "id": request["id"], "result": result})
                if sys.argv[1:] != ["--jig-protocol"]:
                    sys.exit(64)
                request = json.loads(sys.stdin.readline())
                params = request["params"]
                if (request["jsonrpc"] != "2.0" or request["method"] != "initialize"
                        or params["protocolVersions"] != [1]
                        or params["cli"] != {"name": "jig", "version": "0.1.0"}):
                    sys.exit(65)
                METADATA = %s
                """.formatted(METADATA.replace("\n", " ")) + body + "\nsys.stdin.read()\n";
        return Scripts.executable(tmp, "jig-greet", script);
    }

    private Path shell(String body) {
        return Scripts.executable(tmp, "jig-greet", "#!/bin/sh\n" + body + "\n");
    }

    private PluginRecord probe(Path plugin) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(System.getenv());
        return probe.probe(List.of(plugin.toString()), "greet", env, tmp, TIMEOUT);
    }

    private static String onlyProblem(PluginRecord record) {
        assertEquals(Kind.PROTOCOL, record.kind(), record.toString());
        assertEquals(1, record.problems().size(), record.toString());
        return record.problems().get(0);
    }

    private static void assertContains(String text, String... phrases) {
        for (String phrase : phrases) {
            assertTrue(text.contains(phrase), "'" + phrase + "' not in: " + text);
        }
    }

    @Test
    void aProtocolPluginAnswersWithItsMetadata() throws Exception {
        PluginRecord record = probe(python("reply({\"protocolVersion\": 1, \"plugin\": METADATA})"));

        assertEquals(Kind.PROTOCOL, record.kind(), record.toString());
        assertEquals(List.of(), record.problems());
        assertNull(record.detail());
        assertEquals("1.2.0", record.version());
        assertEquals("Greet people in several languages", record.summary());
        assertEquals(List.of("list", "say"), record.subcommands());
        assertEquals(List.of("prerun", "postrun"), record.hooks());
        assertEquals(List.of("git"), record.requires().programs());
        assertEquals(List.of(), record.run());
        JsonNode json = Json.mapper().readTree(record.metadataJson());
        assertEquals("greet", json.get("name").asText());
        assertEquals("List languages", json.get("commands").get(0).get("summary").asText());
    }

    @Test
    void aReplyEndingInCrLfIsFine() throws Exception {
        PluginRecord record = probe(python("""
                sys.stdout.write('{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":1,"plugin":%s}}\\r\\n' % json.dumps(METADATA))
                sys.stdout.flush()"""));

        assertEquals(List.of(), record.problems(), record.toString());
        assertEquals("1.2.0", record.version());
    }

    @Test
    void staticChecksApplyToTheAnswer() throws Exception {
        PluginRecord record = probe(python("""
                reply({"protocolVersion": 1, "plugin": {"name": "greeter", "version": "1.2.0"}})"""));

        assertContains(onlyProblem(record), "'greeter'", "'greet'");
        assertEquals("1.2.0", record.version());
    }

    @Test
    void aLogNotificationBeforeTheReplyIsTolerated() throws Exception {
        PluginRecord record = probe(python("""
                send({"jsonrpc": "2.0", "method": "log", "params": {"level": "info", "message": "starting up"}})
                send({"jsonrpc": "2.0", "method": "somethingNew"})
                reply({"protocolVersion": 1, "plugin": METADATA})"""));

        assertEquals(Kind.PROTOCOL, record.kind(), record.toString());
        assertEquals(List.of(), record.problems());
        assertEquals("1.2.0", record.version());
    }

    @Test
    void anErrorWithANullIdBeforeTheReplyIsIgnored() throws Exception {
        PluginRecord record = probe(python("""
                send({"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": "parse error"}})
                reply({"protocolVersion": 1, "plugin": METADATA})"""));

        assertEquals(List.of(), record.problems(), record.toString());
        assertEquals("1.2.0", record.version());
    }

    @Test
    void blankLinesBeforeTheReplyAreIgnored() throws Exception {
        PluginRecord record = probe(python("""
                sys.stdout.write("\\n\\n")
                reply({"protocolVersion": 1, "plugin": METADATA})"""));

        assertEquals(List.of(), record.problems(), record.toString());
    }

    @Test
    void aPlainScriptIsPlain() throws Exception {
        PluginRecord record = probe(shell("echo hi"));

        assertEquals(Kind.PLAIN, record.kind());
        assertEquals(List.of(), record.problems());
        assertContains(record.detail(), "exited with status 0", "'hi'");
        assertNull(record.version());
        assertNull(record.metadataJson());
    }

    @Test
    void aPlainScriptThatRejectsTheFlagIsPlainWithItsStatus() throws Exception {
        PluginRecord record = probe(shell("echo \"unknown option: $1\" >&2\nexit 2"));

        assertEquals(Kind.PLAIN, record.kind());
        assertEquals(List.of(), record.problems());
        assertContains(record.detail(), "exited with status 2 without answering");
    }

    @Test
    void aScriptThatPrintsALotIsPlain() throws Exception {
        PluginRecord record = probe(shell("seq 1 500\nsleep 1000"));

        assertEquals(Kind.PLAIN, record.kind());
        assertEquals(List.of(), record.problems());
        assertContains(record.detail(), "printed '1' and more, none of it protocol");
    }

    @Test
    void aProgramThatEchoesItsInputIsPlain() throws Exception {
        PluginRecord record = probe(shell("exec cat"));

        assertEquals(Kind.PLAIN, record.kind());
        assertEquals(List.of(), record.problems());
        assertContains(record.detail(), "echo");
    }

    @Test
    void noCommonVersionNamesBothSidesVersions() throws Exception {
        PluginRecord record = probe(python("""
                send({"jsonrpc": "2.0", "id": request["id"], "error": {"code": -32000,
                      "message": "unsupported protocol version", "data": {"offered": [1], "supported": [2]}}})"""));

        assertEquals("it speaks protocol versions [2]; jig speaks [1]", onlyProblem(record));
    }

    @Test
    void noCommonVersionWithoutDataStillSaysWhat() throws Exception {
        PluginRecord record = probe(python("""
                send({"jsonrpc": "2.0", "id": request["id"], "error": {"code": -32000, "message": "no"}})"""));

        assertContains(onlyProblem(record), "protocol versions", "jig speaks [1]");
    }

    @Test
    void anotherErrorIsReportedWithItsCodeAndMessage() throws Exception {
        PluginRecord record = probe(python("""
                send({"jsonrpc": "2.0", "id": request["id"], "error": {"code": -32603, "message": "boom"}})"""));

        assertEquals("answered initialize with error -32603: boom", onlyProblem(record));
    }

    @Test
    void aBannerBeforeAValidReplyIsAProblemQuotingIt() throws Exception {
        PluginRecord record = probe(python("""
                print("Welcome to greet 1.2!", flush=True)
                reply({"protocolVersion": 1, "plugin": METADATA})"""));

        assertContains(onlyProblem(record), "'Welcome to greet 1.2!'", "stderr");
    }

    @Test
    void theWrongIdIsAProblemMentioningIt() throws Exception {
        PluginRecord record = probe(python("""
                send({"jsonrpc": "2.0", "id": 7, "result": {"protocolVersion": 1, "plugin": METADATA}})"""));

        assertContains(onlyProblem(record), "id 7", "expected 1");
    }

    @Test
    void theIdMustKeepItsType() throws Exception {
        PluginRecord record = probe(python("""
                send({"jsonrpc": "2.0", "id": "1", "result": {"protocolVersion": 1, "plugin": METADATA}})"""));

        assertContains(onlyProblem(record), "id \"1\"");
    }

    @Test
    void aMalformedResultIsAProblem() throws Exception {
        PluginRecord record = probe(python("""
                reply({"protocolVersion": "first", "plugin": METADATA})"""));

        assertContains(onlyProblem(record), "malformed result");
    }

    @Test
    void aResultThatIsNotAnObjectIsAProblem() throws Exception {
        PluginRecord record = probe(python("reply([1, 2, 3])"));

        assertContains(onlyProblem(record), "malformed result");
    }

    @Test
    void aResultWithoutMetadataIsAProblem() throws Exception {
        PluginRecord record = probe(python("reply({\"protocolVersion\": 1})"));

        assertContains(onlyProblem(record), "without its metadata");
    }

    @Test
    void aVersionThatWasNotOfferedIsAProblem() throws Exception {
        PluginRecord record = probe(python("reply({\"protocolVersion\": 2, \"plugin\": METADATA})"));

        assertContains(onlyProblem(record), "picked protocol version 2", "offered [1]");
    }

    @Test
    void aPluginThatCannotBeStartedIsReportedToTheCaller() {
        Path plugin = Scripts.executable(tmp, "jig-greet", "#!/nonexistent/interpreter\n");

        IOException failure = assertThrows(IOException.class, () -> probe(plugin));

        assertContains(failure.getMessage(), "No such file or directory");
    }

    @Test
    void silenceIsPlainAndTheWholeTreeIsKilled() throws Exception {
        String marker = Scripts.sleepMarker();
        Path plugin = shell("sleep " + marker + " &\nsleep " + marker);
        AtomicBoolean seen = new AtomicBoolean();
        Thread watcher = new Thread(() -> {
            while (!seen.get() && !Thread.currentThread().isInterrupted()) {
                if (Scripts.processesMentioning(marker).size() >= 2) {
                    seen.set(true);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            watcher.start();
            long start = System.nanoTime();

            PluginRecord record = probe(plugin);

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            watcher.interrupt();
            watcher.join();
            assertEquals(Kind.PLAIN, record.kind());
            assertContains(record.detail(), "did not answer within 2 s");
            assertTrue(took.compareTo(TIMEOUT) >= 0, "gave up early: " + took);
            assertTrue(took.compareTo(TIMEOUT.plusMillis(1500)) < 0, "took " + took);
            assertTrue(seen.get(), "both sleepers should have been running during the probe");
            assertEquals(List.of(), Scripts.survivorsMentioning(marker, Duration.ofSeconds(1)));
        } finally {
            watcher.interrupt();
            Scripts.killProcessesMentioning(marker);
        }
    }

    @Test
    void aStderrFloodDoesNotBlockTheAnswer() throws Exception {
        PluginRecord record = probe(python("""
                sys.stderr.write("x" * 1000000)
                sys.stderr.flush()
                reply({"protocolVersion": 1, "plugin": METADATA})"""));

        assertEquals(List.of(), record.problems(), record.toString());
    }

    @Test
    void theProbeRunsInTheGivenDirectory() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path plugin = python("""
                import os
                open("cwd.txt", "w").write(os.getcwd())
                reply({"protocolVersion": 1, "plugin": METADATA})""");

        PluginRecord record = probe.probe(List.of(plugin.toString()), "greet", System.getenv(), work, TIMEOUT);

        assertEquals(List.of(), record.problems());
        assertEquals(work.toRealPath().toString(), Files.readString(work.resolve("cwd.txt")));
    }
}
