package dev.jig.host.complete;

import dev.jig.host.PluginHost;
import dev.jig.host.discovery.ListedPlugin;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.metadata.PluginRecord;
import dev.jig.protocol.metadata.CommandSpec;
import dev.jig.protocol.metadata.FlagSpec;
import dev.jig.protocol.metadata.PluginMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the candidates for one word of a command line.
 *
 * <p>Plugin commands come from file names; a plugin's subcommands and flags from its cached
 * metadata. No plugin is started to find them: a plugin whose metadata is not cached yet is
 * completed from file names alone. Only a plugin whose metadata opts in is asked, through
 * {@link DynamicCompletion}.
 */
public final class Completer {

    private final PluginHost host;
    private final BuiltinWords builtins;
    private final DynamicCompletion dynamic;

    /**
     * @param dynamic asks plugins that opted in for candidates
     */
    public Completer(PluginHost host, BuiltinWords builtins, DynamicCompletion dynamic) {
        this.host = host;
        this.builtins = builtins;
        this.dynamic = dynamic;
    }

    /**
     * The candidates for the last of {@code words}.
     *
     * @param words the words after the CLI's name, the last being the one completed (empty when
     *              the cursor follows a space)
     */
    public Completion complete(List<String> words) throws InterruptedException {
        if (words.isEmpty()) {
            return complete(List.of(""));
        }
        String current = words.get(words.size() - 1);
        List<String> before = withoutGlobalFlags(words.subList(0, words.size() - 1));
        if (before == null) {
            return Completion.none(); // the value of a global flag: a path, left to the shell
        }
        if (before.isEmpty()) {
            return current.startsWith("-")
                    ? Completion.matching(current, builtins.globalFlags().stream().map(Candidate::of).toList(), false)
                    : Completion.matching(current, commands(), false);
        }
        String first = before.get(0);
        if (host.settings().builtins().contains(first)) {
            if (before.size() > 1) {
                return Completion.none();
            }
            List<Candidate> words2 = first.equals("help") ? commands()
                    : builtins.builtins().getOrDefault(first, List.of()).stream().map(Candidate::of).toList();
            return Completion.matching(current, words2, false);
        }
        return plugin(before, current);
    }

    /**
     * {@code before} without the leading global flags and their values; null when the word being
     * completed is a global flag's value.
     */
    private List<String> withoutGlobalFlags(List<String> before) {
        int i = 0;
        while (i < before.size() && before.get(i).startsWith("-")) {
            if (builtins.valuedFlags().contains(before.get(i))) {
                i++;
                if (i == before.size()) {
                    return null;
                }
            }
            i++;
        }
        return before.subList(i, before.size());
    }

    /** Every built-in and every runnable plugin's first word, the plugin's summary beside it when cached. */
    private List<Candidate> commands() {
        List<Candidate> all = new ArrayList<>();
        builtins.builtins().keySet().stream().sorted().map(Candidate::of).forEach(all::add);
        for (ListedPlugin plugin : runnable()) {
            List<String> words = plugin.file().command().words();
            String summary = words.size() == 1 ? cached(plugin.file()).map(PluginRecord::summary).orElse(null) : null;
            all.add(new Candidate(words.get(0), summary));
        }
        return all;
    }

    private List<ListedPlugin> runnable() {
        return host.inventory().runnable().stream()
                // A command before its subcommands' files: its candidate, the one kept, has its summary.
                .sorted(Comparator.comparing((ListedPlugin p) -> p.file().command().words().get(0))
                        .thenComparingInt(p -> p.file().command().words().size()))
                .toList();
    }

    private Optional<PluginRecord> cached(PluginFile plugin) {
        return host.cachedRecord(plugin);
    }

    /** Completes a word of a plugin's command line: {@code before} starts with its command. */
    private Completion plugin(List<String> before, String current) throws InterruptedException {
        List<ListedPlugin> runnable = runnable();
        List<Candidate> all = new ArrayList<>();
        // Plugins whose command continues 'before' by one word: jig-foo-bar when completing 'jig foo '.
        for (ListedPlugin listed : runnable) {
            List<String> words = listed.file().command().words();
            if (words.size() > before.size() && words.subList(0, before.size()).equals(before)) {
                all.add(Candidate.of(words.get(before.size())));
            }
        }
        // The plugin that runs: the longest command that 'before' starts with.
        Optional<PluginFile> owner = runnable.stream().map(ListedPlugin::file)
                .filter(file -> file.command().words().size() <= before.size()
                        && before.subList(0, file.command().words().size()).equals(file.command().words()))
                .max(Comparator.comparingInt(file -> file.command().words().size()));
        if (owner.isEmpty()) {
            return Completion.matching(current, all, false);
        }
        PluginFile file = owner.get();
        List<String> args = before.subList(file.command().words().size(), before.size());
        Optional<PluginMetadata> metadata = cached(file).flatMap(PluginRecord::metadata);
        if (metadata.isEmpty()) {
            return Completion.matching(current, all, true);
        }
        Spec spec = Spec.of(metadata.get(), args);
        if (spec.afterValuedFlag()) {
            all.clear(); // a flag's value: no command or flag fits there
        } else {
            all.addAll(current.startsWith("-") ? flags(spec.flags()) : commands(spec.commands()));
        }
        boolean files = true;
        if (metadata.get().completion()) {
            Optional<Completion> asked = dynamic.ask(file, args, current);
            if (asked.isPresent()) {
                all.addAll(asked.get().candidates());
                files = asked.get().files();
            }
        }
        return Completion.matching(current, all, files);
    }

    private static List<Candidate> flags(List<FlagSpec> flags) {
        List<Candidate> all = new ArrayList<>();
        for (FlagSpec flag : flags) {
            all.add(new Candidate(flag.name(), flag.summary()));
            if (flag.shortName() != null) {
                all.add(new Candidate(flag.shortName(), flag.summary()));
            }
        }
        return all;
    }

    private static List<Candidate> commands(List<CommandSpec> commands) {
        return commands.stream().map(command -> new Candidate(command.name(), command.summary())).toList();
    }

    /**
     * The flags and subcommands in scope after a plugin's arguments so far: each argument that
     * names a subcommand moves into it, and its flags join the plugin's.
     *
     * @param afterValuedFlag whether the word being completed is the value of a flag
     */
    private record Spec(List<FlagSpec> flags, List<CommandSpec> commands, boolean afterValuedFlag) {
        static Spec of(PluginMetadata metadata, List<String> args) {
            List<FlagSpec> flags = new ArrayList<>(metadata.flags());
            List<CommandSpec> commands = metadata.commands();
            boolean valued = false;
            for (String arg : args) {
                if (valued) {
                    valued = false;
                    continue;
                }
                if (arg.startsWith("-")) {
                    valued = !arg.contains("=") && flags.stream().anyMatch(flag -> flag.value() != null
                            && (arg.equals(flag.name()) || arg.equals(flag.shortName())));
                    continue;
                }
                Optional<CommandSpec> sub = commands.stream().filter(command -> command.name().equals(arg)).findFirst();
                if (sub.isPresent()) {
                    flags.addAll(sub.get().flags());
                    commands = sub.get().subcommands();
                } else {
                    commands = List.of(); // an operand: no subcommand follows it
                }
            }
            return new Spec(flags, commands, valued);
        }
    }
}
