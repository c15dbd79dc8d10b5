package dev.jig.it;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A private world for one test: its own home, config, data and working directories, an
 * environment that points at them, and the real launcher to run.
 *
 * <p>Layout under the root: {@code home/}, {@code config/} ({@code XDG_CONFIG_HOME}),
 * {@code share/} ({@code XDG_DATA_DIRS}), {@code cache/} ({@code XDG_CACHE_HOME}), {@code work/} (the working directory) and
 * {@code bin/} (first on {@code PATH}).
 */
final class Sandbox {

    /** The launcher under test, {@code scripts/jig}, passed in by the build. */
    static final Path LAUNCHER = Path.of(System.getProperty("jig.launcher", "../scripts/jig")).toAbsolutePath().normalize();
    /** The sample plugins directory. */
    static final Path SAMPLES = Path.of(System.getProperty("jig.samples", "../sample-plugins")).toAbsolutePath().normalize();
    /** The JVM running the tests also runs jig. */
    static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    final Path root;
    final Path home;
    final Path work;
    final Path bin;
    final Map<String, String> env = new HashMap<>();

    Sandbox(Path root) {
        this.root = root;
        this.home = mkdirs(root.resolve("home"));
        this.work = mkdirs(root.resolve("work"));
        this.bin = mkdirs(root.resolve("bin"));
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", root.resolve("config").toString());
        env.put("XDG_DATA_DIRS", root.resolve("share").toString());
        env.put("XDG_CACHE_HOME", root.resolve("cache").toString());
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("LANG", "C.UTF-8");
        env.put("JIG_JAVA", JAVA.toString());
    }

    /** {@code XDG_CONFIG_HOME/jig/plugins}. */
    Path userDir() {
        return root.resolve("config/jig/plugins");
    }

    /** {@code ./plugins} of the working directory. */
    Path localDir() {
        return work.resolve("plugins");
    }

    /** {@code XDG_DATA_DIRS/jig/plugins}. */
    Path systemDir() {
        return root.resolve("share/jig/plugins");
    }

    /** Where jig keeps its plugin records. */
    Path cacheDir() {
        return root.resolve("cache/jig/plugins");
    }

    /** Writes an executable file, creating its directory. */
    static Path executable(Path file, String content) {
        write(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Writes a file, creating its directory. */
    static Path write(Path file, String content) {
        try {
            mkdirs(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the files in {@code dir}, sorted. */
    static List<String> fileNames(Path dir) {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The plugin named {@code name} in the output of {@code plugins list --json}. */
    static JsonNode listed(JsonNode list, String name) {
        for (JsonNode plugin : list.get("plugins")) {
            if (plugin.get("name").asText().equals(name)) {
                return plugin;
            }
        }
        throw new AssertionError("no plugin " + name + " in " + list);
    }

    /** Runs the launcher with {@code args}, stdin empty. */
    Result jig(String... args) {
        return run(command(args), new byte[0]);
    }

    /** The launcher's command line. */
    List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** A process builder for {@code command} with this sandbox's environment and directory. */
    ProcessBuilder builder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder;
    }

    /** script(1) from util-linux, which runs a command under a pseudo-terminal. */
    static final Path SCRIPT = Path.of("/usr/bin/script");

    /**
     * Starts the launcher with {@code args} under a terminal made by {@link #SCRIPT}: the
     * process's input is the keyboard, its output the screen (stdout and stderr together).
     */
    Process startUnderTerminal(String... args) throws IOException {
        // exec: no shell stays between the terminal and jig to react to Ctrl-C itself
        String command = "exec " + command(args).stream().map(word -> "'" + word.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
        return builder(List.of(SCRIPT.toString(), "-q", "-e", "-c", command, "/dev/null")).redirectErrorStream(true).start();
    }

    /** Runs the launcher with {@code args} in {@code directory} instead of {@code work/}, stdin empty. */
    Result jigIn(Path directory, String... args) {
        return run(builder(command(args)).directory(directory.toFile()), new byte[0]);
    }

    /** Runs {@code command} to completion (30 s at most), feeding {@code stdin}. */
    Result run(List<String> command, byte[] stdin) {
        return run(builder(command), stdin);
    }

    /**
     * Runs the launcher with {@code args}, stdin empty, for up to {@code limit}: for tests that
     * start many JVMs at once on a small machine, where 30 s proves nothing about the product.
     */
    Result jigWithin(Duration limit, String... args) {
        return run(builder(command(args)), new byte[0], limit);
    }

    private Result run(ProcessBuilder builder, byte[] stdin) {
        return run(builder, stdin, Duration.ofSeconds(30));
    }

    private Result run(ProcessBuilder builder, byte[] stdin, Duration limit) {
        List<String> command = builder.command();
        try {
            Path in = Files.createTempFile(root, "stdin", "");
            Path out = Files.createTempFile(root, "stdout", "");
            Path err = Files.createTempFile(root, "stderr", "");
            Files.write(in, stdin);
            Process process = builder
                    .redirectInput(in.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail("timed out: " + command);
            }
            return new Result(process.exitValue(), Files.readAllBytes(out), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What a run left behind. */
    record Result(int exitCode, byte[] stdoutBytes, String stderr) {
        String stdout() {
            return new String(stdoutBytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout() + "--- stderr\n" + stderr;
        }
    }

    /** A plugin path of sample directories, e.g. {@code samples("bash", "c/bin")}. */
    static String samples(String... directories) {
        return Arrays.stream(directories).map(dir -> SAMPLES.resolve(dir).toString()).collect(Collectors.joining(":"));
    }

    /**
     * A directory holding copies of just {@code names}, each taken from the first of
     * {@code /usr/local/bin}, {@code /usr/bin} and {@code /bin} that has it, to put on {@code PATH}
     * in place of the system's directories. Copies rather than links: JUnit warns about every link
     * leading out of a temporary directory it deletes.
     */
    Path programs(String... names) throws IOException {
        Path programs = mkdirs(root.resolve("programs"));
        for (String name : names) {
            Path found = Stream.of("/usr/local/bin", "/usr/bin", "/bin").map(dir -> Path.of(dir, name))
                    .filter(Files::isExecutable).findFirst()
                    .orElseThrow(() -> new IOException(name + " is not in /usr/local/bin, /usr/bin or /bin"));
            Files.copy(found, programs.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
        }
        return programs;
    }

    /** Whether {@code program} is an executable on the {@code PATH} the tests run with. */
    static boolean onPath(String program) {
        return Arrays.stream(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    /** The absolute path of the Python interpreter, for {@code #!} lines that need no PATH. */
    static final String PYTHON = findPython();

    private static String findPython() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)").start();
            String path = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
