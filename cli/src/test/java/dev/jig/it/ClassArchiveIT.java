package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data archive: trained in the background for an installed layout, used
 * when it matches, and never a source of output, even when the jar is swapped for one with an
 * older timestamp (as a package manager or {@code cp -p} does).
 */
class ClassArchiveIT {

    @TempDir
    Path root;

    @Test
    void anArchiveIsTrainedUsedAndNeverHeard() throws Exception {
        Sandbox sandbox = new Sandbox(root);
        Path bin = Sandbox.mkdirs(root.resolve("install/bin"));
        Path lib = Sandbox.mkdirs(root.resolve("install/lib"));
        Path launcher = Files.copy(Sandbox.LAUNCHER, bin.resolve("jig"));
        Path jar = lib.resolve("jig.jar");
        Files.copy(Sandbox.LAUNCHER.resolveSibling("../cli/target/jig.jar").normalize(), jar);
        String version = "jig version " + System.getProperty("jig.version") + "\n";

        Sandbox.Result first = sandbox.run(List.of(launcher.toString(), "--version"), new byte[0]);
        assertEquals(version, first.stdout());
        assertEquals("", first.stderr());
        Path archive = awaitArchive(lib);
        assertTrue(archive.getFileName().toString().startsWith("jig-"), archive::toString);

        Sandbox.Result shared = sandbox.run(List.of(launcher.toString(), "--version"), new byte[0]);
        assertEquals(version, shared.stdout());
        assertEquals("", shared.stderr());

        // The same jar again, as another file with an older timestamp: the archive made for the old
        // one must not be used (the JVM would print a warning), and nothing may be printed at all.
        Path copy = root.resolve("jig.jar.new");
        Files.copy(jar, copy);
        Files.setLastModifiedTime(copy, FileTime.from(Instant.now().minusSeconds(3600)));
        Files.move(copy, jar, StandardCopyOption.REPLACE_EXISTING);
        for (int i = 0; i < 2; i++) {
            Sandbox.Result swapped = sandbox.run(List.of(launcher.toString(), "--version"), new byte[0]);
            assertEquals(version, swapped.stdout());
            assertEquals("", swapped.stderr());
        }
        // The new jar is trained for in the background too: let it finish before the directory goes.
        awaitNoTraining(lib);
    }

    /** Waits until no training run holds its lock or its scratch files in {@code lib}. */
    private static void awaitNoTraining(Path lib) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(lib)) {
                if (files.map(f -> f.getFileName().toString()).noneMatch(n -> n.matches(".*\\.(lock|world|tmp)"))) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("a class archive training run in " + lib + " did not finish within 60 s");
    }

    /** Waits for the background training to leave an archive next to the jar. */
    private static Path awaitArchive(Path lib) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(lib)) {
                List<Path> archives = files.filter(f -> f.getFileName().toString().matches("jig-.*\\.(jsa|aot)")).toList();
                if (!archives.isEmpty() && !Files.exists(lib.resolve(lockName(lib)))) {
                    return archives.get(0);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no class archive was trained in " + lib);
    }

    private static String lockName(Path lib) throws Exception {
        try (Stream<Path> files = Files.list(lib)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".lock")).findFirst().orElse("none.lock");
        }
    }
}
