package dev.jig.cli.command;

import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import dev.jig.host.discovery.Dispatch;
import dev.jig.host.discovery.Inventory;
import dev.jig.host.discovery.ListedPlugin;
import dev.jig.host.discovery.PluginDir;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code help [COMMAND...]}: the overview (built-ins, then plugin commands grouped by the
 * directory they were found in), a built-in's usage, or a plugin's own {@code --help}.
 */
@Command(description = "Show the commands of ${ROOT-COMMAND-NAME}, or help for one command.")
final class HelpCommand implements Callable<Integer> {

    private final PluginHost host;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*",
            description = "A built-in or plugin command; a plugin is run with --help.")
    private List<String> topic = new ArrayList<>();

    HelpCommand(PluginHost host) {
        this.host = host;
    }

    @Override
    public Integer call() {
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
            List<String> args = new ArrayList<>(plugin.args());
            args.add("--help");
            dispatch = new Dispatch.Plugin(plugin.plugin(), args);
        }
        return PluginDispatch.run(host, dispatch, root.getErr());
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

    private void printOverview(CommandLine root) {
        PrintWriter out = root.getOut();
        String cli = root.getCommandName();
        out.println("Usage: " + cli + " [--plugin-path DIRS] COMMAND [ARGS...]");
        out.println();
        out.println("Built-in commands:");
        List<List<String>> builtins = new ArrayList<>();
        root.getSubcommands().forEach((name, sub) ->
                builtins.add(List.of("  " + name, firstLine(sub.getCommandSpec().usageMessage().description()))));
        Table.print(out, builtins);

        Inventory inventory = host.inventory();
        Map<PluginDir, List<String>> byDir = new LinkedHashMap<>();
        for (ListedPlugin plugin : inventory.runnable()) {
            byDir.computeIfAbsent(plugin.file().dir(), dir -> new ArrayList<>()).add(plugin.file().command().toString());
        }
        byDir.forEach((dir, commands) -> {
            out.println();
            out.println("Plugin commands from " + dir.origin().description() + " (" + dir.directory() + "):");
            commands.forEach(command -> out.println("  " + command));
        });
        if (byDir.isEmpty()) {
            out.println();
            out.println("No plugin commands. A plugin is an executable named '" + cli + "-COMMAND' in a plugin directory.");
        }

        out.println();
        out.println("Options:");
        Table.print(out, List.of(
                List.of("  --plugin-path DIRS", "Look for plugins in these directories (colon-separated) first"),
                List.of("  --version", "Print the version"),
                List.of("  -h, --help", "Show this help")));

        long problems = inventory.plugins().size() - inventory.runnable().size();
        if (problems > 0) {
            out.println();
            out.println(problems + (problems == 1 ? " plugin file has a problem" : " plugin files have problems")
                    + ": see '" + cli + " plugins list'.");
        }
        out.println();
        out.println("Run '" + cli + " help COMMAND' for help on a command.");
    }

    private static String firstLine(String[] description) {
        return description.length == 0 ? "" : description[0];
    }
}
