package dev.jig.host.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceLogTests {

    private static final Pattern LINE = Pattern.compile("acme trace \\+\\d+\\.\\dms [a-z-]+: .*");

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);

    private Tracer open(Optional<String> value, boolean flag) {
        return TraceLog.open("acme", "ACME_TRACE", value, flag, stderr, () -> Duration.ofMillis(40));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLineHasTheCliTheTimeTheStepAndTheDetail() {
        assertEquals("acme trace +12.3ms candidate: acme-a-b: not found\n",
                TraceLog.format("acme", 12_345_678, "candidate", "acme-a-b: not found"));
        assertEquals("acme trace +0.0ms probe: one\\ntwo\\r\n", TraceLog.format("acme", 0, "probe", "one\ntwo\r"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0"})
    void offUnlessAsked(String value) {
        assertSame(Tracer.OFF, open(Optional.of(value), false));
        assertSame(Tracer.OFF, open(Optional.empty(), false));
    }

    @Test
    void offBuildsNoText() {
        AtomicBoolean built = new AtomicBoolean();
        Tracer.OFF.step("exec", () -> {
            built.set(true);
            return "x";
        });
        assertFalse(built.get());
        assertFalse(Tracer.OFF.enabled());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "true", "stderr please"})
    void anythingButAPathTracesToStderr(String value) {
        Tracer tracer = open(Optional.of(value), false);
        tracer.step("start", "acme 1.0");
        String line = stderr();
        assertTrue(LINE.matcher(line.strip()).matches(), line);
        // the invocation had run 40 ms when the log was made
        double ms = Double.parseDouble(line.substring("acme trace +".length(), line.indexOf("ms ")));
        assertTrue(ms >= 40, line);
    }

    @Test
    void theOptionAloneTracesToStderr() {
        open(Optional.empty(), true).step("start", "x");
        assertTrue(stderr().startsWith("acme trace +"), stderr());
        err.reset();
        open(Optional.of("0"), true).step("start", "x");
        assertTrue(stderr().startsWith("acme trace +"), stderr());
    }

    @Test
    void anAbsolutePathIsAppendedTo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trace.log");
        Files.writeString(file, "earlier\n");
        Tracer tracer = open(Optional.of(file.toString()), false);
        tracer.step("start", "one");
        tracer.step("exit", () -> "status 0");
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size(), lines::toString);
        assertEquals("earlier", lines.get(0));
        assertTrue(LINE.matcher(lines.get(1)).matches() && lines.get(1).endsWith("start: one"), lines::toString);
        assertTrue(lines.get(2).endsWith("exit: status 0"), lines::toString);
        assertEquals("", stderr());
    }

    @Test
    void aFileThatCannotBeOpenedIsOneWarningThenStderr(@TempDir Path dir) {
        Path file = dir.resolve("no such dir").resolve("trace.log");
        open(Optional.of(file.toString()), false).step("start", "one");
        List<String> lines = stderr().lines().toList();
        assertEquals(2, lines.size(), stderr());
        assertTrue(lines.get(0).startsWith("acme: cannot open the trace file " + file + " (ACME_TRACE): "), lines.get(0));
        assertTrue(lines.get(0).endsWith("; tracing to stderr instead"), lines.get(0));
        assertTrue(LINE.matcher(lines.get(1)).matches(), lines.get(1));
    }
}
