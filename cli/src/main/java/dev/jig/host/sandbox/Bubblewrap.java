package dev.jig.host.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code bwrap} program, checked once per invocation before the first sandboxed start.
 *
 * <p>bwrap exits with status 1 when it cannot build a sandbox, which a plugin may do too: that
 * failure cannot be told apart afterwards. So a sandbox as strict as any plugin gets is built
 * once around {@code true} first; when that works, namespaces and mounts are known to work, and
 * every later bind is optional ({@code --ro-bind-try}), so a plugin's sandbox cannot fail for a
 * path. Without sandboxes this costs nothing.
 */
public final class Bubblewrap {

    private final Optional<Path> executable;
    private final String os;
    private final Path trueProgram;
    private Optional<String> problem;

    /**
     * @param executable  {@code bwrap} as found on {@code PATH}
     * @param os          the operating system's name ({@code os.name})
     * @param trueProgram a program that exits 0, run inside the check's sandbox
     */
    public Bubblewrap(Optional<Path> executable, String os, Path trueProgram) {
        this.executable = executable;
        this.os = os;
        this.trueProgram = trueProgram;
    }

    /**
     * The bwrap program, after checking that it builds a sandbox.
     *
     * @throws SandboxUnavailableException when it is missing or cannot build one
     */
    public synchronized Path require(Profile profile) throws SandboxUnavailableException {
        if (problem == null) {
            problem = check();
        }
        if (problem.isPresent()) {
            throw new SandboxUnavailableException(profile, problem.get());
        }
        return executable.orElseThrow();
    }

    private Optional<String> check() {
        if (!os.startsWith("Linux")) {
            return Optional.of("sandboxes need Linux and bubblewrap, and this is " + os);
        }
        if (executable.isEmpty()) {
            return Optional.of("bwrap is not on PATH");
        }
        List<String> argv = BwrapArguments.of(executable.get(), Grants.NONE,
                new BwrapArguments.Layout(null, List.of(Path.of("/tmp")), Path.of("/"), List.of()), false,
                List.of(trueProgram.toString()));
        try {
            Process process = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of(executable.get() + " did not set up a sandbox within 10 s");
            }
            if (process.exitValue() != 0) {
                String error; // a few lines at most, which the pipe held while it ran
                try (InputStream err = process.getErrorStream()) {
                    error = new String(err.readNBytes(4096), StandardCharsets.UTF_8).strip();
                }
                String first = error.lines().findFirst().orElse("exit status " + process.exitValue());
                return Optional.of(executable.get() + " cannot set up a sandbox here (" + first + ")");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot run " + executable.get() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking " + executable.get());
        }
    }
}
