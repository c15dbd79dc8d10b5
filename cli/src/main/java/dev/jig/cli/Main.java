package dev.jig.cli;

import dev.jig.host.CliIdentity;
import dev.jig.host.HostSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/** The {@code jig} executable: the only place that names the CLI. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        CliIdentity jig = new CliIdentity("jig", version(),
                Optional.ofNullable(System.getProperty("jig.bin")).map(Path::of));
        HostSettings settings = HostSettings.ofCurrentProcess(jig, Cli.BUILTINS);
        settings = settings.withEnvironment(LauncherEnvironment.restore(settings.environment(), jig.envPrefix()));
        PrintStream out = System.out;
        int status = new Cli(settings, out, System.err, jar(), Main::sinceStart).run(args);
        out.flush();
        System.exit(status);
    }

    /**
     * How long this invocation has run: since the launcher started, when it says so (it passes
     * its start time, in nanoseconds since the epoch, only when tracing), else since the JVM started.
     */
    private static Duration sinceStart() {
        Instant now = Instant.now();
        Instant start = Optional.ofNullable(System.getProperty("jig.trace.start")).flatMap(Main::epochNanos)
                .or(() -> ProcessHandle.current().info().startInstant()).orElse(now);
        Duration elapsed = Duration.between(start, now);
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }

    private static Optional<Instant> epochNanos(String text) {
        try {
            long nanos = Long.parseLong(text);
            return Optional.of(Instant.ofEpochSecond(0, nanos));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The jar this class was loaded from; empty when run from a directory of classes. */
    private static Optional<Path> jar() {
        try {
            Path location = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String version() {
        Properties build = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            // fall through to the placeholder: a version is informational, never fatal
        }
        return build.getProperty("version", "unknown");
    }
}
