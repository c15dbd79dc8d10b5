package dev.jig.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import dev.jig.host.discovery.Inventory;
import dev.jig.host.discovery.ListedPlugin;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.discovery.PluginProblem;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plugins list}: every plugin file on the search path, with what keeps any from running. */
@Command(description = "List every plugin on the search path: its command, where it was found, and why it"
        + " will not run (shadowed by an earlier file, collides with a built-in, not executable).")
final class PluginsListCommand implements Callable<Integer> {

    private final PluginHost host;

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print JSON for scripts: {\"plugins\": [...], \"searchPath\": [...]}.")
    private boolean json;

    PluginsListCommand(PluginHost host) {
        this.host = host;
    }

    @Override
    public Integer call() throws Exception {
        Inventory inventory = host.inventory();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(toJson(mapper, inventory)));
        } else {
            printTable(out, inventory);
        }
        return ExitStatus.OK;
    }

    private static ObjectNode toJson(ObjectMapper mapper, Inventory inventory) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode plugins = root.putArray("plugins");
        for (ListedPlugin listed : inventory.plugins()) {
            PluginFile file = listed.file();
            ObjectNode plugin = plugins.addObject();
            plugin.put("name", file.name());
            ArrayNode command = plugin.putArray("command");
            file.command().words().forEach(command::add);
            plugin.put("path", file.path().toString());
            plugin.put("origin", file.dir().origin().id());
            plugin.put("directory", file.dir().directory().toString());
            plugin.put("runnable", listed.runnable());
            ArrayNode problems = plugin.putArray("problems");
            for (PluginProblem problem : listed.problems()) {
                problems.addObject().put("code", problem.code()).put("message", problem.message());
            }
        }
        ArrayNode searchPath = root.putArray("searchPath");
        for (Inventory.ScannedDir dir : inventory.searchPath()) {
            searchPath.addObject()
                    .put("origin", dir.dir().origin().id())
                    .put("directory", dir.dir().directory().toString())
                    .put("status", dir.status().name().toLowerCase(Locale.ROOT));
        }
        return root;
    }

    private void printTable(PrintWriter out, Inventory inventory) {
        if (inventory.plugins().isEmpty()) {
            out.println("No plugins found. Plugins are executables named '"
                    + host.settings().cli().filePrefix() + "<command>' on the search path; see '"
                    + host.settings().cli().name() + " help'.");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("COMMAND", "ORIGIN", "PATH", "STATUS"));
        for (ListedPlugin listed : inventory.plugins()) {
            PluginFile file = listed.file();
            String status = listed.runnable() ? "ok"
                    : listed.problems().stream().map(PluginProblem::message).collect(Collectors.joining("; "));
            rows.add(List.of(file.command().toString(), file.dir().origin().id(), file.path().toString(), status));
        }
        Table.print(out, rows);
    }
}
