package dev.jig.host.complete;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a CLI completes without asking any plugin: its global flags and its built-in commands
 * with their subcommands.
 *
 * @param globalFlags  the flags allowed before the command, e.g. {@code --help}
 * @param valuedFlags  those of {@code globalFlags} that take the next word as their value
 * @param builtins     each built-in command with the words its first argument may be; the
 *                     built-in {@code help} is completed with every command instead
 */
public record BuiltinWords(List<String> globalFlags, Set<String> valuedFlags, Map<String, List<String>> builtins) {
    public BuiltinWords {
        globalFlags = List.copyOf(globalFlags);
        valuedFlags = Set.copyOf(valuedFlags);
        builtins = Map.copyOf(builtins);
    }
}
