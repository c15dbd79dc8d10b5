package dev.jig.host.doctor;

import dev.jig.host.discovery.PluginFile;
import dev.jig.host.metadata.CatalogEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Executables whose {@code #!} line names an interpreter that does not exist: an absolute path
 * that is not an executable file, or a program {@code /usr/bin/env} would not find on {@code PATH}.
 * The kernel's error for those ("No such file or directory") names neither.
 */
final class InterpreterCheck implements Check {

    /** The kernel reads at most this much of a {@code #!} line. */
    private static final int LINE_MAX = 256;

    @Override
    public List<Finding> findings(Examination facts) {
        List<Finding> findings = new ArrayList<>();
        for (CatalogEntry entry : facts.catalog().plugins()) {
            PluginFile file = entry.file();
            if (file.form() != PluginFile.Form.EXECUTABLE) {
                continue;
            }
            missing(file.path(), facts).ifPresent(missing -> findings.add(Finding.error("missing-interpreter",
                    file.name(), file.path(),
                    "its #! line names " + missing.described() + ", which does not exist: it cannot start",
                    "install " + missing.program() + ", or change the first line of " + file.path()
                            + " to an interpreter that exists")));
        }
        return findings;
    }

    /**
     * An interpreter that cannot be found.
     *
     * @param program   what to install
     * @param described how the {@code #!} line names it
     */
    private record Missing(String program, String described) {
    }

    /** The interpreter {@code file}'s {@code #!} line names, when it cannot be found. */
    private static Optional<Missing> missing(Path file, Examination facts) {
        List<String> words = shebang(file);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        Path interpreter = Path.of(words.get(0));
        if (!Files.isRegularFile(interpreter) || !Files.isExecutable(interpreter)) {
            return Optional.of(new Missing(words.get(0), words.get(0)));
        }
        if (interpreter.getFileName().toString().equals("env")) {
            // The first word that is not an option of env (e.g. -S) is the program it looks up.
            Optional<String> program = words.stream().skip(1).filter(w -> !w.startsWith("-") && !w.contains("="))
                    .findFirst();
            if (program.isPresent() && !program.get().contains("/") && facts.programs().apply(program.get()).isEmpty()) {
                return Optional.of(new Missing(program.get(),
                        "'" + program.get() + "' (looked up on PATH by " + words.get(0) + ")"));
            }
        }
        return Optional.empty();
    }

    /** The words of {@code file}'s {@code #!} line; empty when it has none or cannot be read. */
    static List<String> shebang(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(LINE_MAX);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        return parse(new String(head, StandardCharsets.ISO_8859_1));
    }

    /** The words after {@code #!} on the first line of {@code head}; empty when it does not start with one. */
    static List<String> parse(String head) {
        if (!head.startsWith("#!")) {
            return List.of();
        }
        int end = head.indexOf('\n');
        String line = (end < 0 ? head.substring(2) : head.substring(2, end)).strip();
        return line.isEmpty() ? List.of() : Arrays.asList(line.split("[ \t]+"));
    }
}
