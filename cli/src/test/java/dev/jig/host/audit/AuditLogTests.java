package dev.jig.host.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.host.CliIdentity;
import dev.jig.host.HostSettings;
import dev.jig.host.discovery.CommandPath;
import dev.jig.host.discovery.Origin;
import dev.jig.host.discovery.PluginDir;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.metadata.Digests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private AuditLog log(long maxBytes) {
        return new AuditLog(tmp.resolve("state/audit.jsonl"), maxBytes, new Digests(Optional.empty()), warnings::add);
    }

    private static AuditRecord record(String plugin, int exit) {
        return new AuditRecord(Instant.parse("2026-11-25T10:00:00Z"), plugin, "/p/jig-" + plugin, null, AuditRecord.RUN,
                null, "trusted", "none", exit, 12, 2);
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    @Test
    void appendsOneJsonLinePerRecordInAPrivateFile() throws IOException {
        AuditLog log = log(AuditLog.DEFAULT_MAX_BYTES);
        log.append(record("greet", 0));
        log.append(record("deploy", 3));

        List<JsonNode> lines = lines(log.file());
        assertEquals(2, lines.size());
        JsonNode first = lines.get(0);
        assertEquals("2026-11-25T10:00:00Z", first.get("time").asText());
        assertEquals("greet", first.get("plugin").asText());
        assertEquals("run", first.get("mode").asText());
        assertEquals("trusted", first.get("trust").asText());
        assertEquals("none", first.get("sandbox").asText());
        assertEquals(0, first.get("exitCode").asInt());
        assertEquals(12, first.get("durationMs").asLong());
        assertEquals(2, first.get("argCount").asInt());
        assertFalse(first.has("sha256"), "null members are left out: " + first);
        assertFalse(first.has("event"));
        assertEquals(3, lines.get(1).get("exitCode").asInt());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log.file())));
        assertTrue(warnings.isEmpty(), warnings::toString);
    }

    @Test
    void escapesWhatJsonNeedsEscaped() throws IOException {
        AuditLog log = log(AuditLog.DEFAULT_MAX_BYTES);
        String odd = "a\"b\\c\nd\te\u0001f\u2028g\uD83D\uDE00h";
        log.append(new AuditRecord(Instant.EPOCH, odd, "/x/" + odd, null, AuditRecord.HOOK, "prerun", "local", "none",
                null, 0, 0));

        List<String> raw = Files.readAllLines(log.file());
        assertEquals(1, raw.size(), "one physical line");
        JsonNode node = JSON.readTree(raw.get(0));
        assertEquals(odd, node.get("plugin").asText());
        assertEquals("prerun", node.get("event").asText());
        assertFalse(node.has("exitCode"), "an unknown exit code is left out");
    }

    @Test
    void rotatesPastTheBoundKeepingThreeFiles() throws IOException {
        AuditLog log = log(400);
        for (int i = 0; i < 100; i++) {
            log.append(record("p" + i, i));
        }

        List<Path> files = AuditLog.files(log.file());
        assertEquals(1 + AuditLog.KEEP, files.size(), files::toString);
        assertEquals(log.file(), files.get(files.size() - 1), "the live log comes last");
        assertFalse(Files.exists(log.file().resolveSibling("audit.jsonl.4")));
        List<Integer> exits = new ArrayList<>();
        for (Path file : files) {
            assertTrue(Files.size(file) <= 400, file + " is " + Files.size(file) + " bytes");
            lines(file).forEach(node -> exits.add(node.get("exitCode").asInt()));
        }
        assertEquals(99, exits.get(exits.size() - 1), "the newest record is last");
        for (int i = 1; i < exits.size(); i++) {
            assertEquals(exits.get(i - 1) + 1, exits.get(i), "oldest first, none missing between: " + exits);
        }
    }

    @Test
    void concurrentWritersLeaveOnlyWholeLines() throws Exception {
        AuditLog log = log(AuditLog.DEFAULT_MAX_BYTES);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    log.append(record("writer-" + id + "-" + "x".repeat(200), i));
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(1000, lines(log.file()).size());
        assertTrue(warnings.isEmpty(), warnings::toString);
    }

    @Test
    void aLogThatCannotBeWrittenWarnsOnceAndNeverThrows() throws IOException {
        Path blocked = Files.writeString(tmp.resolve("state"), "a file where the directory should be");
        AuditLog log = new AuditLog(blocked.resolve("audit.jsonl"), 1000, new Digests(Optional.empty()), warnings::add);

        log.append(record("greet", 0));
        log.append(record("greet", 0));

        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).startsWith("warning: cannot write the audit log "), warnings.get(0));
    }

    @Test
    void recordsAPluginWithItsDigestAndTrust() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        Path file = Files.writeString(dir.resolve("jig-greet"), "#!/bin/sh\necho hi\n");
        AuditLog log = log(AuditLog.DEFAULT_MAX_BYTES);
        log.trustDecidedBy(plugin -> plugin.dir().origin() == Origin.LOCAL ? "recorded" : "source");
        log.record(new PluginFile(CommandPath.of("greet"), file, new PluginDir(dir, Origin.LOCAL), PluginFile.Form.EXECUTABLE),
                AuditRecord.RUN, null, Instant.now(), Duration.ofMillis(5), 0, 3);

        JsonNode node = lines(log.file()).get(0);
        assertEquals(Digests.compute(file), node.get("sha256").asText());
        assertEquals("recorded", node.get("trust").asText());
        assertEquals(file.toString(), node.get("path").asText());
        assertEquals(3, node.get("argCount").asInt());
    }

    @Test
    void theLogLivesInTheStateDirectoryOfTheCli() {
        CliIdentity acme = new CliIdentity("acme", "1.0.0", Optional.empty());
        Function<Map<String, String>, Optional<Path>> where = env ->
                AuditLog.location(new HostSettings(acme, Set.of(), env, tmp, Optional.empty()));
        assertEquals(Optional.of(Path.of("/state/acme/audit.jsonl")), where.apply(Map.of("XDG_STATE_HOME", "/state", "HOME", "/h")));
        assertEquals(Optional.of(Path.of("/h/.local/state/acme/audit.jsonl")),
                where.apply(Map.of("XDG_STATE_HOME", "relative", "HOME", "/h")), "a relative XDG_STATE_HOME is ignored");
        assertEquals(Optional.of(Path.of("/h/.local/state/acme/audit.jsonl")), where.apply(Map.of("XDG_STATE_HOME", "", "HOME", "/h")));
        assertEquals(Optional.empty(), where.apply(Map.of("HOME", "h")));
    }
}
