package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Plugins made with {@code plugins new} and built as their README says, for any test that needs
 * one per language ({@link #LANGUAGES}). A language whose toolchain is missing is skipped with an
 * assumption naming the tool, never passed.
 */
final class Scaffolds {

    /** Every language {@code plugins new --lang} takes. */
    static final List<String> LANGUAGES = List.of("python", "node", "typescript", "rust", "bash", "java", "c");

    /** The programs each language needs on PATH to build and run; the JDK is the one running the tests. */
    private static final Map<String, List<String>> TOOLS = Map.of(
            "python", List.of("python3"),
            "node", List.of("node"),
            "typescript", List.of("node", "npm"),
            "rust", List.of("cargo"),
            "bash", List.of("bash"),
            "java", List.of(),
            "c", List.of("make", "cc"));

    /** How each compiled language is built in its plugin directory, with the network only for npm. */
    private static final Map<String, List<List<String>>> BUILDS = Map.of(
            "java", List.of(List.of(Sandbox.JAVA.resolveSibling("javac").toString(), "-d", "classes", "Main.java")),
            "typescript", List.of(List.of("npm", "install", "--no-audit", "--no-fund"), List.of("npm", "run", "build")),
            "rust", List.of(List.of("cargo", "build", "--release", "--offline")),
            "c", List.of(List.of("make")));

    private Scaffolds() {
    }

    /**
     * Runs {@code plugins new NAME --lang LANG --dir DIR} through the launcher of {@code sandbox},
     * then builds the plugin. Skips the test when a tool the language needs is missing.
     *
     * @return the plugin: its executable file or its directory
     */
    static Path make(Sandbox sandbox, String language, String name, Path dir) {
        for (String tool : TOOLS.get(language)) {
            assumeTrue(Sandbox.onPath(tool), language + " scaffold needs '" + tool + "' on PATH");
        }
        linkJava(sandbox);
        Sandbox.Result made = sandbox.jig("plugins", "new", name, "--lang", language, "--dir", dir.toString());
        assertEquals(0, made.exitCode(), made::toString);
        Path plugin = Files.isDirectory(dir.resolve(name)) ? dir.resolve(name) : dir.resolve("jig-" + name);
        for (List<String> step : BUILDS.getOrDefault(language, List.of())) {
            build(plugin, step);
        }
        return plugin;
    }

    /** Puts the JVM running the tests on the sandbox's PATH, for {@code java Main.java}. */
    private static void linkJava(Sandbox sandbox) {
        Path link = sandbox.bin.resolve("java");
        try {
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, Sandbox.JAVA);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs one build step with the real environment (toolchains such as rustup find their home
     * there), failing with its output.
     */
    private static void build(Path plugin, List<String> command) {
        try {
            Path log = Files.createTempFile("build", ".log");
            Process process = new ProcessBuilder(command).directory(plugin.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail("build step timed out: " + command);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " failed:\n" + output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
