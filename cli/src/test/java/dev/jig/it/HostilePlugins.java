package dev.jig.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jig.host.testing.Scripts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * The hostile plugins of {@code src/test/resources/hostile/}: one file per language, each
 * holding several behaviours, picked by the name it is installed under ({@code jig-garbage}).
 * In protocol mode a plugin answers like a good one until the request that {@code HOSTILE_AT}
 * names ({@code initialize} or {@code hook}), where it misbehaves; it lists hooks only when
 * {@code HOSTILE_HOOKS} is set. In run mode it prints {@code <name> ran}.
 */
final class HostilePlugins {

    /** The languages the behaviours are written in. */
    enum Language {
        SH("hostile.sh", "sh"),
        PYTHON("hostile.py", "python3"),
        NODE("hostile.js", "node"),
        C("hostile.c", "cc");

        final String source;
        final String tool;

        Language(String source, String tool) {
            this.source = source;
            this.tool = tool;
        }
    }

    private static final Path SOURCES = sources();

    private HostilePlugins() {
    }

    /**
     * Installs behaviour {@code name}, written in {@code language}, as {@code dir/jig-<name>}:
     * scripts with the absolute path of their interpreter (a test's {@code PATH} may not hold it),
     * C compiled into {@code work} once. Aborts the test when the language's tool is missing.
     */
    static Path install(Path dir, String name, Language language, Path work) {
        assumeTrue(Sandbox.onPath(language.tool), language.tool + " is not on PATH");
        Path plugin = dir.resolve("jig-" + name);
        try {
            Files.createDirectories(dir);
            switch (language) {
                case SH -> Files.copy(SOURCES.resolve(language.source), plugin);
                case PYTHON -> withInterpreter(language, Scripts.python(), plugin);
                case NODE -> withInterpreter(language, which("node"), plugin);
                case C -> Files.copy(compiled(work), plugin);
            }
            Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwxr-xr-x"));
            return plugin;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void withInterpreter(Language language, String interpreter, Path plugin) throws IOException {
        String text = Files.readString(SOURCES.resolve(language.source), StandardCharsets.UTF_8);
        Files.writeString(plugin, "#!" + interpreter + text.substring(text.indexOf('\n')), StandardCharsets.UTF_8);
    }

    private static synchronized Path compiled(Path work) throws IOException {
        Path binary = work.resolve("hostile-c");
        if (!Files.exists(binary)) {
            run(work, "cc", "-std=c11", "-O2", "-o", binary.toString(), SOURCES.resolve(Language.C.source).toString());
        }
        return binary;
    }

    private static String which(String program) throws IOException {
        return run(Path.of("."), "sh", "-c", "command -v " + program).strip();
    }

    private static String run(Path dir, String... command) throws IOException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out;
    }

    private static Path sources() {
        try {
            return Path.of(HostilePlugins.class.getResource("/hostile/hostile.sh").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
