package dev.jig.host.hook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.host.HostSettings;
import dev.jig.host.audit.AuditLog;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.exec.Programs;
import dev.jig.host.metadata.Kind;
import dev.jig.host.metadata.MetadataService;
import dev.jig.host.metadata.PluginRecord;
import dev.jig.host.sandbox.Sandboxes;
import dev.jig.host.trust.TrustPolicy;
import dev.jig.protocol.method.HookEvents;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sends a plugin-management event ({@code install}, {@code upgrade}, {@code uninstall},
 * PROTOCOL.md §4.4.7) to one copy of a plugin, in a hook session of its own, and says whether
 * the change may go ahead.
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    /**
     * Asks {@code plugin} about {@code params.event()}. The plugin is described afresh (its
     * manifest read, or the executable probed), never from the metadata cache nor into it: a
     * staged copy is not on the search path, and the cache is keyed by path. A plain plugin, a
     * protocol plugin that does not list the event, or one whose metadata is broken on
     * {@code uninstall} (its removal is never blocked by that) proceeds with no session beyond
     * the probe. Otherwise one session runs as for any hook: in the plugin's sandbox, within its
     * call timeout ({@code plugins.<name>.call_timeout_ms}, else {@code core.hook_timeout_ms})
     * for the start and for the answer, written to the audit log; its whole process tree is
     * ended before this returns.
     *
     * <p>The caller has decided to trust the copy: it is executed whatever the trust policy says
     * about its directory. Stage it under its final name ({@code <cli>-<name>}, or a directory
     * {@code <name>/} holding its manifest): the name is part of what the plugin is checked
     * against.
     *
     * @param sandboxes how plugins are confined (the host's {@code PluginHost.sandboxes()})
     * @param audit     where the probe and the session are recorded, when auditing is on
     * @param config    the invocation's configuration: timeouts and the plugin's view
     * @param plugin    the copy that gets the event: the staged one for {@code install} and
     *                  {@code upgrade}, the installed one for {@code uninstall}
     * @param report    receives what the plugin says (stderr and log lines, at most
     *                  {@link OutputQuota#LINES}), each prefixed with its name, and notes
     * @return empty to go ahead; else one line saying why not, naming the plugin, e.g.
     *         {@code plugin 'greet' refused the install: <its message>} or
     *         {@code plugin 'greet' failed its install hook: did not answer install within 5000 ms}
     */
    public static Optional<String> fire(HostSettings settings, Programs programs, Sandboxes sandboxes,
                                        Optional<AuditLog> audit, HookConfig config, PluginFile plugin,
                                        LifecycleParams params, Consumer<String> report) throws InterruptedException {
        return fire(settings, programs, sandboxes, audit, config, plugin, describe(settings, sandboxes, audit, config, plugin),
                params, report);
    }

    /**
     * Like {@link #fire(HostSettings, Programs, Sandboxes, Optional, HookConfig, PluginFile,
     * LifecycleParams, Consumer)}, for a copy the caller described already ({@code record}, learned
     * as {@link MetadataService#describe} does): it is not probed a second time.
     */
    public static Optional<String> fire(HostSettings settings, Programs programs, Sandboxes sandboxes,
                                        Optional<AuditLog> audit, HookConfig config, PluginFile plugin, PluginRecord record,
                                        LifecycleParams params, Consumer<String> report) throws InterruptedException {
        String event = params.event();
        String name = plugin.name();
        if (record.kind() == Kind.PLAIN || (record.problems().isEmpty() && !record.hooks().contains(event))) {
            settings.tracer().step("hook", () -> name + " " + event + ": not subscribed"
                    + (record.kind() == Kind.PLAIN ? " (a plain plugin: " + record.detail() + ")" : ""));
            return Optional.empty();
        }
        if (!record.problems().isEmpty()) {
            String problem = record.problems().get(0);
            if (HookEvents.UNINSTALL.equals(event)) {
                report.accept("plugin '" + name + "' was not asked about the uninstall, its metadata is invalid: " + problem);
                return Optional.empty();
            }
            return Optional.of("plugin '" + name + "' cannot be asked about the " + event + ", its metadata is invalid: "
                    + problem);
        }
        Subscriber subscriber = new Subscriber(plugin, record);
        Consumer<String> serialized = line -> {
            synchronized (report) { // from the stderr thread and the session's
                report.accept(line);
            }
        };
        JsonNode view = config.view(subscriber);
        SessionStarter starter = new HookLauncher(settings, programs, sandboxes, config::timeout, serialized, audit);
        long asked = System.nanoTime();
        Verdict verdict;
        try (HookSession session = starter.start(subscriber, view)) {
            JsonNode reply = session.call(params.toHook(name, plugin.home().toAbsolutePath().normalize().toString(),
                    settings.workingDirectory().toString(), view));
            verdict = Replies.lifecycle(reply, event);
        } catch (HookFailure e) {
            settings.tracer().step("hook", () -> name + " " + event + ": failed: " + e.getMessage());
            return Optional.of("plugin '" + name + "' failed its " + event + " hook: " + e.getMessage());
        } catch (RuntimeException e) {
            // Whatever went wrong in the host, the change must not go ahead unasked.
            return Optional.of("plugin '" + name + "' failed its " + event + " hook: could not be asked: " + e);
        }
        Verdict decided = verdict;
        settings.tracer().step("hook", () -> name + " " + event + ": "
                + (decided instanceof Verdict.Abort abort ? "abort: " + abort.message() : "continue")
                + " after " + Hooks.millis(System.nanoTime() - asked));
        if (verdict instanceof Verdict.Abort abort) {
            return Optional.of("plugin '" + name + "' refused the " + event + ": " + abort.message());
        }
        return Optional.empty();
    }

    /** What the copy is, learned now; its probe may take as long as its hooks. */
    private static PluginRecord describe(HostSettings settings, Sandboxes sandboxes, Optional<AuditLog> audit,
                                         HookConfig config, PluginFile plugin) throws InterruptedException {
        // Only its name counts for the timeout: the record is not known yet.
        Subscriber unknown = new Subscriber(plugin, PluginRecord.plain("not described yet"));
        MetadataService metadata = new MetadataService(settings, TrustPolicy.of(settings, List.of()), audit, sandboxes,
                name -> Optional.of(config.timeout(unknown)));
        return metadata.describe(plugin);
    }
}
