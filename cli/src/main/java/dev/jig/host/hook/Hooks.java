package dev.jig.host.hook;

import dev.jig.host.ExitStatus;
import dev.jig.host.HostSettings;
import dev.jig.host.audit.AuditLog;
import dev.jig.host.exec.Programs;
import dev.jig.host.sandbox.SandboxSettings;
import dev.jig.host.sandbox.Sandboxes;
import dev.jig.host.trace.Tracer;
import dev.jig.protocol.method.HookEvents;
import dev.jig.protocol.method.HookParams;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The lifecycle hooks of one invocation (PROTOCOL.md §4.4).
 *
 * <p>A subscriber is started at the first event it wants, with its {@code config} event first
 * when it wants that one, and kept until {@link #close()}; the subscribers an event needs start
 * in parallel. Hooks then run one plugin at a time in search-path order, so the outcome never
 * depends on timing. A failed hook is reported in one line and skipped; a plugin that crashed or
 * timed out is asked nothing more. When the configuration marks a plugin required, a failure of
 * its {@code config} or {@code prerun} hook stops the command with {@link ExitStatus#HOOK_FAILED}.
 */
public final class Hooks implements AutoCloseable {

    private static final Hooks NONE = new Hooks(List.of(), List.of(), (plugin, config) -> {
        throw new IllegalStateException("no subscribers");
    }, null, new Context("", "", ""), line -> { }, Tracer.OFF);

    /**
     * Where the hooks run.
     *
     * @param cli       the CLI's name, for messages
     * @param envPrefix the CLI's environment prefix: hooks may not set variables that carry it
     * @param cwd       the working directory of the command
     */
    record Context(String cli, String envPrefix, String cwd) {
    }

    private final List<Subscriber> subscribers;
    /** Plugins marked required that are no valid subscriber: every prerun fails for them. */
    private final List<String> missingRequired;
    private final SessionStarter starter;
    private final HookConfig config;
    private final Context context;
    private final Consumer<String> report;
    private final Tracer tracer;
    private final Map<Subscriber, HookSession> live = new ConcurrentHashMap<>();
    /** Subscribers whose session is gone, or never came; asked nothing more. */
    private final Set<Subscriber> gone = ConcurrentHashMap.newKeySet();
    /** What went wrong while a subscriber started, shown in order when its turn comes. */
    private final Map<Subscriber, StartFailure> startFailures = new ConcurrentHashMap<>();

    /**
     * A failure while a session started.
     *
     * @param event {@code config} when its config hook failed; else null: the failure belongs to
     *              the event that wanted the session
     */
    private record StartFailure(String event, HookFailure failure) {
    }
    private final Set<Subscriber> askedPrerun = ConcurrentHashMap.newKeySet();

    Hooks(List<Subscriber> subscribers, List<String> missingRequired, SessionStarter starter, HookConfig config,
          Context context, Consumer<String> report, Tracer tracer) {
        this.subscribers = List.copyOf(subscribers);
        this.tracer = tracer;
        this.missingRequired = List.copyOf(missingRequired);
        this.starter = starter;
        this.config = config;
        this.context = context;
        this.report = report;
    }

    /**
     * The hooks of one invocation; nothing starts until an event needs it.
     *
     * @param subscribers every plugin that subscribed to an event, in the order their hooks run
     * @param report      receives each line for the user: failures and the plugins' log lines
     */
    public static Hooks of(HostSettings settings, Programs programs, List<Subscriber> subscribers, HookConfig config,
                           Consumer<String> report) {
        return of(settings, programs, subscribers, config, report, Optional.empty(),
                new Sandboxes(SandboxSettings.NONE, settings, programs));
    }

    /**
     * Like {@link #of(HostSettings, Programs, List, HookConfig, Consumer)}, confining each hook
     * plugin as {@code sandboxes} say and writing each hook session to {@code audit}.
     */
    public static Hooks of(HostSettings settings, Programs programs, List<Subscriber> subscribers, HookConfig config,
                           Consumer<String> report, Optional<AuditLog> audit, Sandboxes sandboxes) {
        // A plugin the user requires that cannot take part (not installed, not trusted, invalid)
        // is a failed hook too: without it no command runs.
        Set<String> present = new HashSet<>();
        subscribers.forEach(subscriber -> present.add(subscriber.name()));
        List<String> missing = config.requiredPlugins().stream().filter(name -> !present.contains(name)).toList();
        if (subscribers.isEmpty() && missing.isEmpty()) {
            return NONE;
        }
        Consumer<String> serialized = line -> {
            synchronized (report) { // log lines arrive from the threads that start sessions
                report.accept(line);
            }
        };
        return new Hooks(subscribers, missing, new HookLauncher(settings, programs, sandboxes, config::timeout, serialized, audit),
                config,
                new Context(settings.cli().name(), settings.cli().envPrefix(), settings.workingDirectory().toString()),
                serialized, settings.tracer());
    }

    /** Hooks with no subscriber: every event is a no-op that starts nothing. */
    public static Hooks none() {
        return NONE;
    }

    /** The subscribers, in the order their hooks run. */
    public List<Subscriber> subscribers() {
        return subscribers;
    }

    /** A command that runs between its hooks. */
    @FunctionalInterface
    public interface Body {
        /**
         * @param env what the {@code prerun} hooks add to a plugin command's environment
         * @return the command's exit status
         */
        int run(Map<String, String> env) throws InterruptedException;
    }

    /**
     * Runs a command between {@code prerun} and {@code postrun}. When a hook stops it, the
     * reason is reported and the abort's exit status returned; {@code postrun} still fires.
     *
     * @return the command's exit status, or the abort's
     */
    public int run(HookCommand command, Body body) throws InterruptedException {
        if (subscribers.isEmpty() && missingRequired.isEmpty()) {
            return body.run(Map.of());
        }
        Verdict verdict = prerun(command);
        long start = System.nanoTime();
        int status;
        if (verdict instanceof Verdict.Abort abort) {
            report.accept(abort.message());
            status = abort.exitCode();
        } else {
            status = body.run(((Verdict.Proceed) verdict).env());
        }
        postrun(command, verdict instanceof Verdict.Proceed, status, Duration.ofNanos(System.nanoTime() - start));
        return status;
    }

    /**
     * Fires {@code prerun} before a command. A plugin command's own {@code config} hook, when it
     * has one, runs now too, so that its configuration is complete before it starts.
     *
     * @return whether the command runs, with what environment additions
     */
    public Verdict prerun(HookCommand command) throws InterruptedException {
        if (!missingRequired.isEmpty()) {
            String name = missingRequired.get(0);
            return new Verdict.Abort(context.cli() + ": plugin '" + name + "' is required (plugins." + name
                    + ".required) but cannot take part: it is not installed, not trusted, not valid, or lists no"
                    + " hook (see '" + context.cli() + " plugins list'), so the command does not run", ExitStatus.HOOK_FAILED);
        }
        List<Subscriber> wanted = wanting(HookEvents.PRERUN);
        Optional<Subscriber> running = command.plugin()
                .flatMap(name -> subscribers.stream().filter(s -> s.name().equals(name)).findFirst())
                .filter(s -> s.wants(HookEvents.CONFIG) && !wanted.contains(s));
        List<Subscriber> batch = new ArrayList<>(wanted);
        running.ifPresent(batch::add);
        start(batch);
        if (running.isPresent()) {
            Optional<Verdict.Abort> abort = settle(running.get(), HookEvents.CONFIG);
            if (abort.isPresent()) {
                return abort.get();
            }
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (Subscriber subscriber : wanted) {
            askedPrerun.add(subscriber);
            Optional<Verdict.Abort> abort = settle(subscriber, HookEvents.PRERUN);
            if (abort.isPresent()) {
                return abort.get();
            }
            if (gone.contains(subscriber)) {
                continue;
            }
            try {
                long asked = System.nanoTime();
                JsonNode result = live.get(subscriber).call(HookParams.prerun(command.words(), command.args(),
                        command.plugin().orElse(null), context.cwd(), config.view(subscriber)));
                Verdict verdict = Replies.prerun(result, context.envPrefix());
                tracer.step("hook", () -> subscriber.name() + " " + HookEvents.PRERUN + ": " + describe(verdict)
                        + " after " + millis(System.nanoTime() - asked));
                if (verdict instanceof Verdict.Abort stop) {
                    return new Verdict.Abort(context.cli() + ": plugin '" + subscriber.name()
                            + "' stopped the command: " + stop.message(), stop.exitCode());
                }
                env.putAll(((Verdict.Proceed) verdict).env());
            } catch (HookFailure e) {
                abort = failed(subscriber, HookEvents.PRERUN, e);
                if (abort.isPresent()) {
                    return abort.get();
                }
            }
        }
        return new Verdict.Proceed(env);
    }

    /**
     * Fires {@code postrun} after a command, or after {@code prerun} stopped it: to every
     * subscriber of {@code postrun} except those that wanted {@code prerun} and were not asked
     * because an earlier plugin stopped the command. It never changes the exit status.
     *
     * @param ran      whether the command ran
     * @param exitCode its exit status, or the abort's
     */
    public void postrun(HookCommand command, boolean ran, int exitCode, Duration duration) throws InterruptedException {
        List<Subscriber> wanted = wanting(HookEvents.POSTRUN).stream()
                .filter(s -> !s.wants(HookEvents.PRERUN) || askedPrerun.contains(s)).toList();
        ask(HookEvents.POSTRUN, wanted, subscriber -> HookParams.postrun(command.words(), command.args(),
                command.plugin().orElse(null), context.cwd(), ran, exitCode, duration.toMillis(), config.view(subscriber)));
    }

    /**
     * Fires {@code command_not_found} for a command line that matched nothing.
     *
     * @return what the plugins suggested, in plugin order
     */
    public List<Suggestion> commandNotFound(List<String> words) throws InterruptedException {
        Map<Subscriber, JsonNode> results = ask(HookEvents.COMMAND_NOT_FOUND, wanting(HookEvents.COMMAND_NOT_FOUND),
                subscriber -> HookParams.commandNotFound(words, context.cwd(), config.view(subscriber)));
        List<Suggestion> suggestions = new ArrayList<>();
        results.forEach((subscriber, result) -> Replies.suggestions(result)
                .forEach(text -> suggestions.add(new Suggestion(subscriber.name(), text))));
        return suggestions;
    }

    /** Sends an event that cannot stop anything to each of {@code wanted} in order; failures are reported. */
    private Map<Subscriber, JsonNode> ask(String event, List<Subscriber> wanted,
                                            Function<Subscriber, HookParams> params) throws InterruptedException {
        start(wanted);
        Map<Subscriber, JsonNode> results = new LinkedHashMap<>();
        for (Subscriber subscriber : wanted) {
            settle(subscriber, event).ifPresent(abort -> report.accept(abort.message()));
            if (gone.contains(subscriber)) {
                continue;
            }
            try {
                long asked = System.nanoTime();
                results.put(subscriber, live.get(subscriber).call(params.apply(subscriber)));
                tracer.step("hook", () -> subscriber.name() + " " + event + ": answered after " + millis(System.nanoTime() - asked));
            } catch (HookFailure e) {
                failed(subscriber, event, e).ifPresent(abort -> report.accept(abort.message()));
            }
        }
        return results;
    }

    private List<Subscriber> wanting(String event) {
        return subscribers.stream().filter(s -> s.wants(event)).toList();
    }

    /** Starts, in parallel, the sessions of these subscribers that have none yet. */
    private void start(List<Subscriber> wanted) throws InterruptedException {
        List<Subscriber> fresh = wanted.stream().filter(s -> !live.containsKey(s) && !gone.contains(s)).toList();
        if (fresh.size() == 1) {
            startOne(fresh.get(0)); // no thread for one
            return;
        }
        List<Thread> threads = new ArrayList<>();
        for (Subscriber subscriber : fresh) {
            Thread thread = new Thread(() -> {
                try {
                    startOne(subscriber);
                } catch (InterruptedException e) {
                    gone.add(subscriber); // the invocation is being interrupted: nobody asks any more
                }
            }, "hook-start-" + subscriber.name());
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Starts one subscriber and, when it wants it, runs its {@code config} hook. */
    private void startOne(Subscriber subscriber) throws InterruptedException {
        HookSession session;
        try {
            session = starter.start(subscriber, config.view(subscriber));
        } catch (HookFailure e) {
            gone.add(subscriber);
            startFailures.put(subscriber, new StartFailure(null, e));
            return;
        } catch (RuntimeException e) {
            // Whatever went wrong, the plugin must end up either live or gone.
            gone.add(subscriber);
            startFailures.put(subscriber, new StartFailure(null, new HookFailure("could not be started: " + e, true)));
            return;
        }
        live.put(subscriber, session);
        if (subscriber.wants(HookEvents.CONFIG)) {
            try {
                long asked = System.nanoTime();
                Optional<JsonNode> patch = Replies.patch(session.call(HookParams.config(context.cwd(), config.view(subscriber))));
                tracer.step("hook", () -> subscriber.name() + " " + HookEvents.CONFIG + ": "
                        + (patch.isPresent() ? "a patch" : "no patch") + " after " + millis(System.nanoTime() - asked));
                if (patch.isPresent()) {
                    Optional<String> rejected = config.accept(subscriber, patch.get());
                    if (rejected.isPresent()) {
                        throw new HookFailure("its patch was rejected: " + rejected.get(), false);
                    }
                }
            } catch (HookFailure e) {
                if (e.fatal()) {
                    live.remove(subscriber);
                    gone.add(subscriber);
                }
                startFailures.put(subscriber, new StartFailure(HookEvents.CONFIG, e));
            }
        }
    }

    /**
     * Reports, once, what went wrong while a subscriber started.
     *
     * @return an abort when that failure stops the command
     */
    private Optional<Verdict.Abort> settle(Subscriber subscriber, String event) {
        StartFailure start = startFailures.remove(subscriber);
        if (start == null) {
            return Optional.empty();
        }
        // A config hook that failed before the command counts as config; one met only at
        // postrun (the plugin wants no prerun) can no longer stop anything.
        String reported = start.event() == null ? event : start.event();
        boolean beforeCommand = !event.equals(HookEvents.POSTRUN) && !event.equals(HookEvents.COMMAND_NOT_FOUND);
        return failed(subscriber, reported, start.failure(), beforeCommand);
    }

    /** Reports a failed hook; an abort when the plugin is required and the command has not run yet. */
    private Optional<Verdict.Abort> failed(Subscriber subscriber, String event, HookFailure failure) {
        return failed(subscriber, event, failure, event.equals(HookEvents.PRERUN) || event.equals(HookEvents.CONFIG));
    }

    private Optional<Verdict.Abort> failed(Subscriber subscriber, String event, HookFailure failure, boolean canStop) {
        tracer.step("hook", () -> subscriber.name() + " " + event + ": failed: " + failure.getMessage());
        if (failure.fatal()) {
            live.remove(subscriber);
            gone.add(subscriber);
        }
        String what = context.cli() + ": plugin '" + subscriber.name() + "' failed its " + event + " hook: "
                + failure.getMessage();
        if (canStop && config.required(subscriber)) {
            return Optional.of(new Verdict.Abort(what + "; it is required (plugins." + subscriber.name()
                    + ".required), so the command does not run", ExitStatus.HOOK_FAILED));
        }
        report.accept(what + "; skipped it");
        return Optional.empty();
    }

    /** A verdict in a few words, for a trace. */
    private static String describe(Verdict verdict) {
        if (verdict instanceof Verdict.Abort abort) {
            return "abort, exit status " + abort.exitCode() + ": " + abort.message();
        }
        Map<String, String> env = ((Verdict.Proceed) verdict).env();
        return "continue" + (env.isEmpty() ? "" : ", env " + String.join(" ", env.keySet().stream().sorted().toList()));
    }

    /** A duration in milliseconds with one decimal, for a trace. */
    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1fms", nanos / 1e6);
    }

    /** Closes every session at once: each gets EOF, then SIGTERM, then SIGKILL. */
    @Override
    public void close() {
        List<Thread> threads = new ArrayList<>();
        for (HookSession session : live.values()) {
            Thread thread = new Thread(session::close, "hook-close");
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        live.clear();
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // the shutdown hook kills what is left
            }
        }
    }
}
