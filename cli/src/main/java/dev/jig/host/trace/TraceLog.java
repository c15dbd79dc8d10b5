package dev.jig.host.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link Tracer} that writes each step as one line, {@code <cli> trace +12.3ms <step>: <detail>},
 * the time counted from the start of the invocation.
 *
 * <p>Each line is written with a single call, so lines from several threads (and, in a file
 * opened for appending, from several processes) never interleave within a line.
 */
public final class TraceLog implements Tracer {

    private final String cli;
    private final OutputStream out;
    private final long originNanos;

    /**
     * @param cli     the CLI's name, which starts every line
     * @param out     where lines go; never standard output, which belongs to the command
     * @param elapsed how much of the invocation had passed when this log was made
     */
    public TraceLog(String cli, OutputStream out, Duration elapsed) {
        this.cli = cli;
        this.out = out;
        this.originNanos = System.nanoTime() - elapsed.toNanos();
    }

    /**
     * The tracer the {@code <PREFIX>TRACE} variable and the {@code --trace} option ask for.
     *
     * <ul>
     *   <li>unset, empty or {@code 0}: off, unless {@code flag};</li>
     *   <li>an absolute path: lines are appended to that file, which is created if needed; when it
     *       cannot be opened, one warning goes to {@code stderr} and the lines follow it there;</li>
     *   <li>anything else ({@code 1}, say), or only {@code flag}: lines go to {@code stderr}.</li>
     * </ul>
     *
     * @param variable the name of the variable, for the warning
     * @param value    its value, when set
     * @param flag     whether {@code --trace} was given
     * @param elapsed  how much of the invocation has passed already; asked only when tracing
     */
    public static Tracer open(String cli, String variable, Optional<String> value, boolean flag, PrintStream stderr,
                              Supplier<Duration> elapsed) {
        String setting = value.orElse("");
        boolean asked = !setting.isEmpty() && !setting.equals("0");
        if (!asked && !flag) {
            return OFF;
        }
        if (asked && setting.startsWith("/")) {
            try {
                OutputStream file = Files.newOutputStream(Path.of(setting), StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.WRITE);
                return new TraceLog(cli, file, elapsed.get());
            } catch (IOException | RuntimeException e) {
                stderr.println(cli + ": cannot open the trace file " + setting + " (" + variable + "): " + e
                        + "; tracing to stderr instead");
            }
        }
        return new TraceLog(cli, stderr, elapsed.get());
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void step(String step, String detail) {
        byte[] line = format(cli, System.nanoTime() - originNanos, step, detail).getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            try {
                out.write(line);
                out.flush();
            } catch (IOException e) {
                // a trace that cannot be written must not change what the command does
            }
        }
    }

    /**
     * One line of trace: {@code jig trace +12.3ms candidate: jig-hello: /usr/bin/jig-hello},
     * ending in a line break; line breaks in {@code detail} are written {@code \n}.
     */
    static String format(String cli, long elapsedNanos, String step, String detail) {
        String oneLine = detail.indexOf('\n') < 0 && detail.indexOf('\r') < 0 ? detail
                : detail.replace("\r", "\\r").replace("\n", "\\n");
        return cli + " trace +" + String.format(Locale.ROOT, "%.1f", elapsedNanos / 1e6) + "ms " + step + ": " + oneLine + "\n";
    }
}
