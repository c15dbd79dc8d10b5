package dev.jig.cli.command;

import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import dev.jig.host.config.Configuration;
import dev.jig.host.config.PluginConfigs;
import dev.jig.host.discovery.Dispatch;
import dev.jig.host.discovery.PluginDir;
import dev.jig.host.metadata.CatalogEntry;
import dev.jig.host.metadata.PluginRecord;
import dev.jig.protocol.metadata.PluginMetadata;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code help [COMMAND...]}: the overview (built-ins, then plugin commands with their summaries,
 * grouped by the directory they were found in), a built-in's usage, a plugin's help rendered
 * from its metadata, or a plain plugin's own {@code --help}.
 */
@Command(description = "Show the commands, or help for one command.")
final class HelpCommand implements Callable<Integer> {

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

    private void printOverview(CommandLine root) throws InterruptedException {
        PrintWriter out = root.getOut();
        String cli = root.getCommandName();
        out.println("Usage: " + cli + " [--plugin-path DIRS] [-c KEY=VALUE]... COMMAND [ARGS...]");
        out.println();
        out.println("Built-in commands:");
        List<List<String>> builtins = new ArrayList<>();
        root.getSubcommands().forEach((name, sub) ->
                builtins.add(List.of("  " + name, firstLine(sub.getCommandSpec().usageMessage().description()))));
        Table.print(out, builtins);

        List<CatalogEntry> catalog = host.catalog(false, false).plugins();
        Map<PluginDir, List<List<String>>> byDir = new LinkedHashMap<>();
        for (CatalogEntry entry : catalog) {
            if (entry.runnable()) {
                String summary = entry.record().map(PluginRecord::summary).orElse(null);
                byDir.computeIfAbsent(entry.file().dir(), dir -> new ArrayList<>())
                        .add(List.of("  " + entry.file().command(), summary == null ? "" : summary));
            }
        }
        byDir.forEach((dir, commands) -> {
            out.println();
            out.println("Plugin commands from " + dir.origin().description() + " (" + dir.directory() + "):");
            Table.print(out, commands);
        });
        if (byDir.isEmpty()) {
            out.println();
            out.println("No plugin commands. A plugin is an executable named '" + cli + "-COMMAND' in a plugin directory.");
        }

        out.println();
        out.println("Options:");
        Table.print(out, List.of(
                List.of("  --plugin-path DIRS", "Look for plugins in these directories (colon-separated) first"),
                List.of("  -c KEY=VALUE", "Set a configuration value for this command (repeatable)"),
                List.of("  --version", "Print the version"),
                List.of("  -h, --help", "Show this help")));

        long untrusted = catalog.stream().filter(entry -> !PluginJson.trust(entry).equals("trusted")).count();
        long problems = catalog.stream().filter(entry -> !entry.runnable()).count() - untrusted;
        if (problems > 0) {
            out.println();
            out.println(problems + (problems == 1 ? " plugin has a problem" : " plugins have problems")
                    + ": see '" + cli + " plugins list'.");
        }
        if (untrusted > 0) {
            out.println();
            out.println(untrusted + (untrusted == 1 ? " plugin is not trusted and was not run"
                    : " plugins are not trusted and were not run") + ": see '" + cli + " plugins list' and '" + cli + " plugins trust'.");
        }
        out.println();
        out.println("Run '" + cli + " help COMMAND' for help on a command.");
    }

    private static String firstLine(String[] description) {
        return description.length == 0 ? "" : description[0];
    }
}
