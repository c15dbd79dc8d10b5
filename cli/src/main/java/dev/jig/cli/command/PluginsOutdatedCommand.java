package dev.jig.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import dev.jig.host.config.Configuration;
import dev.jig.host.index.Outdated;
import dev.jig.host.install.InstallException;
import dev.jig.host.install.PluginManager;
import dev.jig.protocol.codec.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code plugins outdated}: the installed plugins whose indexes offer a newer release. */
@Command(description = "List the plugins installed from an index for which an index has a newer release: name,"
        + " installed version, newest version, index. Exit status 0 whether or not any is outdated; 8 when an index"
        + " cannot be read.")
final class PluginsOutdatedCommand extends ManagementCommand {

    PluginsOutdatedCommand(PluginHost host, Configuration config) {
        super(host, config);
    }

    @Override
    int run(PluginManager manager, PrintWriter out) throws InstallException, InterruptedException, IOException {
        List<Outdated> outdated = manager.outdated();
        if (json) {
            ObjectNode root = Json.mapper().createObjectNode();
            ArrayNode list = root.putArray("outdated");
            for (Outdated plugin : outdated) {
                list.addObject().put("name", plugin.name()).put("installed", plugin.installed())
                        .put("latest", plugin.latest()).put("index", plugin.indexName());
            }
            out.println(Json.mapper().writeValueAsString(root));
        } else if (outdated.isEmpty()) {
            out.println("every plugin installed from an index is at its newest release");
        } else {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("NAME", "INSTALLED", "LATEST", "INDEX"));
            outdated.forEach(plugin -> rows.add(List.of(plugin.name(), plugin.installed(), plugin.latest(), plugin.indexName())));
            Table.print(out, rows);
        }
        return ExitStatus.OK;
    }
}
