package dev.jig.host.trace;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Renders command lines as a shell would read them back, on one line: a traced exec line can be
 * copied into a terminal and run.
 */
public final class ShellWords {

    /** Characters no POSIX shell treats specially, so a word made of them needs no quotes. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellWords() {
    }

    /**
     * One word, quoted when it needs to be: {@code 'it'\''s'} for {@code it's}, {@code ''} for
     * the empty word. A word with control characters (a line break, say) is written
     * {@code $'...'} with escapes, as bash, zsh and ksh read it, so that a trace line stays one line.
     */
    public static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        if (word.chars().noneMatch(Character::isISOControl)) {
            return "'" + word.replace("'", "'\\''") + "'";
        }
        StringBuilder quoted = new StringBuilder("$'");
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            switch (c) {
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                case '\\' -> quoted.append("\\\\");
                case '\'' -> quoted.append("\\'");
                default -> {
                    if (Character.isISOControl(c)) {
                        quoted.append(String.format("\\x%02x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('\'').toString();
    }

    /** The words quoted and joined by spaces. */
    public static String join(List<String> words) {
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(quote(word));
        }
        return line.toString();
    }

    /**
     * A command line that runs {@code command} in {@code directory} with {@code environment}
     * instead of {@code hostEnvironment}: {@code cd DIR && env -u GONE NAME=value ... COMMAND},
     * naming only the variables that differ (the {@code env} part only when some do).
     */
    public static String commandLine(Path directory, Map<String, String> hostEnvironment, Map<String, String> environment,
                                     List<String> command) {
        StringBuilder line = new StringBuilder("cd ").append(quote(directory.toString())).append(" && ");
        List<String> unset = hostEnvironment.keySet().stream().filter(name -> !environment.containsKey(name)).sorted().toList();
        List<String> set = environment.keySet().stream()
                .filter(name -> !Objects.equals(hostEnvironment.get(name), environment.get(name))).sorted().toList();
        if (!set.isEmpty() || !unset.isEmpty()) {
            line.append("env");
            unset.forEach(name -> line.append(" -u ").append(quote(name)));
            set.forEach(name -> line.append(' ').append(quote(name + "=" + environment.get(name))));
            line.append(' ');
        }
        return line.append(join(command)).toString();
    }
}
