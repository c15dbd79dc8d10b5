package dev.jig.cli.command;

import dev.jig.host.ExitStatus;
import dev.jig.host.InvalidPluginException;
import dev.jig.host.Launch;
import dev.jig.host.PluginHost;
import dev.jig.host.discovery.Dispatch;
import dev.jig.host.exec.PluginLaunchException;
import java.io.PrintWriter;
import java.util.List;
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
    public static int run(PluginHost host, Dispatch dispatch, PrintWriter err) {
        return run(host, dispatch, err, launch -> { });
    }

    /**
     * Like {@link #run(PluginHost, Dispatch, PrintWriter)}, calling {@code started} with a plugin
     * run that passed its checks, once its process has started.
     */
    public static int run(PluginHost host, Dispatch dispatch, PrintWriter err, Consumer<Launch> started) {
        String cli = host.settings().cli().name();
        if (dispatch instanceof Dispatch.Plugin plugin) {
            try {
                Launch launch = host.prepare(plugin);
                return host.launch(launch, () -> started.accept(launch));
            } catch (InvalidPluginException e) {
                err.println(cli + ": plugin '" + plugin.plugin().command() + "' (" + plugin.plugin().path()
                        + ") is invalid: " + e.getMessage()
                        + (e.problems().size() > 1 ? " (and " + (e.problems().size() - 1) + " more)" : "")
                        + ". See '" + cli + " plugins info " + plugin.plugin().name() + "'.");
                return ExitStatus.CANNOT_EXECUTE;
            } catch (PluginLaunchException e) {
                err.println(cli + ": cannot run plugin '" + plugin.plugin().command() + "' (" + e.path() + "): "
                        + e.getMessage() + ". Check its #! line and that its interpreter is installed.");
                return ExitStatus.CANNOT_EXECUTE;
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
            return unknown(host, unknown.word(), err);
        }
        throw new IllegalArgumentException("not a plugin dispatch: " + dispatch);
    }

    private static int unknown(PluginHost host, String word, PrintWriter err) {
        String cli = host.settings().cli().name();
        err.println(cli + ": '" + word + "' is not a " + cli + " command. See '" + cli + " help'.");
        List<String> similar = host.suggestions(word);
        if (!similar.isEmpty()) {
            err.println();
            err.println(similar.size() == 1 ? "The most similar command is" : "The most similar commands are");
            similar.forEach(name -> err.println("\t" + name));
        }
        return ExitStatus.NOT_FOUND;
    }
}
