package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under a terminal (a pseudo-terminal made by script(1)), the plugin sees a terminal, can prompt
 * and read an answer, and gets Ctrl-C exactly once.
 */
class TtyIT {

    @TempDir
    Path root;

    private Sandbox sandbox;

    @BeforeEach
    void needsScript() {
        assumeTrue(Files.isExecutable(Sandbox.SCRIPT), "script(1) from util-linux is needed to make a terminal");
        sandbox = new Sandbox(root);
    }

    @Test
    void pluginPromptsOnTheTerminalAndReadsTheAnswer() throws Exception {
        Sandbox.executable(sandbox.bin.resolve("jig-ask"), """
                #!/bin/bash
                [ -t 0 ] && [ -t 1 ] && [ -t 2 ] && echo "stdin, stdout and stderr are terminals"
                read -r -p "Name? " name
                echo "Hi $name"
                exit 5
                """);

        Process script = sandbox.startUnderTerminal("ask");
        try (OutputStream keys = script.getOutputStream()) {
            keys.write("Ada\n".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(script.waitFor(30, TimeUnit.SECONDS));
        String screen = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(screen.contains("stdin, stdout and stderr are terminals"), screen);
        assertTrue(screen.contains("Name? "), screen);
        assertTrue(screen.contains("Hi Ada"), screen);
        assertEquals(5, script.exitValue(), screen);
    }

    @Test
    void ctrlCReachesThePluginOnce() throws Exception {
        Sandbox.executable(sandbox.bin.resolve("jig-count"), """
                #!%s
                import signal, sys, time
                got = []
                signal.signal(signal.SIGINT, lambda s, f: got.append(s))
                open(sys.argv[1], "w").close()
                while not got:
                    time.sleep(0.05)
                time.sleep(1)  # a second delivery would land here
                print(f"SIGINT x {len(got)}")
                sys.exit(9)
                """.formatted(Sandbox.PYTHON));
        Path ready = root.resolve("ready");

        Process script = sandbox.startUnderTerminal("count", ready.toString());
        SignalIT.awaitFile(ready);
        try (OutputStream keys = script.getOutputStream()) {
            keys.write(3); // Ctrl-C: the terminal signals its whole foreground process group
            keys.flush();
            assertTrue(script.waitFor(30, TimeUnit.SECONDS));
        }
        String screen = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(screen.contains("SIGINT x 1"), screen);
        assertEquals(9, script.exitValue(), screen);
    }

    /** Runs jig under a fresh pseudo-terminal; script's stdin becomes the keyboard. */
}
