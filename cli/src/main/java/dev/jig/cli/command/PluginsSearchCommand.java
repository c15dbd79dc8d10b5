package dev.jig.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import dev.jig.host.config.Configuration;
import dev.jig.host.index.IndexEntry;
import dev.jig.host.install.InstallException;
import dev.jig.host.install.Locked;
import dev.jig.host.install.PluginManager;
import dev.jig.protocol.codec.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code plugins search TEXT}: the plugins the indexes offer whose name or description holds TEXT. */
@Command(description = "Search the configured indexes: every plugin whose name or description contains TEXT (any"
        + " case), exact names first, with its newest stable version for this platform, the version installed, and"
        + " its description. Exit"
        + " status 0, also when nothing matches; 8 when an index cannot be read, 9 when none is configured.")
final class PluginsSearchCommand extends ManagementCommand {

    @Parameters(paramLabel = "TEXT", arity = "0..1", description = "What to look for; nothing lists every plugin.")
    private String text = "";

    PluginsSearchCommand(PluginHost host, Configuration config) {
        super(host, config);
    }

    @Override
    int run(PluginManager manager, PrintWriter out) throws InstallException, InterruptedException, IOException {
        List<IndexEntry> found = manager.search(text);
        Map<String, Locked> installed = manager.installed();
        if (json) {
            ObjectNode root = Json.mapper().createObjectNode();
            ArrayNode list = root.putArray("plugins");
            for (IndexEntry entry : found) {
                Locked locked = installed.get(entry.name());
                list.addObject().put("name", entry.name()).put("latest", manager.latest(entry.name()).orElse(null))
                        .put("installed", locked == null ? null : locked.version())
                        .put("description", entry.description()).put("homepage", entry.homepage());
            }
            out.println(Json.mapper().writeValueAsString(root));
        } else if (found.isEmpty()) {
            out.println("no plugin in the indexes matches '" + text + "'");
        } else {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("NAME", "LATEST", "INSTALLED", "DESCRIPTION"));
            for (IndexEntry entry : found) {
                Locked locked = installed.get(entry.name());
                rows.add(List.of(entry.name(), manager.latest(entry.name()).orElse("-"), locked == null ? "-" : locked.shownVersion(),
                        entry.description() == null ? "" : entry.description()));
            }
            Table.print(out, rows);
        }
        return ExitStatus.OK;
    }
}
