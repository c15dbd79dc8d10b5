package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fifty invocations of the real launcher at once, on a cold cache: plugin runs, {@code config set}
 * of fifty different keys and listings, every one of them with a {@code prerun} and a
 * {@code postrun} hook and the audit log on. Every run must be right, and every file whole.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ConcurrencyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RUNS = 50;

    @TempDir
    Path root;

    /** One invocation: its words, and the files its output went to. */
    private record Started(int index, List<String> words, Process process, Path out, Path err) {
        String stdout() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }

        String stderr() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }
    }

    @Test
    void fiftyColdInvocationsAtOnceAreEachRightAndLeaveEveryFileWhole() throws Exception {
        Sandbox sandbox = new Sandbox(root);
        sandbox.env.put("PATH", sandbox.bin + ":/usr/bin:/bin");
        sandbox.env.put("JIG_NO_CDS", "1");
        // Fifty JVMs and fifty Python hook sessions on two cores can take longer than the default
        // 5 s to answer initialize; this test is about whole files and right answers, not speed.
        Sandbox.write(root.resolve("config/jig/config.toml"),
                "[core]\nhook_timeout_ms = 120000\n\n[security]\naudit = true\n\n[plugins.watch]\ncall_timeout_ms = 120000\n");
        Sandbox.executable(sandbox.bin.resolve("jig-echo"), "#!/bin/sh\n[ \"$1\" = --jig-protocol ] && exit 0\necho \"echo $*\"\n");
        Path hookLog = root.resolve("watch.log");
        new HookPlugins.Spec("watch", hookLog).hooks("prerun", "postrun")
                .on("prerun", HookPlugins.CONTINUE).writeTo(sandbox.bin);

        List<Started> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(start(sandbox, i, words(i)));
        }
        for (Started run : runs) {
            assertTrue(run.process().waitFor(240, TimeUnit.SECONDS), "jig " + run.words() + " did not end");
        }

        // Every run right.
        String listing = null;
        for (Started run : runs) {
            String what = "jig " + String.join(" ", run.words()) + ": exit " + run.process().exitValue()
                    + "\n--- stdout\n" + run.stdout() + "--- stderr\n" + run.stderr();
            assertEquals(0, run.process().exitValue(), what);
            assertEquals("", run.stderr(), what);
            switch (run.index() % 5) {
                case 0, 1 -> assertEquals("echo " + run.index() + "\n", run.stdout(), what);
                case 2, 3 -> assertEquals("", run.stdout(), what);
                default -> {
                    String plugins = summary(JSON.readTree(run.stdout()));
                    assertEquals("echo plain -; watch protocol 1.0.0", plugins, what);
                    listing = run.stdout();
                }
            }
        }

        // Each invocation's hooks, once each (read before any other run adds its own).
        List<JsonNode> prerun = HookPlugins.params(hookLog, "prerun");
        List<JsonNode> postrun = HookPlugins.params(hookLog, "postrun");
        assertEquals(RUNS, prerun.size(), "one prerun per invocation");
        assertEquals(RUNS, postrun.size(), "one postrun per invocation");
        assertEquals(invocations(runs), prerun.stream().map(ConcurrencyIT::invocation).sorted().toList());
        assertEquals(invocations(runs), postrun.stream().map(ConcurrencyIT::invocation).sorted().toList());

        // The audit log: whole JSON lines, one per execution.
        List<JsonNode> audit = auditRecords(root.resolve("home/.local/state/jig"));
        assertEquals(20, count(audit, "echo", "run"), "one run record per plugin run");
        assertEquals(RUNS, count(audit, "watch", "hook"), "one hook record per session");
        assertTrue(count(audit, "watch", "probe") >= 1 && count(audit, "echo", "probe") >= 1, "the cold cache was probed");

        // The configuration holds every key that was set, and still parses.
        Sandbox.Result config = sandbox.jig("config", "get", "plugins.echo", "--json");
        assertEquals(0, config.exitCode(), config::toString);
        Map<String, Integer> expected = new TreeMap<>();
        for (int i = 0; i < RUNS; i++) {
            if (i % 5 == 2 || i % 5 == 3) {
                expected.put("k" + i, i);
            }
        }
        Map<String, Integer> got = new TreeMap<>();
        JSON.readTree(config.stdout()).fields().forEachRemaining(e -> got.put(e.getKey(), e.getValue().asInt()));
        assertEquals(expected, got, "no config set lost another's key");

        // The cache and the settings are whole: the next run reads the same plugins, and no
        // temporary file is left anywhere.
        Sandbox.Result again = sandbox.jig("plugins", "list", "--json");
        assertEquals(0, again.exitCode(), again::toString);
        assertEquals(summary(JSON.readTree(listing)), summary(JSON.readTree(again.stdout())));
        try (Stream<Path> files = Files.walk(root)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    /** Run {@code i}: a plugin run, a {@code config set} of its own key, or a listing. */
    private static List<String> words(int i) {
        return switch (i % 5) {
            case 0, 1 -> List.of("echo", Integer.toString(i));
            case 2, 3 -> List.of("config", "set", "plugins.echo.k" + i, Integer.toString(i));
            default -> List.of("plugins", "list", "--json");
        };
    }

    private Started start(Sandbox sandbox, int index, List<String> words) throws IOException {
        Path out = root.resolve("out-" + index);
        Path err = root.resolve("err-" + index);
        Process process = sandbox.builder(sandbox.command(words.toArray(String[]::new)))
                .redirectInput(new File("/dev/null"))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        return new Started(index, words, process, out, err);
    }

    /** Each plugin as {@code name kind version}, in order. */
    private static String summary(JsonNode list) {
        List<String> plugins = new ArrayList<>();
        for (JsonNode plugin : list.get("plugins")) {
            plugins.add(plugin.get("name").asText() + " " + plugin.get("kind").asText() + " "
                    + plugin.path("version").asText("-"));
        }
        return String.join("; ", plugins);
    }

    private static List<String> invocations(List<Started> runs) {
        return runs.stream().map(run -> String.join(" ", run.words())).sorted().toList();
    }

    /** A hook's params as the command line that fired it. */
    private static String invocation(JsonNode params) {
        List<String> words = new ArrayList<>();
        params.get("command").forEach(word -> words.add(word.asText()));
        params.get("args").forEach(word -> words.add(word.asText()));
        return String.join(" ", words);
    }

    /** Every line of the log and its rotated files, each of which must be a whole JSON object. */
    private static List<JsonNode> auditRecords(Path dir) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("audit\\.jsonl(\\.\\d)?")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    JsonNode record = JSON.readTree(line);
                    assertTrue(record.isObject() && record.has("mode") && record.has("plugin"), file + ": " + line);
                    records.add(record);
                }
            }
        }
        return records;
    }

    private static long count(List<JsonNode> records, String plugin, String mode) {
        return records.stream()
                .filter(r -> r.get("plugin").asText().equals(plugin) && r.get("mode").asText().equals(mode))
                .count();
    }
}
