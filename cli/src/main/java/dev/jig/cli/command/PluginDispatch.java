package dev.jig.cli.command;

import dev.jig.host.ExitStatus;
import dev.jig.host.InvalidPluginException;
import dev.jig.host.Launch;
import dev.jig.host.PluginHost;
import dev.jig.host.UntrustedPluginException;
import dev.jig.host.trust.TrustDecision;
import dev.jig.host.discovery.Dispatch;
import dev.jig.host.exec.PluginLaunchException;
import java.io.PrintWriter;
import dev.jig.host.hook.HookCommand;
import dev.jig.host.sandbox.SandboxUnavailableException;
import dev.jig.host.hook.Hooks;
import dev.jig.host.hook.Suggestion;
import dev.jig.host.config.ConfigException;
import dev.jig.host.config.PluginConfigs;
import dev.jig.host.exec.ConfigHandoff;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Carries out a dispatch that is not a built-in: runs the plugin, or explains in one line why
 * nothing can run. Shared by the command router and {@code help COMMAND}; uses no picocli, so
 * the plugin path never loads it.
 */
public final class PluginDispatch {

    private PluginDispatch() {
    }

    /**
     * @param dispatch a {@link Dispatch.Plugin}, {@link Dispatch.NotExecutable} or {@link Dispatch.Unknown}
     * @return the plugin's exit status, or the host's own for the failures
     */
    public static int run(PluginHost host, Dispatch dispatch, PrintWriter err, PluginConfigs configs) {
        return run(host, dispatch, List.of(), err, Hooks.none(), configs, launch -> { });
    }

    /**
     * Like {@link #run(PluginHost, Dispatch, PrintWriter, PluginConfigs)}, between the {@code prerun} and
     * {@code postrun} hooks, with the plugin's configuration in a file named by
     * {@code <PREFIX>CONFIG}, calling {@code started} with a plugin run that passed its checks,
     * once its process has started. A command that matches nothing fires {@code command_not_found}.
     *
     * @param typed the command line the dispatch came from, for {@code command_not_found}
     */
    public static int run(PluginHost host, Dispatch dispatch, List<String> typed, PrintWriter err, Hooks hooks,
                          PluginConfigs configs, Consumer<Launch> started) {
        String cli = host.settings().cli().name();
        if (dispatch instanceof Dispatch.Plugin plugin) {
            try {
                Launch launch = host.prepare(plugin);
                try {
                    configs.check(plugin.plugin().name(), host.configSpec(launch)); // before any hook runs
                } catch (ConfigException e) {
                    err.println(cli + ": " + e.getMessage());
                    return e.exitStatus();
                }
                HookCommand command = new HookCommand(plugin.plugin().command().words(), plugin.args(),
                        Optional.of(plugin.plugin().name()));
                return hooks.run(command, env -> {
                    Map<String, String> additions = new HashMap<>(env);
                    byte[] config;
                    try {
                        config = configs.deliveryBytes(plugin.plugin().name(), host.configSpec(launch));
                    } catch (ConfigException e) {
                        err.println(cli + ": " + e.getMessage());
                        return e.exitStatus();
                    }
                    try (ConfigHandoff handoff = ConfigHandoff.write(config, cli,
                            host.settings().env("XDG_RUNTIME_DIR").map(Path::of))) {
                        additions.put(host.settings().cli().envPrefix() + "CONFIG", handoff.path().toString());
                        Launch run = launch.withEnvironment(additions);
                        return host.launch(run, () -> started.accept(run), err::println);
                    } catch (IOException e) {
                        err.println(cli + ": cannot write the configuration file for plugin '" + plugin.plugin().command()
                                + "': " + e.getMessage() + ". Check that the temporary directory is writable.");
                        return ExitStatus.FAILURE;
                    } catch (PluginLaunchException e) {
                        return cannotStart(cli, plugin, e, err);
                    } catch (SandboxUnavailableException e) {
                        return noSandbox(cli, plugin, e, err);
                    }
                });
            } catch (UntrustedPluginException e) {
                err.println(untrusted(cli, plugin, e));
                return ExitStatus.CANNOT_EXECUTE;
            } catch (InvalidPluginException e) {
                err.println(cli + ": plugin '" + plugin.plugin().command() + "' (" + plugin.plugin().path()
                        + ") is invalid: " + e.getMessage()
                        + (e.problems().size() > 1 ? " (and " + (e.problems().size() - 1) + " more)" : "")
                        + ". See '" + cli + " plugins info " + plugin.plugin().name() + "'.");
                return ExitStatus.CANNOT_EXECUTE;
            } catch (PluginLaunchException e) {
                return cannotStart(cli, plugin, e, err);
            } catch (SandboxUnavailableException e) {
                return noSandbox(cli, plugin, e, err);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitStatus.INTERRUPTED;
            }
        }
        if (dispatch instanceof Dispatch.NotExecutable notExecutable) {
            err.println(cli + ": plugin '" + notExecutable.command() + "' is not executable: "
                    + notExecutable.path() + ". Run 'chmod +x " + notExecutable.path() + "'.");
            return ExitStatus.CANNOT_EXECUTE;
        }
        if (dispatch instanceof Dispatch.Unknown unknown) {
            return unknown(host, unknown, typed, err, hooks);
        }
        throw new IllegalArgumentException("not a plugin dispatch: " + dispatch);
    }

    /** One line: which plugin, where, why it is not trusted, and what to do: often the command that trusts it. */
    private static String untrusted(String cli, Dispatch.Plugin plugin, UntrustedPluginException e) {
        String trust = "'" + cli + " plugins trust " + plugin.plugin().name() + "'";
        String which = cli + ": plugin '" + plugin.plugin().command() + "' (" + plugin.plugin().path() + ")";
        if (e.decision() instanceof TrustDecision.Changed) {
            return which + " changed since it was trusted and was not run. Review it, then run " + trust + ".";
        }
        if (e.decision() instanceof TrustDecision.Unverified unverified) {
            return which + " was not run: signatures are required (security.require_signatures) and "
                    + unverified.verification().finding() + ". " + unverified.verification().advice();
        }
        String reason = e.decision() instanceof TrustDecision.Untrusted untrusted ? untrusted.reason() : "not trusted";
        return which + " is untrusted and was not run: " + reason + ". Review it, then run " + trust + " to trust it.";
    }

    private static int cannotStart(String cli, Dispatch.Plugin plugin, PluginLaunchException e, PrintWriter err) {
        err.println(cli + ": cannot run plugin '" + plugin.plugin().command() + "' (" + e.path() + "): "
                + e.getMessage() + ". Check its #! line and that its interpreter is installed.");
        return ExitStatus.CANNOT_EXECUTE;
    }

    /** One line: which plugin was not run, why its sandbox cannot be set up, and what to do. */
    private static int noSandbox(String cli, Dispatch.Plugin plugin, SandboxUnavailableException e, PrintWriter err) {
        err.println(cli + ": plugin '" + plugin.plugin().command() + "' (" + plugin.plugin().path() + ") was not run: its sandbox '"
                + e.profile().id() + "' cannot be set up: " + e.getMessage() + ". " + e.advice(cli, plugin.plugin().name()) + ".");
        return ExitStatus.SANDBOX_UNAVAILABLE;
    }

    private static int unknown(PluginHost host, Dispatch.Unknown unknown, List<String> typed, PrintWriter err,
                               Hooks hooks) {
        String cli = host.settings().cli().name();
        err.println(cli + ": '" + unknown.word() + "' is not a " + cli + " command. See '" + cli + " help'.");
        List<String> similar = host.suggestions(unknown.word());
        if (!similar.isEmpty()) {
            err.println();
            err.println(similar.size() == 1 ? "The most similar command is" : "The most similar commands are");
            similar.forEach(name -> err.println("\t" + name));
        }
        List<Suggestion> answers;
        try {
            answers = hooks.commandNotFound(typed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitStatus.INTERRUPTED;
        }
        String last = "";
        for (Suggestion suggestion : answers) {
            if (!suggestion.plugin().equals(last)) {
                err.println();
                err.println("Plugin '" + suggestion.plugin() + "' suggests");
                last = suggestion.plugin();
            }
            err.println("\t" + suggestion.text());
        }
        return ExitStatus.NOT_FOUND;
    }
}
