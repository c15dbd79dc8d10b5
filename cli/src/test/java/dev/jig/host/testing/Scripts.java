package dev.jig.host.testing;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Real plugin processes for tests: executable scripts written into a temporary directory, the
 * Python interpreter to run protocol plugins with, and a way to find (and wait out) the
 * processes a script started, by a marker in their command lines.
 */
public final class Scripts {

    private static volatile String python;

    private Scripts() {
    }

    /** Writes {@code dir/name} with mode 0755, creating {@code dir} as needed. */
    public static Path executable(Path dir, String name, String text) {
        try {
            Files.createDirectories(dir);
            Path file = Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The absolute path of a real {@code python3} interpreter (not a version-manager shim), for
     * {@code #!} lines; aborts the test when there is none.
     */
    public static String python() {
        if (python == null) {
            python = findPython();
        }
        if (python.isEmpty()) {
            abort("python3 is not available");
        }
        return python;
    }

    private static String findPython() {
        try {
            Process process = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)")
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0 || !Path.of(out).isAbsolute()) {
                return "";
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /**
     * A number no other process will have in its arguments, usable as a {@code sleep}
     * duration: {@code 1000.<digits>}.
     */
    public static String sleepMarker() {
        return "1000." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L)
                + ThreadLocalRandom.current().nextInt(100, 1000);
    }

    /** The live processes with {@code marker} in their command line. */
    public static List<ProcessHandle> processesMentioning(String marker) {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> commandLine(p).contains(marker))
                .toList();
    }

    /**
     * The processes with {@code marker} in their command line that are still there after
     * {@code patience}: a killed process needs a moment to go.
     */
    public static List<ProcessHandle> survivorsMentioning(String marker, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        List<ProcessHandle> alive = processesMentioning(marker);
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            alive = processesMentioning(marker);
        }
        return alive;
    }

    /** Kills whatever a test left behind, so a failing test does not leak processes. */
    public static void killProcessesMentioning(String marker) {
        processesMentioning(marker).forEach(ProcessHandle::destroyForcibly);
    }

    private static String commandLine(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        String line = info.commandLine().orElse("");
        String args = info.arguments().map(a -> String.join(" ", a)).orElse("");
        return line + " " + args;
    }
}
