package dev.jig.protocol.method;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The params of a {@link Methods#HOOK} request. Which fields are present depends on the event:
 *
 * <ul>
 *   <li>{@code config}: {@code event}, {@code cwd}, {@code config};</li>
 *   <li>{@code prerun}: also {@code command}, {@code args} and, for a plugin command,
 *       {@code plugin};</li>
 *   <li>{@code postrun}: the fields of {@code prerun} and {@code ran}, {@code exitCode},
 *       {@code durationMs};</li>
 *   <li>{@code command_not_found}: {@code event}, {@code words}, {@code cwd}, {@code config}.</li>
 * </ul>
 *
 * @param event      one of {@link HookEvents}
 * @param command    the words that selected the command, e.g. {@code ["plugins"]} or {@code ["greet"]}
 * @param args       the rest of the command line, verbatim
 * @param plugin     the name of the plugin whose command runs; null for a built-in
 * @param words      the command line that matched nothing
 * @param cwd        the working directory of the command
 * @param ran        {@code postrun}: whether the command ran (false when a {@code prerun} hook aborted it)
 * @param exitCode   {@code postrun}: the command's exit status
 * @param durationMs {@code postrun}: how long the command ran, in milliseconds
 * @param config     the receiving plugin's configuration: {@code core} and its own {@code plugins.<name>}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HookParams(
        String event,
        List<String> command,
        List<String> args,
        String plugin,
        List<String> words,
        String cwd,
        Boolean ran,
        Integer exitCode,
        Long durationMs,
        JsonNode config) {

    public HookParams {
        command = command == null ? null : List.copyOf(command);
        args = args == null ? null : List.copyOf(args);
        words = words == null ? null : List.copyOf(words);
    }

    /** A {@code config} event. */
    public static HookParams config(String cwd, JsonNode config) {
        return new HookParams(HookEvents.CONFIG, null, null, null, null, cwd, null, null, null, config);
    }

    /** A {@code prerun} event; {@code plugin} is null for a built-in. */
    public static HookParams prerun(List<String> command, List<String> args, String plugin, String cwd, JsonNode config) {
        return new HookParams(HookEvents.PRERUN, command, args, plugin, null, cwd, null, null, null, config);
    }

    /** A {@code postrun} event. */
    public static HookParams postrun(List<String> command, List<String> args, String plugin, String cwd,
                                     boolean ran, int exitCode, long durationMs, JsonNode config) {
        return new HookParams(HookEvents.POSTRUN, command, args, plugin, null, cwd, ran, exitCode, durationMs, config);
    }

    /** A {@code command_not_found} event. */
    public static HookParams commandNotFound(List<String> words, String cwd, JsonNode config) {
        return new HookParams(HookEvents.COMMAND_NOT_FOUND, null, null, null, words, cwd, null, null, null, config);
    }

    /** The same params carrying another configuration. */
    public HookParams withConfig(JsonNode config) {
        return new HookParams(event, command, args, plugin, words, cwd, ran, exitCode, durationMs, config);
    }
}
