package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/install.sh} with the archive the build made: install into a fresh prefix, run
 * jig and a plugin from there with a {@code PATH} of that prefix and the system directories,
 * upgrade, uninstall, and find nothing left.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class InstallIT {

    private static final Path ARCHIVE = Path.of(System.getProperty("jig.dist", "target/jig-0.1.0.tar.gz")).toAbsolutePath();
    private static final Path INSTALL = Path.of(System.getProperty("jig.install", "../scripts/install.sh")).toAbsolutePath();

    @TempDir
    Path root;

    private Sandbox sandbox;
    private Path prefix;

    @BeforeEach
    void setUp() throws IOException {
        sandbox = new Sandbox(root);
        prefix = root.resolve("prefix");
        sandbox.env.put("PATH", prefix.resolve("bin") + ":/usr/bin:/bin");
        Files.createDirectories(sandbox.userDir());
        Files.createSymbolicLink(sandbox.userDir().resolve("jig-hello"), Sandbox.SAMPLES.resolve("bash/jig-hello"));
    }

    private Sandbox.Result install(String... args) {
        List<String> command = new ArrayList<>(List.of("sh", INSTALL.toString(), "--prefix", prefix.toString()));
        command.addAll(List.of(args));
        return sandbox.run(command, new byte[0]);
    }

    private Sandbox.Result installed(String... args) {
        // Found through the PATH the child sees, not the one the tests run with.
        List<String> command = new ArrayList<>(List.of("sh", "-c", "exec jig \"$@\"", "sh"));
        command.addAll(List.of(args));
        return sandbox.run(command, new byte[0]);
    }

    @Test
    void installsRunsUpgradesAndUninstallsLeavingNothing() throws IOException {
        assertTrue(Files.isRegularFile(ARCHIVE), "no archive at " + ARCHIVE + ": the package phase builds it");
        Sandbox.Result first = install("--archive", ARCHIVE.toString());
        assertEquals(0, first.exitCode(), first::toString);

        Sandbox.Result version = installed("--version");
        assertEquals(0, version.exitCode(), version::toString);
        assertTrue(version.stdout().startsWith("jig version "), version::toString);
        Sandbox.Result hello = installed("hello", "Ada");
        assertEquals(0, hello.exitCode(), hello::toString);
        assertTrue(hello.stdout().contains("Ada"), hello::toString);
        for (String file : List.of("share/bash-completion/completions/jig", "share/zsh/site-functions/_jig",
                "share/fish/vendor_completions.d/jig.fish")) {
            assertTrue(Files.isRegularFile(prefix.resolve(file)), file);
        }
        // The installed bash script, loaded by bash, completes the plugin through the installed jig.
        Sandbox.Result completed = sandbox.run(List.of("bash", "--norc", "--noprofile", "-c",
                "source " + prefix.resolve("share/bash-completion/completions/jig")
                        + "; COMP_WORDS=(jig hell); COMP_CWORD=1; _jig_complete; printf '%s\\n' \"${COMPREPLY[@]}\""),
                new byte[0]);
        assertEquals("hello\n", completed.stdout(), completed::toString);

        Path upgrade = upgradedArchive();
        Sandbox.Result second = install("--archive", upgrade.toString());
        assertEquals(0, second.exitCode(), second::toString);
        assertTrue(Files.readString(prefix.resolve("lib/jig/README.md")).contains("upgraded"), "not upgraded");
        assertEquals(0, installed("--version").exitCode());
        assertEquals(0, installed("hello").exitCode());

        Sandbox.Result removed = install("--uninstall");
        assertEquals(0, removed.exitCode(), removed::toString);
        assertFalse(Files.exists(prefix), () -> "left behind: " + listing(prefix));
    }

    @Test
    void uninstallKeepsWhatWasThereBefore() throws IOException {
        Path mine = Sandbox.write(prefix.resolve("bin/mine"), "mine");
        Sandbox.write(prefix.resolve("share/zsh/site-functions/_other"), "other");
        assertEquals(0, install("--archive", ARCHIVE.toString()).exitCode());
        assertEquals(0, installed("--version").exitCode());
        assertEquals(0, install("--uninstall").exitCode());
        assertEquals(List.of("bin", "share"), Sandbox.fileNames(prefix));
        assertEquals(List.of("mine"), Sandbox.fileNames(mine.getParent()));
        assertEquals(List.of("_other"), Sandbox.fileNames(prefix.resolve("share/zsh/site-functions")));
        assertEquals(List.of("zsh"), Sandbox.fileNames(prefix.resolve("share")));
    }

    @Test
    void refusesBadInputWithOneLine() throws IOException {
        Path notAnArchive = Sandbox.write(root.resolve("x.tar.gz"), "not gzip");
        Sandbox.Result bad = install("--archive", notAnArchive.toString());
        assertEquals(1, bad.exitCode(), bad::toString);
        assertTrue(bad.stderr().startsWith("install.sh: cannot unpack"), bad::toString);
        Sandbox.Result nothing = install("--uninstall");
        assertEquals(1, nothing.exitCode(), nothing::toString);
        assertTrue(nothing.stderr().startsWith("install.sh: nothing to uninstall"), nothing::toString);
        Sandbox.write(prefix.resolve("bin/jig"), "someone else's");
        Sandbox.Result taken = install("--archive", ARCHIVE.toString());
        assertEquals(1, taken.exitCode(), taken::toString);
        assertTrue(taken.stderr().contains("was not installed by this script"), taken::toString);
    }

    /** The build's archive as version 9.9.9, its README marked. */
    private Path upgradedArchive() throws IOException {
        Path work = Files.createDirectories(root.resolve("repack"));
        assertEquals(0, sandbox.run(List.of("tar", "-xzf", ARCHIVE.toString(), "-C", work.toString()), new byte[0]).exitCode());
        Path top;
        try (Stream<Path> entries = Files.list(work)) {
            top = entries.findFirst().orElseThrow();
        }
        Path renamed = Files.move(top, work.resolve("jig-9.9.9"));
        Files.writeString(renamed.resolve("README.md"), "upgraded\n");
        Path archive = root.resolve("jig-9.9.9.tar.gz");
        assertEquals(0, sandbox.run(List.of("tar", "-czf", archive.toString(), "-C", work.toString(), "jig-9.9.9"),
                new byte[0]).exitCode());
        return archive;
    }

    private static String listing(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(Path::toString).toList().toString();
        } catch (IOException e) {
            return e.toString();
        }
    }
}
