package dev.jig.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import dev.jig.host.discovery.Inventory;
import dev.jig.host.metadata.Catalog;
import dev.jig.host.metadata.CatalogEntry;
import dev.jig.host.metadata.PluginRecord;
import dev.jig.protocol.codec.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plugins list}: every plugin on the search path, what it is, and what keeps any from running. */
@Command(description = "List every plugin on the search path: its command, kind (plain, protocol, manifest),"
        + " version, where it was found, and why it will not run (shadowed, collides with a built-in,"
        + " not executable, invalid metadata, a requirement not met, untrusted, no good signature when"
        + " security.require_signatures is on).")
final class PluginsListCommand implements Callable<Integer> {

    private final PluginHost host;

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print JSON for scripts: {\"plugins\": [...], \"searchPath\": [...]}.")
    private boolean json;

    @Option(names = "--no-cache", description = "Ask every plugin for its metadata again instead of using the cache.")
    private boolean noCache;

    PluginsListCommand(PluginHost host) {
        this.host = host;
    }

    @Override
    public Integer call() throws Exception {
        Catalog catalog = host.catalog(noCache, json);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = Json.mapper();
            var root = mapper.createObjectNode();
            ArrayNode plugins = root.putArray("plugins");
            catalog.plugins().forEach(entry -> plugins.add(PluginJson.of(mapper, entry)));
            ArrayNode searchPath = root.putArray("searchPath");
            for (Inventory.ScannedDir dir : catalog.searchPath()) {
                searchPath.addObject()
                        .put("origin", dir.dir().origin().id())
                        .put("directory", dir.dir().directory().toString())
                        .put("status", dir.status().name().toLowerCase(Locale.ROOT));
            }
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            printTable(out, catalog.plugins());
        }
        return ExitStatus.OK;
    }

    private void printTable(PrintWriter out, List<CatalogEntry> catalog) {
        if (catalog.isEmpty()) {
            out.println("No plugins found. Plugins are executables named '"
                    + host.settings().cli().filePrefix() + "<command>' on the search path; see '"
                    + host.settings().cli().name() + " help'.");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("COMMAND", "KIND", "VERSION", "ORIGIN", "PATH", "STATUS"));
        for (CatalogEntry entry : catalog) {
            PluginRecord record = entry.record().orElse(null);
            rows.add(List.of(entry.file().command().toString(),
                    record == null ? "-" : record.kind().id(),
                    record == null || record.version() == null ? "-" : record.version(),
                    entry.file().dir().origin().id(),
                    entry.file().path().toString(),
                    PluginJson.status(entry)));
        }
        Table.print(out, rows);
    }
}
