package dev.jig.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import dev.jig.host.audit.AuditLog;
import dev.jig.protocol.codec.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code plugins audit}: the audit log, oldest first, filtered. */
@Command(description = "Show the audit log: one record per plugin execution (run, probe, hook session), oldest"
        + " first, with its time, plugin, path, SHA-256, trust decision, sandbox, exit code and duration. Auditing"
        + " is off unless security.audit is true.")
final class PluginsAuditCommand implements Callable<Integer> {

    private final PluginHost host;

    @Spec
    private CommandSpec spec;

    @Option(names = "--plugin", paramLabel = "NAME", description = "Only this plugin's records.")
    private String plugin;

    @Option(names = "--since", paramLabel = "WHEN", description = "Only records from then on: an age (30s, 15m, 1h,"
            + " 2d, 1w) or an ISO-8601 time (2026-11-25T10:00:00Z, 2026-11-25).")
    private String since;

    @Option(names = "--json", description = "Print the records as JSON Lines, one object per line, as logged.")
    private boolean json;

    PluginsAuditCommand(PluginHost host) {
        this.host = host;
    }

    @Override
    public Integer call() throws IOException {
        Optional<Instant> from;
        try {
            from = Optional.ofNullable(since).map(text -> Since.parse(text, Instant.now()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--since: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        Optional<Path> log = AuditLog.location(host.settings());
        List<JsonNode> records = new ArrayList<>();
        ObjectMapper mapper = Json.mapper();
        for (Path file : log.map(AuditLog::files).orElse(List.of())) {
            read(mapper, file, records, from);
        }
        if (json) {
            for (JsonNode record : records) {
                out.println(mapper.writeValueAsString(record));
            }
            return ExitStatus.OK;
        }
        if (records.isEmpty()) {
            out.println("No audit records" + (plugin != null || since != null ? " match." : ".")
                    + log.map(path -> " The log is " + path + "; auditing is on when security.audit is true"
                            + " (see '" + host.settings().cli().name() + " config set security.audit true').")
                    .orElse(" There is no state directory: neither XDG_STATE_HOME nor HOME is an absolute path."));
            return ExitStatus.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("TIME", "MODE", "PLUGIN", "EVENT", "EXIT", "DURATION", "TRUST"));
        for (JsonNode record : records) {
            rows.add(List.of(record.path("time").asText("-"), record.path("mode").asText("-"),
                    record.path("plugin").asText("-"), record.path("event").asText("-"),
                    record.hasNonNull("exitCode") ? record.get("exitCode").asText() : "-",
                    record.path("durationMs").asLong() + " ms", record.path("trust").asText("-")));
        }
        Table.print(out, rows);
        return ExitStatus.OK;
    }

    /** Adds the records of one file that pass the filters; a line that is not a record is skipped. */
    private void read(ObjectMapper mapper, Path file, List<JsonNode> records, Optional<Instant> from) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = reader.readLine()) != null; ) {
                JsonNode record;
                Instant time;
                try {
                    record = mapper.readTree(line);
                    time = Instant.parse(record.path("time").asText());
                } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
                    continue;
                }
                if (record == null || !record.isObject()) {
                    continue;
                }
                if (plugin != null && !plugin.equals(record.path("plugin").asText())) {
                    continue;
                }
                if (from.isPresent() && time.isBefore(from.get())) {
                    continue;
                }
                records.add(record);
            }
        } catch (NoSuchFileException e) {
            // rotated away while reading
        }
    }
}
