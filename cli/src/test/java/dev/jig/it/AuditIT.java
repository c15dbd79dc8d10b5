package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The audit log through the real launcher: what each kind of plugin execution leaves in it, and reading it back. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AuditIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A plain plugin: ignores the protocol argument, prints its arguments, exits 3. */
    private static final String TARGET = """
            #!/bin/sh
            [ "$1" = --jig-protocol ] && exit 0
            echo "target $*"
            exit 3
            """;

    @TempDir
    Path root;

    private Sandbox sandbox;
    private Path target;

    @BeforeEach
    void sandbox() {
        sandbox = new Sandbox(root);
        sandbox.env.put("PATH", sandbox.bin + ":/usr/bin:/bin");
        sandbox.env.put("JIG_CONFIG_SECURITY__AUDIT", "true");
        target = Sandbox.executable(sandbox.bin.resolve("jig-target"), TARGET);
    }

    /** {@code ~/.local/state/jig/audit.jsonl}: the sandbox sets no {@code XDG_STATE_HOME}. */
    private Path auditLog() {
        return sandbox.home.resolve(".local/state/jig/audit.jsonl");
    }

    private static List<JsonNode> records(Path file) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    private List<JsonNode> records(String mode) throws IOException {
        return records(auditLog()).stream().filter(r -> r.get("mode").asText().equals(mode)).toList();
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void aRunIsLoggedWithItsExitCodeAndDurationButNoArgumentValues() throws Exception {
        Sandbox.Result result = sandbox.jig("target", "--token", "s3cr3t-value");

        assertEquals(3, result.exitCode(), result::toString);
        assertEquals("target --token s3cr3t-value\n", result.stdout());
        List<JsonNode> runs = records("run");
        assertEquals(1, runs.size(), runs::toString);
        JsonNode run = runs.get(0);
        assertEquals("target", run.get("plugin").asText());
        assertEquals(target.toString(), run.get("path").asText());
        assertEquals(sha256(target), run.get("sha256").asText());
        assertEquals("source", run.get("trust").asText(), "trusted because its directory is");
        assertEquals("none", run.get("sandbox").asText());
        assertEquals(3, run.get("exitCode").asInt());
        assertEquals(2, run.get("argCount").asInt());
        assertTrue(run.get("durationMs").asLong() >= 0, run::toString);
        assertNotNull(java.time.Instant.parse(run.get("time").asText()));
        assertEquals(1, records("probe").size(), "first seen, it was probed: " + records(auditLog()));
        assertFalse(Files.readString(auditLog()).contains("s3cr3t"), "argument values are not logged");
        assertFalse(Files.exists(root.resolve("cache/jig/routes/target")), "no route while auditing");

        Sandbox.Result again = sandbox.jig("target");
        assertEquals(3, again.exitCode(), again::toString);
        assertEquals(2, records("run").size());
        assertEquals(1, records("probe").size(), "the cached record needs no probe");
    }

    @Test
    void aTrustedLocalPluginRunIsLoggedAsTrustedByRecord() throws IOException {
        Path local = Sandbox.executable(sandbox.localDir().resolve("jig-here"), TARGET);
        assertEquals(126, sandbox.jig("here").exitCode(), "./plugins is not trusted by default");
        assertEquals(0, sandbox.jig("plugins", "trust", "here").exitCode());

        Sandbox.Result result = sandbox.jig("here");

        assertEquals(3, result.exitCode(), result::toString);
        List<JsonNode> records = records(auditLog()).stream().filter(r -> r.get("plugin").asText().equals("here")).toList();
        assertEquals(List.of("probe", "run"), records.stream().map(r -> r.get("mode").asText()).toList(),
                "once trusted it is asked for metadata too; never before: " + records);
        for (JsonNode record : records) {
            assertEquals("recorded", record.get("trust").asText());
            assertEquals(local.toString(), record.get("path").asText());
        }
    }

    @Test
    void aProbeIsLogged() throws IOException {
        Sandbox.executable(sandbox.userDir().resolve("jig-greet"),
                ProtocolPlugins.withMetadata("greet", "\"description\": \"says hello\""));

        Sandbox.Result list = sandbox.jig("plugins", "list");

        assertEquals(0, list.exitCode(), list::toString);
        List<JsonNode> all = records("probe");
        List<JsonNode> probes = all.stream().filter(r -> r.get("plugin").asText().equals("greet")).toList();
        assertEquals(1, probes.size(), all::toString);
        assertEquals(0, probes.get(0).get("exitCode").asInt(), probes.get(0)::toString);
        assertEquals(1, probes.get(0).get("argCount").asInt(), "the protocol argument");
        assertEquals(sandbox.userDir().resolve("jig-greet").toString(), probes.get(0).get("path").asText());
        assertTrue(records("run").isEmpty());
    }

    @Test
    void aHookSessionIsLoggedWhenItEnds() throws IOException {
        new HookPlugins.Spec("watch", root.resolve("watch.jsonl")).hooks("prerun", "postrun")
                .writeTo(sandbox.userDir());

        Sandbox.Result result = sandbox.jig("version");

        assertEquals(0, result.exitCode(), result::toString);
        List<JsonNode> hooks = records("hook");
        List<JsonNode> all = records(auditLog());
        assertEquals(1, hooks.size(), all::toString);
        JsonNode hook = hooks.get(0);
        assertEquals("watch", hook.get("plugin").asText());
        assertEquals("prerun", hook.get("event").asText());
        assertEquals(0, hook.get("exitCode").asInt(), hook::toString);
        assertEquals(sandbox.userDir().resolve("jig-watch").toString(), hook.get("path").asText());
    }

    @Test
    void theLogRotatesAtItsBound() throws IOException {
        sandbox.env.put("JIG_CONFIG_SECURITY__AUDIT_MAX_BYTES", "700");
        for (int i = 0; i < 8; i++) {
            Sandbox.Result result = sandbox.jig("target", "a");
            assertEquals(3, result.exitCode(), result::toString);
        }

        List<Path> files;
        try (Stream<Path> listing = Files.list(auditLog().getParent())) {
            files = listing.filter(p -> p.getFileName().toString().matches("audit\\.jsonl(\\.\\d+)?")).sorted().toList();
        }
        assertEquals(List.of("audit.jsonl", "audit.jsonl.1", "audit.jsonl.2", "audit.jsonl.3"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        for (Path file : files) {
            assertTrue(Files.size(file) <= 700, file + ": " + Files.size(file));
            records(file).forEach(record -> assertTrue(record.has("mode"), record::toString));
        }

        Sandbox.Result audit = sandbox.jig("plugins", "audit", "--json");
        assertEquals(0, audit.exitCode(), audit::toString);
        List<JsonNode> shown = new ArrayList<>();
        for (String line : audit.stdout().lines().toList()) {
            shown.add(JSON.readTree(line));
        }
        assertEquals("run", shown.get(shown.size() - 1).get("mode").asText(), "newest last");
        for (int i = 1; i < shown.size(); i++) {
            assertTrue(shown.get(i - 1).get("time").asText().compareTo(shown.get(i).get("time").asText()) <= 0,
                    "oldest first: " + audit.stdout());
        }
    }

    @Test
    void concurrentRunsLeaveWholeLines() throws Exception {
        Sandbox.Result warm = sandbox.jig("target");
        assertEquals(3, warm.exitCode(), warm::toString);
        Files.delete(auditLog());

        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            processes.add(sandbox.builder(sandbox.command("target", "run-" + i))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(root.resolve("err-" + i).toFile()).start());
        }
        for (int i = 0; i < processes.size(); i++) {
            Process process = processes.get(i);
            assertTrue(process.waitFor(150, TimeUnit.SECONDS), "run " + i + " finished");
            assertEquals(3, process.exitValue(), Files.readString(root.resolve("err-" + i)));
        }

        List<String> lines = Files.readAllLines(auditLog(), StandardCharsets.UTF_8);
        assertEquals(20, lines.size(), String.join("\n", lines));
        for (String line : lines) {
            JsonNode record = JSON.readTree(line);
            assertEquals("run", record.get("mode").asText(), line);
            assertEquals(3, record.get("exitCode").asInt(), line);
        }
    }

    @Test
    void pluginsAuditFilters() throws IOException {
        Sandbox.executable(sandbox.bin.resolve("jig-other"), TARGET);
        assertEquals(3, sandbox.jig("target").exitCode());
        assertEquals(3, sandbox.jig("other", "x").exitCode());
        // An old record, written as the log writes them.
        Files.writeString(auditLog(), "{\"time\":\"2000-01-01T00:00:00Z\",\"plugin\":\"target\",\"path\":\"/old\","
                + "\"mode\":\"run\",\"trust\":\"trusted\",\"sandbox\":\"none\",\"exitCode\":0,\"durationMs\":1,\"argCount\":0}\n"
                + Files.readString(auditLog()));

        Sandbox.Result mine = sandbox.jig("plugins", "audit", "--plugin", "other", "--json");
        assertEquals(0, mine.exitCode(), mine::toString);
        List<String> lines = mine.stdout().lines().toList();
        assertEquals(2, lines.size(), "probe and run of 'other': " + mine);
        for (String line : lines) {
            assertEquals("other", JSON.readTree(line).get("plugin").asText());
        }

        Sandbox.Result all = sandbox.jig("plugins", "audit", "--plugin", "target", "--json");
        assertEquals(3, all.stdout().lines().count(), all::toString);
        Sandbox.Result recent = sandbox.jig("plugins", "audit", "--plugin", "target", "--since", "1h", "--json");
        assertEquals(2, recent.stdout().lines().count(), recent::toString);
        assertFalse(recent.stdout().contains("/old"), recent::toString);
        Sandbox.Result old = sandbox.jig("plugins", "audit", "--since", "1999-12-31T00:00:00Z", "--json");
        assertEquals(5, old.stdout().lines().count(), old::toString);
        Sandbox.Result future = sandbox.jig("plugins", "audit", "--since", "2999-01-01");
        assertEquals(0, future.exitCode(), future::toString);
        assertTrue(future.stdout().startsWith("No audit records match."), future::toString);

        Sandbox.Result table = sandbox.jig("plugins", "audit", "--plugin", "other");
        assertEquals(0, table.exitCode(), table::toString);
        List<String> rows = table.stdout().lines().toList();
        assertEquals(3, rows.size(), table::toString);
        assertTrue(rows.get(0).startsWith("TIME"), table::toString);
        assertTrue(rows.get(2).matches(".*\\brun\\s+other\\s+-\\s+3\\s+\\d+ ms\\s+source\\s*"), table::toString);

        Sandbox.Result bad = sandbox.jig("plugins", "audit", "--since", "yesterday");
        assertEquals(2, bad.exitCode(), bad::toString);
        assertTrue(bad.stderr().startsWith("jig: --since: 'yesterday' is neither"), bad::toString);
    }

    @Test
    void configSetTurnsAuditingOn() throws IOException {
        sandbox.env.remove("JIG_CONFIG_SECURITY__AUDIT");
        Sandbox.Result set = sandbox.jig("config", "set", "security.audit", "true");
        assertEquals(0, set.exitCode(), set::toString);
        Sandbox.Result typo = sandbox.jig("config", "set", "security.audti", "true");
        assertEquals(2, typo.exitCode(), typo::toString);

        assertEquals(3, sandbox.jig("target").exitCode());
        assertEquals(1, records("run").size());
    }

    @Test
    void auditingIsOffByDefault() {
        sandbox.env.remove("JIG_CONFIG_SECURITY__AUDIT");
        assertEquals(3, sandbox.jig("target").exitCode());
        assertFalse(Files.exists(auditLog()));
        Sandbox.Result audit = sandbox.jig("plugins", "audit");
        assertEquals(0, audit.exitCode(), audit::toString);
        assertTrue(audit.stdout().startsWith("No audit records. The log is " + auditLog()), audit::toString);
    }
}
