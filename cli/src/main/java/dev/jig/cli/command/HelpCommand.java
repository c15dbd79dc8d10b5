package dev.jig.cli.command;

import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import dev.jig.host.config.Configuration;
import dev.jig.host.config.PluginConfigs;
import dev.jig.host.discovery.Dispatch;
import dev.jig.host.discovery.PluginProblem;
import dev.jig.host.metadata.CatalogEntry;
import dev.jig.host.metadata.Kind;
import dev.jig.host.metadata.PluginRecord;
import dev.jig.host.metadata.Text;
import dev.jig.protocol.metadata.PluginMetadata;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code help [COMMAND...]}: the overview (built-ins, then plugin commands grouped by plugin,
 * then the plugins that cannot run and why), a built-in's usage, a plugin's help rendered
 * from its metadata, or a plain plugin's own {@code --help}.
 */
@Command(description = "Show the commands, or help for one command.")
final class HelpCommand implements Callable<Integer> {

    /** How much of a reason fits on the line of an invalid or untrusted plugin. */
    private static final int REASON_WIDTH = 72;

    private final PluginHost host;
    private final Configuration config;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*",
            description = "A built-in or plugin command (and subcommands); a plain plugin is run with --help.")
    private List<String> topic = new ArrayList<>();

    HelpCommand(PluginHost host, Configuration config) {
        this.host = host;
        this.config = config;
    }

    @Override
    public Integer call() throws Exception {
        CommandLine root = spec.root().commandLine();
        if (topic.isEmpty()) {
            printOverview(root);
            return ExitStatus.OK;
        }
        Dispatch dispatch = host.resolve(topic);
        if (dispatch instanceof Dispatch.Builtin) {
            return builtinUsage(root);
        }
        if (dispatch instanceof Dispatch.Plugin plugin) {
            CatalogEntry entry = host.describe(plugin.plugin());
            Optional<PluginMetadata> described = entry.record().flatMap(PluginRecord::metadata);
            if (described.isPresent()) {
                PluginMetadata metadata = described.get();
                String command = root.getCommandName() + " " + plugin.plugin().command();
                if (MetadataHelp.print(root.getOut(), command, metadata, plugin.args())) {
                    return ExitStatus.OK;
                }
                root.getErr().println(root.getCommandName() + ": '" + command + "' has no command '"
                        + String.join(" ", plugin.args()) + "'. See '" + root.getCommandName() + " help "
                        + plugin.plugin().command() + "'.");
                return ExitStatus.NOT_FOUND;
            }
            // A plain plugin describes itself: ask it.
            List<String> args = new ArrayList<>(plugin.args());
            args.add("--help");
            dispatch = new Dispatch.Plugin(plugin.plugin(), args);
        }
        return PluginDispatch.run(host, dispatch, root.getErr(), new PluginConfigs(config));
    }

    private int builtinUsage(CommandLine root) {
        CommandLine command = root;
        for (String word : topic) {
            CommandLine sub = command.getSubcommands().get(word);
            if (sub == null) {
                root.getErr().println(root.getCommandName() + ": '" + String.join(" ", topic)
                        + "' is not a " + root.getCommandName() + " command. See '" + root.getCommandName() + " help'.");
                return ExitStatus.NOT_FOUND;
            }
            command = sub;
        }
        command.usage(root.getOut());
        return ExitStatus.OK;
    }

    /**
     * Built-ins; then each protocol or manifest plugin under its name and version with its
     * command and subcommands; plain plugins together; then the plugins that cannot run because
     * they are invalid, and those that are not trusted, each with its reason. Shows only what the
     * catalog holds (no metadata JSON is parsed for help).
     */
    private void printOverview(CommandLine root) throws InterruptedException {
        PrintWriter out = root.getOut();
        String cli = root.getCommandName();
        Style style = Style.of(host.settings());
        out.println("Usage: " + cli + " [--plugin-path DIRS] [-c KEY=VALUE]... [--trace] COMMAND [ARGS...]");
        out.println();
        out.println(style.heading("Built-in commands:"));
        List<List<String>> builtins = new ArrayList<>();
        root.getSubcommands().forEach((name, sub) ->
                builtins.add(List.of("  " + name, firstLine(sub.getCommandSpec().usageMessage().description()))));
        Table.print(out, builtins);

        List<CatalogEntry> catalog = host.catalog(false, false).plugins();
        List<List<String>> plain = new ArrayList<>();
        List<List<String>> invalid = new ArrayList<>();
        List<List<String>> untrusted = new ArrayList<>();
        long shadowed = 0;
        boolean anyCommand = false;
        for (CatalogEntry entry : catalog) {
            String command = "  " + entry.file().command();
            Optional<PluginRecord> record = entry.record();
            if (entry.runnable()) {
                anyCommand = true;
                String summary = record.map(PluginRecord::summary).orElse(null);
                List<String> row = List.of(command, summary == null ? "" : summary);
                if (record.isEmpty() || record.get().kind() == Kind.PLAIN) {
                    plain.add(row);
                } else {
                    printPlugin(out, style, entry, record.get(), row);
                }
            } else if (entry.problems().stream().anyMatch(problem -> trustReason(problem).isPresent())) {
                untrusted.add(List.of(command, shorter(entry.problems().stream().map(HelpCommand::trustReason)
                        .flatMap(Optional::stream).findFirst().orElseThrow())));
            } else if (entry.problems().stream().allMatch(problem -> problem instanceof PluginProblem.Shadowed)) {
                shadowed++; // another file runs for its command: nothing is wrong with the command
            } else {
                List<PluginProblem> problems = entry.problems();
                String reason = shorter(problems.get(0).message());
                invalid.add(List.of(command, problems.size() == 1 ? reason : reason + " (and " + (problems.size() - 1) + " more)"));
            }
        }
        if (!plain.isEmpty()) {
            out.println();
            out.println(style.heading("Plain plugins:"));
            Table.print(out, plain);
        }
        if (!anyCommand) {
            out.println();
            out.println("No plugin commands. A plugin is an executable named '" + cli + "-COMMAND' in a plugin directory.");
        }
        if (!invalid.isEmpty()) {
            out.println();
            out.println(style.error("Invalid plugins") + " (not run; see '" + cli + " plugins info COMMAND'):");
            Table.print(out, invalid);
        }
        if (!untrusted.isEmpty()) {
            out.println();
            out.println(style.warning("Untrusted plugins") + " (not run; review one, then '" + cli + " plugins trust NAME'):");
            Table.print(out, untrusted);
        }

        out.println();
        out.println(style.heading("Options:"));
        Table.print(out, List.of(
                List.of("  --plugin-path DIRS", "Look for plugins in these directories (colon-separated) first"),
                List.of("  -c KEY=VALUE", "Set a configuration value for this command (repeatable)"),
                List.of("  --trace", "Print each step of the command on stderr, with timings"),
                List.of("  --version", "Print the version"),
                List.of("  -h, --help", "Show this help")));
        if (shadowed > 0) {
            out.println();
            out.println(shadowed + (shadowed == 1 ? " plugin file is shadowed by another" : " plugin files are shadowed by others")
                    + " of the same command: see '" + cli + " plugins list'.");
        }
        out.println();
        out.println("Run '" + cli + " help COMMAND' for help on a command.");
    }

    /**
     * One protocol or manifest plugin: its name and version as the heading, where it was found,
     * then its command with its summary and its subcommands.
     */
    private static void printPlugin(PrintWriter out, Style style, CatalogEntry entry, PluginRecord record, List<String> row) {
        out.println();
        String version = record.version() == null ? "" : " " + record.version();
        out.println(style.heading(Text.oneLine(entry.file().name() + version)) + " (" + entry.file().dir().origin().description() + "):");
        Table.print(out, List.of(row));
        for (String subcommand : record.subcommands()) {
            out.println(Text.oneLine("    " + entry.file().command() + " " + subcommand));
        }
    }

    /** Why a plugin is not trusted, when that is what keeps it from running. */
    private static Optional<String> trustReason(PluginProblem problem) {
        if (problem instanceof PluginProblem.Untrusted untrusted) {
            return Optional.of(untrusted.reason());
        }
        if (problem instanceof PluginProblem.Changed) {
            return Optional.of("changed since it was trusted");
        }
        if (problem instanceof PluginProblem.Unverified unverified) {
            return Optional.of("signature required, but " + unverified.finding());
        }
        return Optional.empty();
    }

    /** A reason cut short for one line; the whole of it is in 'plugins info'. */
    private static String shorter(String reason) {
        String line = Text.oneLine(reason);
        return line.length() <= REASON_WIDTH ? line : line.substring(0, REASON_WIDTH - 3).stripTrailing() + "...";
    }

    private static String firstLine(String[] description) {
        return description.length == 0 ? "" : description[0];
    }
}
