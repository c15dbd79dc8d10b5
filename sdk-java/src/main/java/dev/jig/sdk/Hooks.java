package dev.jig.sdk;

import dev.jig.protocol.ErrorCodes;
import dev.jig.protocol.Message;
import dev.jig.protocol.Payloads;
import dev.jig.protocol.RpcError;
import dev.jig.protocol.method.HookEvents;
import dev.jig.protocol.method.HookParams;
import dev.jig.protocol.method.HookResult;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Answers {@code hook} requests: checks the params, dispatches on the event to the plugin's
 * handler, and checks what the handler returns, so that a mistake shows up as an error reply
 * naming it rather than as a result the host rejects.
 */
final class Hooks {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final JigPlugin plugin;
    private final HostContext context;
    /** The host's own prefix, from initialize: a hook may not set its variables. */
    private final Supplier<String> envPrefix;
    private final Log log;
    private final Supplier<PluginConfig> initialConfig;

    Hooks(JigPlugin plugin, HostContext context, Log log, Supplier<PluginConfig> initialConfig,
          Supplier<String> envPrefix) {
        this.envPrefix = envPrefix;
        this.plugin = plugin;
        this.context = context;
        this.log = log;
        this.initialConfig = initialConfig;
    }

    /** The reply to a {@code hook} request, never null. */
    Message answer(Message.Request request) {
        if (request.params() == null || !request.params().path("event").isTextual()) {
            return error(request, ErrorCodes.INVALID_PARAMS, "hook needs params with an event");
        }
        HookParams params;
        try {
            params = Payloads.read(request.params(), HookParams.class);
        } catch (IllegalArgumentException e) {
            return error(request, ErrorCodes.INVALID_PARAMS, "invalid hook params: " + e.getMessage());
        }
        String event = params.event();
        List<String> subscribed = plugin.metadata().hooks();
        if (!HookEvents.ALL.contains(event) || !subscribed.contains(event)) {
            return error(request, ErrorCodes.METHOD_NOT_FOUND, "hook event not subscribed: " + event);
        }
        PluginConfig config;
        try {
            config = params.config() == null ? initialConfig.get() : PluginConfig.of(params.config(), plugin.metadata().name());
        } catch (IllegalArgumentException e) {
            return error(request, ErrorCodes.INVALID_PARAMS, "invalid hook params: " + e.getMessage());
        }
        HookResult result;
        try {
            result = dispatch(new HookContext(params, config, context, log));
        } catch (HookNotImplementedException e) {
            return error(request, ErrorCodes.METHOD_NOT_FOUND, e.getMessage());
        } catch (Exception e) {
            return error(request, ErrorCodes.INTERNAL_ERROR, event + " hook failed: " + PluginName.describe(e));
        }
        String problem = problem(event, result);
        String prefix = envPrefix.get();
        if (problem == null && prefix != null && HookEvents.PRERUN.equals(event) && result.env() != null) {
            problem = result.env().keySet().stream().filter(name -> name.startsWith(prefix)).findFirst()
                    .map(name -> "environment variable '" + name + "', which belongs to the host").orElse(null);
        }
        if (problem != null) {
            return error(request, ErrorCodes.INTERNAL_ERROR, event + " hook returned " + problem);
        }
        return new Message.Response(request.id(), Payloads.tree(result));
    }

    private HookResult dispatch(HookContext hook) throws Exception {
        switch (hook.event()) {
            case HookEvents.CONFIG:
                return plugin.onConfig(hook);
            case HookEvents.PRERUN:
                return plugin.onPrerun(hook);
            case HookEvents.POSTRUN:
                return plugin.onPostrun(hook);
            case HookEvents.COMMAND_NOT_FOUND:
                return plugin.onCommandNotFound(hook);
            case HookEvents.INSTALL:
                return plugin.onInstall(hook);
            case HookEvents.UPGRADE:
                return plugin.onUpgrade(hook);
            case HookEvents.UNINSTALL:
                return plugin.onUninstall(hook);
            default:
                throw new HookNotImplementedException(hook.event());
        }
    }

    /** What is wrong with a handler's result for {@code event}, or null when nothing is. */
    static String problem(String event, HookResult result) {
        if (result == null) {
            return "null";
        }
        if (HookEvents.LIFECYCLE.contains(event)) {
            if (HookResult.ABORT.equals(result.action())) {
                return abortProblem(result);
            }
            return HookResult.CONTINUE.equals(result.action()) ? null : "no action: use HookResult.proceed or HookResult.abort";
        }
        if (HookEvents.PRERUN.equals(event)) {
            if (HookResult.ABORT.equals(result.action())) {
                String problem = abortProblem(result);
                if (problem != null) {
                    return problem;
                }
            } else if (HookResult.CONTINUE.equals(result.action())) {
                for (String name : result.env() == null ? List.<String>of() : result.env().keySet()) {
                    if (!ENV_NAME.matcher(name).matches()) {
                        return "an invalid environment variable name '" + name + "'";
                    }
                }
            } else {
                return "no action: use HookResult.proceed or HookResult.abort";
            }
        }
        if (HookEvents.COMMAND_NOT_FOUND.equals(event) && result.suggestions() != null
                && !result.suggestions().stream().allMatch(Hooks::isLine)) {
            return "a suggestion that is not one line";
        }
        if (HookEvents.CONFIG.equals(event) && result.patch() != null && !result.patch().isObject()) {
            return "a patch that is not a JSON object";
        }
        return null;
    }

    /** What is wrong with an abort, or null when nothing is. */
    private static String abortProblem(HookResult result) {
        if (!isLine(result.message())) {
            return "an abort without a one-line message";
        }
        if (result.exitCode() != null && (result.exitCode() < 1 || result.exitCode() > 255)) {
            return "an abort with exit code " + result.exitCode() + ", not 1 to 255";
        }
        return null;
    }

    private static boolean isLine(String text) {
        return text != null && !text.isBlank() && text.indexOf('\n') < 0 && text.indexOf('\r') < 0;
    }

    private static Message error(Message.Request request, int code, String message) {
        return new Message.ErrorResponse(request.id(), RpcError.of(code, message));
    }
}
