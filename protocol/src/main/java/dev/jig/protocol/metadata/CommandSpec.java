package dev.jig.protocol.metadata;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A subcommand of a plugin, and its own subcommands.
 *
 * @param name        the word that selects it
 * @param summary     one line for lists
 * @param usage       the synopsis after the command words, e.g. {@code [--lang LANG] NAME...}
 * @param flags       the flags it accepts
 * @param subcommands its subcommands
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CommandSpec(String name, String summary, String usage, List<FlagSpec> flags,
                          List<CommandSpec> subcommands) {
    public CommandSpec {
        flags = flags == null ? List.of() : List.copyOf(flags);
        subcommands = subcommands == null ? List.of() : List.copyOf(subcommands);
    }
}
