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
 *   <li>{@code command_not_found}: {@code event}, {@code words}, {@code cwd}, {@code config};</li>
 *   <li>{@code install} and {@code uninstall}: {@code event}, {@code plugin}, {@code version},
 *       {@code directory}, {@code cwd}, {@code config};</li>
 *   <li>{@code upgrade}: the fields of {@code install} and {@code previous}.</li>
 * </ul>
 *
 * @param event      one of {@link HookEvents}
 * @param command    the words that selected the command, e.g. {@code ["plugins"]} or {@code ["greet"]}
 * @param args       the rest of the command line, verbatim
 * @param plugin     the name of the plugin whose command runs, null for a built-in; for
 *                   {@code install}, {@code upgrade} and {@code uninstall}, the receiving plugin's name
 * @param words      the command line that matched nothing
 * @param cwd        the working directory of the command
 * @param ran        {@code postrun}: whether the command ran (false when a {@code prerun} hook aborted it)
 * @param exitCode   {@code postrun}: the command's exit status
 * @param durationMs {@code postrun}: how long the command ran, in milliseconds
 * @param config     the receiving plugin's configuration: {@code core} and its own {@code plugins.<name>}
 * @param version    {@code install} and {@code upgrade}: the version going live; {@code uninstall}: the
 *                   installed version
 * @param previous   {@code upgrade}: the version being replaced
 * @param directory  {@code install} and {@code upgrade}: the absolute path of the staged copy;
 *                   {@code uninstall}: of the installed copy
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
        JsonNode config,
        String version,
        String previous,
        String directory) {

    public HookParams {
        command = command == null ? null : List.copyOf(command);
        args = args == null ? null : List.copyOf(args);
        words = words == null ? null : List.copyOf(words);
    }

    /** A {@code config} event. */
    public static HookParams config(String cwd, JsonNode config) {
        return new HookParams(HookEvents.CONFIG, null, null, null, null, cwd, null, null, null, config, null, null, null);
    }

    /** A {@code prerun} event; {@code plugin} is null for a built-in. */
    public static HookParams prerun(List<String> command, List<String> args, String plugin, String cwd, JsonNode config) {
        return new HookParams(HookEvents.PRERUN, command, args, plugin, null, cwd, null, null, null, config, null, null, null);
    }

    /** A {@code postrun} event. */
    public static HookParams postrun(List<String> command, List<String> args, String plugin, String cwd,
                                     boolean ran, int exitCode, long durationMs, JsonNode config) {
        return new HookParams(HookEvents.POSTRUN, command, args, plugin, null, cwd, ran, exitCode, durationMs, config, null, null, null);
    }

    /** A {@code command_not_found} event. */
    public static HookParams commandNotFound(List<String> words, String cwd, JsonNode config) {
        return new HookParams(HookEvents.COMMAND_NOT_FOUND, null, null, null, words, cwd, null, null, null, config, null, null, null);
    }

    /**
     * An {@code install} event, sent to the staged copy of a plugin no version of which is installed.
     *
     * @param plugin    the plugin's name
     * @param version   the version being installed
     * @param directory the absolute path of the staged copy
     */
    public static HookParams install(String plugin, String version, String directory, String cwd, JsonNode config) {
        return new HookParams(HookEvents.INSTALL, null, null, plugin, null, cwd, null, null, null, config,
                version, null, directory);
    }

    /**
     * An {@code upgrade} event, sent to the staged copy of a version that replaces the installed one.
     *
     * @param previous the version being replaced
     */
    public static HookParams upgrade(String plugin, String version, String previous, String directory, String cwd,
                                     JsonNode config) {
        return new HookParams(HookEvents.UPGRADE, null, null, plugin, null, cwd, null, null, null, config,
                version, previous, directory);
    }

    /**
     * An {@code uninstall} event, sent to the installed copy before it is removed.
     *
     * @param version   the installed version
     * @param directory the absolute path of the installed copy
     */
    public static HookParams uninstall(String plugin, String version, String directory, String cwd, JsonNode config) {
        return new HookParams(HookEvents.UNINSTALL, null, null, plugin, null, cwd, null, null, null, config,
                version, null, directory);
    }

    /** The same params carrying another configuration. */
    public HookParams withConfig(JsonNode config) {
        return new HookParams(event, command, args, plugin, words, cwd, ran, exitCode, durationMs, config,
                version, previous, directory);
    }
}
