package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The POSIX launcher finds Java and the jar, wherever it is called from. */
class LauncherIT {

    @TempDir
    Path root;

    private Sandbox sandbox;

    @BeforeEach
    void plugin() {
        sandbox = new Sandbox(root);
        Sandbox.executable(sandbox.bin.resolve("jig-bin"), "#!/bin/sh\necho \"$JIG_BIN\"\n");
    }

    @Test
    void worksThroughASymlinkChain() throws Exception {
        Path local = Sandbox.mkdirs(root.resolve("home/.local/bin"));
        Path hop = Files.createSymbolicLink(root.resolve("hop"), Sandbox.LAUNCHER);
        Path link = Files.createSymbolicLink(local.resolve("jig"), local.relativize(hop));

        Sandbox.Result result = sandbox.run(List.of(link.toString(), "bin"), new byte[0]);

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(Sandbox.LAUNCHER.toRealPath() + "\n", result.stdout());
    }

    @Test
    void worksWhenCalledByARelativePath() throws Exception {
        Path relative = sandbox.work.relativize(Sandbox.LAUNCHER);
        Sandbox.Result result = sandbox.run(List.of(relative.toString(), "bin"), new byte[0]);
        assertEquals(Sandbox.LAUNCHER.toRealPath() + "\n", result.stdout(), result::toString);
    }

    @Test
    void jigJavaComesFirst() {
        sandbox.env.put("JIG_JAVA", root.resolve("no-java").toString());
        sandbox.env.put("JAVA_HOME", Sandbox.JAVA.getParent().getParent().toString());
        Sandbox.Result result = sandbox.jig("version");
        assertEquals(1, result.exitCode());
        assertEquals("jig: no Java runtime found at '" + root.resolve("no-java")
                + "'. Install Java 17 or newer, or set JIG_JAVA or JAVA_HOME.\n", result.stderr());
    }

    @Test
    void javaHomeComesBeforePath() {
        sandbox.env.remove("JIG_JAVA");
        sandbox.env.put("JAVA_HOME", Sandbox.JAVA.getParent().getParent().toString());
        Sandbox.executable(sandbox.bin.resolve("java"), "#!/bin/sh\necho wrong java; exit 99\n");
        Sandbox.Result result = sandbox.jig("version");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.stdout().startsWith("jig version "), result::toString);
    }

    @Test
    void javaOnPathIsTheLastResort() {
        sandbox.env.remove("JIG_JAVA");
        sandbox.env.remove("JAVA_HOME");
        Sandbox.executable(sandbox.bin.resolve("java"), "#!/bin/sh\necho \"java on PATH: $*\"\n");
        Sandbox.Result result = sandbox.jig("version", "a b");
        assertTrue(result.stdout().startsWith("java on PATH: "), result::toString);
        assertTrue(result.stdout().endsWith(" version a b\n"), result::toString);
    }

    @Test
    void noJavaAnywhereIsAClearError() {
        sandbox.env.remove("JIG_JAVA");
        sandbox.env.remove("JAVA_HOME");
        sandbox.env.put("PATH", sandbox.bin.toString());
        Sandbox.Result result = sandbox.jig("version");
        assertEquals(1, result.exitCode());
        assertEquals("jig: no Java runtime found. Install Java 17 or newer, or set JIG_JAVA or JAVA_HOME.\n",
                result.stderr());
    }

    @Test
    void versionFlagAndCommandAgree() {
        Sandbox.Result flag = sandbox.jig("--version");
        assertEquals(0, flag.exitCode());
        assertEquals("jig version " + System.getProperty("jig.version") + "\n", flag.stdout());
        assertEquals(flag.stdout(), sandbox.jig("version").stdout());
    }
}
