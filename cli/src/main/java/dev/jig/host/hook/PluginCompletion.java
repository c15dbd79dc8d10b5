package dev.jig.host.hook;

import dev.jig.host.HostSettings;
import dev.jig.host.complete.Candidate;
import dev.jig.host.complete.Completion;
import dev.jig.host.complete.DynamicCompletion;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.exec.Programs;
import dev.jig.host.metadata.PluginRecord;
import dev.jig.host.sandbox.Sandboxes;
import dev.jig.protocol.Payloads;
import dev.jig.protocol.method.CompleteParams;
import dev.jig.protocol.method.CompleteResult;
import dev.jig.protocol.method.Methods;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Asks a plugin for candidates with a {@code complete} request, started exactly as a hook
 * session is (trust, sandbox, its own session, {@code <PREFIX>HOOK} set), and always ended
 * with its whole process tree. A plugin that is slow, fails or answers nonsense gives no
 * candidates; nothing it does reaches the terminal, which holds the user's prompt.
 */
public final class PluginCompletion implements DynamicCompletion {

    private final HookLauncher launcher;
    private final Function<PluginFile, Optional<PluginRecord>> records;
    private final Function<PluginFile, Boolean> trusted;

    /**
     * @param timeout how long the plugin has to answer {@code initialize}, and then {@code complete}
     * @param records the cached record of a plugin; the request is never made without one
     * @param trusted whether a plugin may be started at all
     */
    public PluginCompletion(HostSettings settings, Programs programs, Sandboxes sandboxes, Duration timeout,
                            Function<PluginFile, Optional<PluginRecord>> records, Function<PluginFile, Boolean> trusted) {
        this.launcher = new HookLauncher(settings, programs, sandboxes, plugin -> timeout, line -> { }, Optional.empty());
        this.records = records;
        this.trusted = trusted;
    }

    @Override
    public Optional<Completion> ask(PluginFile plugin, List<String> args, String current) throws InterruptedException {
        Optional<PluginRecord> record = records.apply(plugin);
        if (record.isEmpty() || !trusted.apply(plugin)) {
            return Optional.empty();
        }
        HookSession session;
        try {
            session = launcher.start(new Subscriber(plugin, record.get()), null);
        } catch (HookFailure e) {
            return Optional.empty();
        }
        try {
            CompleteResult result = Payloads.read(session.ask(Methods.COMPLETE,
                    Payloads.tree(new CompleteParams(plugin.command().words(), args, current))), CompleteResult.class);
            List<Candidate> candidates = result.candidates().stream()
                    .filter(candidate -> candidate != null && candidate.value() != null)
                    .map(candidate -> new Candidate(candidate.value(), candidate.description()))
                    .toList();
            return Optional.of(new Completion(candidates, result.files()));
        } catch (HookFailure | IllegalArgumentException e) {
            return Optional.empty();
        } finally {
            session.abort(); // its answer is all it was started for: no grace to wait out at a prompt
        }
    }
}
