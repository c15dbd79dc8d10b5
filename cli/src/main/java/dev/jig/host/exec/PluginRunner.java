package dev.jig.host.exec;

import dev.jig.host.CliIdentity;
import dev.jig.host.HostSettings;
import dev.jig.host.discovery.Dispatch;
import dev.jig.host.discovery.PluginFile;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs a plugin's command git-style: the plugin inherits stdin, stdout and stderr (a terminal
 * stays a terminal), gets the command line after its command words verbatim, and its exit status
 * is returned unchanged ({@code 128 + N} when signal N killed it).
 */
public final class PluginRunner {

    private final HostSettings settings;

    public PluginRunner(HostSettings settings) {
        this.settings = settings;
    }

    /**
     * Runs the plugin and waits for it, relaying SIGINT, SIGTERM and SIGHUP meanwhile.
     *
     * @return the plugin's exit status
     * @throws PluginLaunchException when the operating system cannot start the file
     */
    public int run(Dispatch.Plugin dispatch) throws PluginLaunchException {
        PluginFile plugin = dispatch.plugin();
        List<String> command = new ArrayList<>();
        command.add(plugin.path().toString());
        command.addAll(dispatch.args());

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(settings.workingDirectory().toFile())
                .inheritIO();
        EnvironmentDelta.apply(builder.environment(), environmentFor(plugin));

        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new PluginLaunchException(plugin.path(), reason(e), e);
        }
        try (SignalRelay relay = SignalRelay.forwardTo(process)) {
            return waitUninterruptibly(process);
        }
    }

    /** The environment a plugin sees: the host's own plus the {@code <PREFIX>*} context variables. */
    public Map<String, String> environmentFor(PluginFile plugin) {
        CliIdentity cli = settings.cli();
        String prefix = cli.envPrefix();
        Map<String, String> env = new HashMap<>(settings.environment());
        cli.launcher().ifPresent(launcher -> env.put(prefix + "BIN", launcher.toString()));
        env.put(prefix + "CLI_NAME", cli.name());
        env.put(prefix + "CLI_VERSION", cli.version());
        env.put(prefix + "PLUGIN_NAME", plugin.name());
        env.put(prefix + "PLUGIN_FILE", plugin.path().toString());
        env.put(prefix + "COMMAND", plugin.command().toString());
        // A plugin that calls the CLI back must see the same plugins as this run did.
        settings.pluginPath().ifPresent(dirs -> env.put(prefix + "PLUGIN_PATH",
                dirs.stream().map(dir -> settings.workingDirectory().resolve(dir).toString())
                        .collect(Collectors.joining(File.pathSeparator))));
        return env;
    }

    private static int waitUninterruptibly(Process process) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return process.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true; // the plugin still owns the terminal: keep waiting
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The JDK reports "Cannot run program ...: error=2, No such file or directory"; keep the cause. */
    private static String reason(IOException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        return message.replaceFirst("^error=\\d+, ", "");
    }
}
