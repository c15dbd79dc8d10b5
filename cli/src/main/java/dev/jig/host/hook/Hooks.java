package dev.jig.host.hook;

import dev.jig.host.ExitStatus;
import dev.jig.host.HostSettings;
import dev.jig.host.exec.Programs;
import dev.jig.protocol.method.HookEvents;
import dev.jig.protocol.method.HookParams;
import dev.jig.protocol.method.HookResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The lifecycle hooks of one invocation.
 *
 * <p>A subscriber is started at the first event it wants (its {@code config} event first, when it
 * wants that one) and kept until {@link #close()}; the subscribers an event needs start in
 * parallel. Hooks then run one plugin at a time in search-path order, so the outcome never
 * depends on timing. A hook that fails is reported in one line and skipped, and its plugin is
 * asked nothing more; when the configuration marks the plugin required, the failure stops the
 * command instead, with {@link #REQUIRED_HOOK_FAILED}.
 */
public final class Hooks implements AutoCloseable {

    /** The exit status when a required plugin's hook fails. */
    public static final int REQUIRED_HOOK_FAILED = ExitStatus.HOOK_FAILED;

    private static final Hooks NONE = new Hooks(List.of(), (plugin, config) -> {
        throw new IllegalStateException("no subscribers");
    }, null, new Context("", "", ""), line -> { });

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
    private final SessionStarter starter;
    private final HookConfig config;
    private final Context context;
    private final Consumer<String> report;
    private final Map<Subscriber, HookSession> live = new ConcurrentHashMap<>();
    /** Why a subscriber failed; reported once, by the event that meets it first. */
    private final Map<Subscriber, String> failed = new ConcurrentHashMap<>();
    /** Lines about a subscriber's start (a rejected patch), shown in order with its next hook. */
    private final Map<Subscriber, List<String>> notes = new ConcurrentHashMap<>();

    /**
     * @param subscribers every plugin that subscribed to an event, in search-path order
     * @param report      receives each line for the user (failures, rejected patches)
     */
    Hooks(List<Subscriber> subscribers, SessionStarter starter, HookConfig config, Context context,
          Consumer<String> report) {
        this.subscribers = List.copyOf(subscribers);
        this.starter = starter;
        this.config = config;
        this.context = context;
        this.report = report;
    }

    /**
     * The hooks of one invocation; nothing starts until an event needs it.
     *
     * @param subscribers every plugin that subscribed to an event, in the order their hooks run
     * @param report      receives each line for the user: failures, rejected patches, log lines
     */
    public static Hooks of(HostSettings settings, Programs programs, List<Subscriber> subscribers, HookConfig config,
                           Consumer<String> report) {
        if (subscribers.isEmpty()) {
            return NONE;
        }
        Consumer<String> serialized = line -> {
            synchronized (report) { // log lines arrive from the threads that start sessions
                report.accept(line);
            }
        };
        return new Hooks(subscribers, new HookLauncher(settings, programs, config.timeout(), serialized), config,
                new Context(settings.cli().name(), settings.cli().envPrefix(), settings.workingDirectory().toString()),
                serialized);
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
     * @return the command's exit status, or the abort's, or {@link #REQUIRED_HOOK_FAILED}
     */
    public int run(HookCommand command, Body body) throws InterruptedException {
        if (subscribers.isEmpty()) {
            return body.run(Map.of());
        }
        Verdict verdict = prerun(command);
        long start = System.nanoTime();
        boolean ran = verdict instanceof Verdict.Proceed;
        int status;
        if (verdict instanceof Verdict.Abort abort) {
            report.accept(abort.message());
            status = abort.exitCode();
        } else {
            status = body.run(((Verdict.Proceed) verdict).env());
        }
        return postrun(command, ran, status, Duration.ofNanos(System.nanoTime() - start)).orElse(status);
    }

    /**
     * Fires {@code prerun} before a command. A plugin command's own {@code config} hook, when it
     * has one, runs now too, so that its configuration is complete before it starts.
     *
     * @return whether the command runs, with what environment additions
     */
    public Verdict prerun(HookCommand command) throws InterruptedException {
        List<Subscriber> wanted = wanting(HookEvents.PRERUN);
        Optional<Subscriber> running = command.plugin().flatMap(this::subscriber)
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
            Optional<Verdict.Abort> abort = settle(subscriber, HookEvents.PRERUN);
            if (abort.isPresent()) {
                return abort.get();
            }
            if (!live.containsKey(subscriber)) {
                continue;
            }
            try {
                HookResult result = live.get(subscriber).call(HookParams.prerun(command.words(), command.args(),
                        command.plugin().orElse(null), context.cwd(), config.view(subscriber)));
                Verdict verdict = Replies.prerun(result, context.envPrefix());
                if (verdict instanceof Verdict.Abort stop) {
                    return new Verdict.Abort(context.cli() + ": plugin '" + subscriber.name()
                            + "' stopped the command: " + stop.message(), stop.exitCode());
                }
                env.putAll(((Verdict.Proceed) verdict).env());
            } catch (HookFailure e) {
                abort = failed(subscriber, HookEvents.PRERUN, e.getMessage());
                if (abort.isPresent()) {
                    return abort.get();
                }
            }
        }
        return new Verdict.Proceed(env);
    }

    /**
     * Fires {@code postrun} after a command, or after {@code prerun} stopped it.
     *
     * @param ran      whether the command ran
     * @param exitCode its exit status, or the abort's
     * @return {@link #REQUIRED_HOOK_FAILED} when a required plugin's hook failed
     */
    public OptionalInt postrun(HookCommand command, boolean ran, int exitCode, Duration duration)
            throws InterruptedException {
        Asked asked = ask(HookEvents.POSTRUN, subscriber -> HookParams.postrun(command.words(), command.args(),
                command.plugin().orElse(null), context.cwd(), ran, exitCode, duration.toMillis(), config.view(subscriber)));
        return asked.failedRequired().isEmpty() ? OptionalInt.empty() : OptionalInt.of(REQUIRED_HOOK_FAILED);
    }

    /**
     * Fires {@code command_not_found} for a command line that matched nothing.
     *
     * @return the suggestions, in plugin order, and whether a required plugin's hook failed
     */
    public NotFound commandNotFound(List<String> words) throws InterruptedException {
        Asked asked = ask(HookEvents.COMMAND_NOT_FOUND,
                subscriber -> HookParams.commandNotFound(words, context.cwd(), config.view(subscriber)));
        List<Suggestion> suggestions = new ArrayList<>();
        asked.results().forEach((subscriber, result) -> Replies.suggestions(result)
                .forEach(text -> suggestions.add(new Suggestion(subscriber.name(), text))));
        return new NotFound(suggestions, !asked.failedRequired().isEmpty());
    }

    /**
     * What {@code command_not_found} hooks said.
     *
     * @param suggestions    what the plugins suggested, in plugin order
     * @param requiredFailed whether a required plugin's hook failed
     */
    public record NotFound(List<Suggestion> suggestions, boolean requiredFailed) {
        public NotFound {
            suggestions = List.copyOf(suggestions);
        }
    }

    /** The answers of the plugins an event was sent to, and the required ones that failed. */
    private record Asked(Map<Subscriber, HookResult> results, List<Subscriber> failedRequired) {
    }

    /** Sends an event to each subscriber in order, reporting failures; nothing can stop the chain. */
    private Asked ask(String event, Function<Subscriber, HookParams> params)
            throws InterruptedException {
        List<Subscriber> wanted = wanting(event);
        start(wanted);
        Map<Subscriber, HookResult> results = new LinkedHashMap<>();
        List<Subscriber> failedRequired = new ArrayList<>();
        for (Subscriber subscriber : wanted) {
            Optional<Verdict.Abort> abort = settle(subscriber, event);
            if (abort.isPresent()) {
                report.accept(abort.get().message());
                failedRequired.add(subscriber);
                continue;
            }
            if (!live.containsKey(subscriber)) {
                continue;
            }
            try {
                results.put(subscriber, live.get(subscriber).call(params.apply(subscriber)));
            } catch (HookFailure e) {
                abort = failed(subscriber, event, e.getMessage());
                if (abort.isPresent()) {
                    report.accept(abort.get().message());
                    failedRequired.add(subscriber);
                }
            }
        }
        return new Asked(results, failedRequired);
    }

    private List<Subscriber> wanting(String event) {
        return subscribers.stream().filter(s -> s.wants(event)).toList();
    }

    private Optional<Subscriber> subscriber(String plugin) {
        return subscribers.stream().filter(s -> s.name().equals(plugin)).findFirst();
    }

    /** Starts, in parallel, the sessions of these subscribers that have none yet. */
    private void start(List<Subscriber> wanted) throws InterruptedException {
        List<Subscriber> fresh = wanted.stream().filter(s -> !live.containsKey(s) && !failed.containsKey(s)).toList();
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
                    failed.put(subscriber, "interrupted while starting");
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
            failed.put(subscriber, e.getMessage());
            return;
        } catch (RuntimeException e) {
            failed.put(subscriber, "could not be started: " + e.getMessage());
            return;
        }
        if (subscriber.wants(HookEvents.CONFIG)) {
            try {
                HookResult result = session.call(HookParams.config(context.cwd(), config.view(subscriber)));
                if (result.patch() != null && !result.patch().isNull()) {
                    config.accept(subscriber, result.patch()).ifPresent(reason -> notes.put(subscriber,
                            List.of(context.cli() + ": ignored the configuration from plugin '" + subscriber.name()
                                    + "': " + reason)));
                }
            } catch (HookFailure e) {
                failed.put(subscriber, "config hook: " + e.getMessage());
                return;
            }
        }
        live.put(subscriber, session);
    }

    /**
     * Shows what happened while a subscriber started, before its first hook: notes, or its
     * failure (once).
     *
     * @return an abort when it failed and is required
     */
    private Optional<Verdict.Abort> settle(Subscriber subscriber, String event) {
        Optional.ofNullable(notes.remove(subscriber)).ifPresent(lines -> lines.forEach(report));
        String reason = failed.get(subscriber);
        if (reason == null || reason.isEmpty()) {
            return Optional.empty();
        }
        failed.put(subscriber, ""); // reported: later events skip it silently
        return failed(subscriber, event, reason);
    }

    /** Reports a failed hook; an abort when the plugin is required. */
    private Optional<Verdict.Abort> failed(Subscriber subscriber, String event, String reason) {
        live.remove(subscriber);
        failed.put(subscriber, "");
        String what = context.cli() + ": plugin '" + subscriber.name() + "' failed its " + event + " hook: " + reason;
        if (config.required(subscriber)) {
            String consequence = switch (event) {
                case HookEvents.POSTRUN -> "the command ran, but";
                case HookEvents.COMMAND_NOT_FOUND -> "so";
                default -> "so the command does not run and";
            };
            return Optional.of(new Verdict.Abort(what + "; it is required (plugins." + subscriber.name()
                    + ".required), " + consequence + " " + context.cli() + " exits with " + REQUIRED_HOOK_FAILED,
                    REQUIRED_HOOK_FAILED));
        }
        report.accept(what + "; skipped it");
        return Optional.empty();
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
