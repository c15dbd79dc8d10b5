package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The plugin owns stdin, stdout and stderr; its exit status is jig's. */
class StdioIT {

    @TempDir
    Path root;

    @Test
    void tenMebibytesOfBinaryPassThroughByteExact() {
        Sandbox sandbox = new Sandbox(root);
        Sandbox.executable(sandbox.bin.resolve("jig-cat"), "#!/bin/sh\nexec cat\n");
        byte[] data = new byte[10 * 1024 * 1024];
        new Random(42).nextBytes(data);

        Sandbox.Result result = sandbox.run(sandbox.command("cat"), data);

        assertEquals(0, result.exitCode(), result.stderr());
        assertArrayEquals(data, result.stdoutBytes());
    }

    @Test
    void stderrIsThePlugins() {
        Sandbox sandbox = new Sandbox(root);
        Sandbox.executable(sandbox.bin.resolve("jig-warn"), "#!/bin/sh\necho out; echo 'warning: careful' >&2\n");

        Sandbox.Result result = sandbox.jig("warn");

        assertEquals("out\n", result.stdout());
        assertEquals("warning: careful\n", result.stderr());
    }

    @ParameterizedTest(name = "exit {0} -> {1}")
    @CsvSource({"0, 0", "1, 1", "42, 42", "255, 255", "KILL, 137", "TERM, 143"})
    void exitStatusIsThePlugins(String how, int expected) {
        Sandbox sandbox = new Sandbox(root);
        Sandbox.executable(sandbox.bin.resolve("jig-exit"), """
                #!/bin/sh
                case $1 in
                    [A-Z]*) kill -s "$1" $$; sleep 5 ;;
                    *) exit "$1" ;;
                esac
                """);

        assertEquals(expected, sandbox.jig("exit", how).exitCode());
    }
}
