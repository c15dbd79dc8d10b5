package dev.jig.host.hook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.host.HostSettings;
import dev.jig.host.audit.AuditLog;
import dev.jig.host.audit.AuditRecord;
import dev.jig.host.exec.LaunchCommand;
import dev.jig.host.exec.PluginLaunchException;
import dev.jig.host.exec.PluginRunner;
import dev.jig.host.exec.ProcessTree;
import dev.jig.host.exec.Programs;
import dev.jig.host.metadata.Text;
import dev.jig.host.sandbox.SandboxUnavailableException;
import dev.jig.host.sandbox.Sandboxes;
import dev.jig.host.session.PluginSession;
import dev.jig.host.trace.ShellWords;
import dev.jig.protocol.Protocol;
import dev.jig.protocol.method.CliInfo;
import dev.jig.protocol.method.LogParams;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Starts hook plugins in protocol mode, in their sandbox if they have one, in a session of their
 * own where {@code setsid} exists, with the context variables of any plugin run plus
 * {@code <PREFIX>HOOK}: a CLI started from inside a hook sees it and fires no hooks itself.
 */
final class HookLauncher implements SessionStarter {

    private final HostSettings settings;
    private final Programs programs;
    private final Function<Subscriber, Duration> timeout;
    private final Consumer<String> report;
    private final Optional<AuditLog> audit;
    private final Sandboxes sandboxes;

    /** @param timeout how long each plugin has to start and answer each request */
    HookLauncher(HostSettings settings, Programs programs, Sandboxes sandboxes, Function<Subscriber, Duration> timeout,
                 Consumer<String> report, Optional<AuditLog> audit) {
        this.settings = settings;
        this.programs = programs;
        this.sandboxes = sandboxes;
        this.timeout = timeout;
        this.report = report;
        this.audit = audit;
    }

    @Override
    public HookSession start(Subscriber plugin, JsonNode config) throws HookFailure, InterruptedException {
        List<String> command;
        try {
            List<String> plain = new ArrayList<>(LaunchCommand.of(plugin.file(), plugin.record().run(), programs));
            plain.add(Protocol.ARGUMENT);
            command = new ArrayList<>(sandboxes.command(plugin.file(), plain, List.of(), false));
        } catch (PluginLaunchException e) {
            throw new HookFailure("could not be started: " + e.getMessage(), true);
        } catch (SandboxUnavailableException e) {
            throw new HookFailure("was not started: its sandbox '" + e.profile().id() + "' cannot be set up: "
                    + e.getMessage() + ". " + e.advice(settings.cli().name(), plugin.name()), true);
        }
        // In a session of its own (with bwrap, when it confines the plugin), a hook plugin does not
        // get the SIGINT that Ctrl-C sends the terminal's process group: it is meant for the
        // command, and postrun must still be answered.
        programs.find("setsid").ifPresent(setsid -> command.add(0, setsid.toString()));
        Map<String, String> environment = new HashMap<>(sandboxes.environment(plugin.file()));
        environment.put(settings.cli().envPrefix() + "HOOK", plugin.name());
        Instant started = Instant.now();
        long start = System.nanoTime();
        OutputQuota shown = new OutputQuota(report, settings.cli().name(), plugin.name());
        PluginSession session;
        try {
            // What it writes on stderr is for the user, as in run mode: shown, with its name.
            session = PluginSession.start(command, environment, settings.workingDirectory(),
                    ProcessTree.tagVariable(settings.cli().envPrefix()),
                    line -> shown.accept(plugin.name() + ": " + Text.oneLine(line)));
        } catch (IOException e) {
            settings.tracer().step("hook-start", () -> plugin.name() + ": could not be started: " + PluginRunner.reason(e));
            throw new HookFailure("could not be started: " + PluginRunner.reason(e), true);
        }
        long pid = session.pid();
        settings.tracer().step("hook-start", () -> plugin.name() + ": pid " + pid + ": "
                + ShellWords.commandLine(settings.workingDirectory(), settings.environment(), environment, command));
        CliInfo cli = new CliInfo(settings.cli().name(), settings.cli().version());
        // One audit record per session, when it is over: the event it started for, how it ended.
        HookSession.Ended ended = audit.<HookSession.Ended>map(log -> (events, status) -> log.record(plugin.file(),
                AuditRecord.HOOK, events.isEmpty() ? null : events.get(0), started,
                Duration.ofNanos(System.nanoTime() - start), status.orElse(null), 1)).orElse(HookSession.Ended.NOTHING);
        HookSession initialized = HookSession.initialize(session, cli, config, timeout.apply(plugin),
                log -> logged(plugin, log, shown), ended);
        settings.tracer().step("hook-start", () -> plugin.name() + ": pid " + pid + " initialized after "
                + Hooks.millis(System.nanoTime() - start));
        return initialized;
    }

    /** A plugin's log line, prefixed with its name; debug lines are for a verbose host, which this is not. */
    private static void logged(Subscriber plugin, LogParams log, Consumer<String> shown) {
        if (!"debug".equals(log.level()) && log.message() != null) {
            shown.accept(plugin.name() + ": " + Text.oneLine(log.message()));
        }
    }
}
