package dev.jig.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.discovery.PluginProblem;
import dev.jig.host.metadata.CatalogEntry;
import dev.jig.host.metadata.PluginRecord;
import java.util.stream.Collectors;

/** How a plugin appears in {@code --json} output and in the status column: one shape for list and info. */
final class PluginJson {

    private PluginJson() {
    }

    /** {@code ok}, or every problem, separated by semicolons. */
    static String status(CatalogEntry entry) {
        return entry.runnable() ? "ok"
                : entry.problems().stream().map(PluginProblem::message).collect(Collectors.joining("; "));
    }

    /** {@code untrusted} or {@code changed} when the plugin is refused for that, else {@code trusted}. */
    static String trust(CatalogEntry entry) {
        return entry.problems().stream().map(PluginProblem::code)
                .filter(code -> code.equals("untrusted") || code.equals("changed")).findFirst().orElse("trusted");
    }

    static ObjectNode of(ObjectMapper mapper, CatalogEntry entry) {
        PluginFile file = entry.file();
        ObjectNode plugin = mapper.createObjectNode();
        plugin.put("name", file.name());
        ArrayNode command = plugin.putArray("command");
        file.command().words().forEach(command::add);
        plugin.put("path", file.path().toString());
        plugin.put("origin", file.dir().origin().id());
        plugin.put("directory", file.dir().directory().toString());
        PluginRecord record = entry.record().orElse(null);
        plugin.put("kind", record == null ? null : record.kind().id());
        plugin.put("version", record == null ? null : record.version());
        plugin.put("description", record == null ? null : record.summary());
        plugin.put("runnable", entry.runnable());
        plugin.put("trust", trust(entry));
        ArrayNode problems = plugin.putArray("problems");
        for (PluginProblem problem : entry.problems()) {
            problems.addObject().put("code", problem.code()).put("message", problem.message());
        }
        if (record != null && record.detail() != null) {
            plugin.put("detail", record.detail());
        }
        if (record != null && record.metadataJson() != null) {
            try {
                plugin.set("metadata", mapper.readTree(record.metadataJson()));
            } catch (JsonProcessingException e) {
                plugin.put("metadata", (String) null); // a damaged cache body: the header still speaks
            }
        }
        return plugin;
    }
}
