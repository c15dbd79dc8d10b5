package dev.jig.protocol.method;

import java.util.List;

/**
 * What the user is completing: {@code jig deploy --env pr<TAB>} is command {@code [deploy]},
 * args {@code [--env]}, current {@code pr}.
 *
 * @param command the command words that chose the plugin
 * @param args    the plugin's arguments before the word being completed
 * @param current the word being completed, as typed so far; empty after a space
 */
public record CompleteParams(List<String> command, List<String> args, String current) {
    public CompleteParams {
        command = command == null ? List.of() : List.copyOf(command);
        args = args == null ? List.of() : List.copyOf(args);
        current = current == null ? "" : current;
    }
}
