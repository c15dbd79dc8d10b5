package dev.jig.host.hook;

import java.util.List;
import java.util.Optional;

/**
 * The command that {@code prerun} and {@code postrun} are about.
 *
 * @param words  the words that selected it, e.g. {@code [plugins]} or {@code [greet]}
 * @param args   the rest of its command line, verbatim
 * @param plugin the name of the plugin whose command it is; empty for a built-in
 */
public record HookCommand(List<String> words, List<String> args, Optional<String> plugin) {
    public HookCommand {
        words = List.copyOf(words);
        args = List.copyOf(args);
    }
}
