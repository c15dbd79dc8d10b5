package dev.jig.protocol.method;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The result of a {@link Methods#HOOK} request. Which fields count depends on the event:
 *
 * <ul>
 *   <li>{@code prerun}: {@code action} ({@link #CONTINUE} or {@link #ABORT}); with
 *       {@code continue}, optional {@code env}; with {@code abort}, {@code message} and optional
 *       {@code exitCode} (default 1);</li>
 *   <li>{@code postrun}: nothing; an empty object will do;</li>
 *   <li>{@code command_not_found}: optional {@code suggestions};</li>
 *   <li>{@code config}: optional {@code patch}, a JSON Merge Patch (RFC 7386) of the whole
 *       configuration that may touch only {@code plugins.<name>} of the answering plugin;</li>
 *   <li>{@code install}, {@code upgrade}, {@code uninstall}: {@code action}, {@code message} and
 *       {@code exitCode} as for {@code prerun}; {@code env} and {@code patch} are ignored.</li>
 * </ul>
 *
 * @param action      {@code prerun} and the plugin-management events: {@link #CONTINUE} or {@link #ABORT}
 * @param env         {@code prerun}, continue: variables to add to the command's environment
 * @param message     {@code prerun} and the plugin-management events, abort: one line telling the user why
 * @param exitCode    {@code prerun} and the plugin-management events, abort: the exit status, 1 to 255
 * @param suggestions {@code command_not_found}: commands the user may have meant or may install, one line each
 * @param patch       {@code config}: a merge patch for the plugin's own namespace
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HookResult(
        String action,
        Map<String, String> env,
        String message,
        Integer exitCode,
        List<String> suggestions,
        JsonNode patch) {

    /** {@code prerun}: let the command run; a plugin-management event: let the change happen. */
    public static final String CONTINUE = "continue";
    /** {@code prerun}: do not run the command; a plugin-management event: refuse the change. */
    public static final String ABORT = "abort";

    public HookResult {
        env = env == null ? null : Map.copyOf(env);
        suggestions = suggestions == null ? null : List.copyOf(suggestions);
    }

    /** {@code prerun}: run the command, with {@code env} added to its environment. */
    public static HookResult proceed(Map<String, String> env) {
        return new HookResult(CONTINUE, env.isEmpty() ? null : env, null, null, null, null);
    }

    /** {@code prerun}: do not run the command; the host prints {@code message} and exits with {@code exitCode}. */
    public static HookResult abort(String message, int exitCode) {
        return new HookResult(ABORT, null, message, exitCode, null, null);
    }

    /** {@code command_not_found}: what the user may have meant. */
    public static HookResult suggest(List<String> suggestions) {
        return new HookResult(null, null, null, null, suggestions, null);
    }

    /** {@code config}: a merge patch of the whole configuration, inside the plugin's namespace. */
    public static HookResult patch(JsonNode patch) {
        return new HookResult(null, null, null, null, null, patch);
    }

    /** {@code postrun}, or any event the plugin has nothing to say about. */
    public static HookResult empty() {
        return new HookResult(null, null, null, null, null, null);
    }
}
