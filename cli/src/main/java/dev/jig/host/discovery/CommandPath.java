package dev.jig.host.discovery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The words that name a plugin command, e.g. {@code [foo-bar, baz]}, and the file name that
 * implements it, {@code jig-foo_bar-baz}.
 *
 * <p>Words are joined with {@code -}; a dash inside a word becomes {@code _} in the file name
 * (kubectl's rule), so {@code jig foo-bar} and {@code jig foo bar} stay distinct.
 *
 * @param words one or more command words, each matching {@link #isWord(String)}
 */
public record CommandPath(List<String> words) {


    /** Longest file name most file systems accept, in bytes. */
    private static final int NAME_MAX = 255;

    public CommandPath {
        words = List.copyOf(words);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least one word");
        }
        for (String word : words) {
            if (!isWord(word)) {
                throw new IllegalArgumentException("not a command word: '" + word + "'");
            }
        }
    }

    /**
     * Whether {@code arg} can be a command word rather than an argument: {@code [A-Za-z0-9][A-Za-z0-9.-]*}.
     * A word may name a file segment: no path separators, no leading dot or dash, nothing a shell
     * would need quoted, and no {@code _}, which only file names use (for a dash), so each command
     * has one spelling. A word never ends with {@code .sig}: {@code jig-foo.sig} is the signature
     * of {@code jig-foo}, not a plugin. Checked by hand: listings test every plugin's name, and a
     * regular expression is slow in a JVM that has only just started.
     */
    public static boolean isWord(String arg) {
        if (arg.isEmpty() || !isAlphanumeric(arg.charAt(0)) || arg.endsWith(PluginFile.SIGNATURE_SUFFIX)) {
            return false;
        }
        for (int i = 1; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (!isAlphanumeric(c) && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /**
     * The leading command words of {@code args}: up to the first argument that is not a word
     * (a flag, a path, an empty string) and no more than any file name can hold.
     */
    public static List<String> leadingWords(String filePrefix, List<String> args) {
        List<String> words = new ArrayList<>();
        int length = filePrefix.getBytes(StandardCharsets.UTF_8).length;
        for (String arg : args) {
            int added = (words.isEmpty() ? 0 : 1) + arg.length(); // words are ASCII
            if (!isWord(arg) || length + added > NAME_MAX) {
                break;
            }
            words.add(arg);
            length += added;
        }
        return words;
    }

    /**
     * The command a plugin file implements, or empty when the file name is not
     * {@code <filePrefix><words>}.
     */
    public static Optional<CommandPath> fromFileName(String filePrefix, String fileName) {
        if (!fileName.startsWith(filePrefix) || fileName.length() == filePrefix.length()) {
            return Optional.empty();
        }
        List<String> words = new ArrayList<>();
        for (String part : fileName.substring(filePrefix.length()).split("-", -1)) {
            String word = part.replace('_', '-');
            if (!isWord(word)) {
                return Optional.empty();
            }
            words.add(word);
        }
        return Optional.of(new CommandPath(words));
    }

    /** The file name implementing this command: {@code <filePrefix>foo_bar-baz}. */
    public String fileName(String filePrefix) {
        return filePrefix + pluginName();
    }

    /** The plugin's name: the file name without its prefix, e.g. {@code foo_bar-baz}. */
    public String pluginName() {
        return String.join("-", words.stream().map(w -> w.replace('-', '_')).toList());
    }

    /** The first {@code count} words. */
    public CommandPath prefix(int count) {
        return new CommandPath(words.subList(0, count));
    }

    /** The words as a user types them: {@code foo-bar baz}. */
    @Override
    public String toString() {
        return String.join(" ", words);
    }

    /** A command from literal words. */
    public static CommandPath of(String... words) {
        return new CommandPath(Arrays.asList(words));
    }
}
