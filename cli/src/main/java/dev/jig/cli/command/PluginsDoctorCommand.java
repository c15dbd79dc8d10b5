package dev.jig.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import dev.jig.host.config.Configuration;
import dev.jig.host.config.PluginConfigs;
import dev.jig.host.doctor.Doctor;
import dev.jig.host.doctor.Examiner;
import dev.jig.host.doctor.Finding;
import dev.jig.host.doctor.Report;
import dev.jig.host.doctor.Severity;
import dev.jig.protocol.codec.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plugins doctor [NAME]}: everything that keeps plugins from running as expected, each with a fix. */
@Command(description = "Report everything that can be wrong with plugins and the search path, each with a fix:"
        + " not executable, a missing #! interpreter, shadowed or colliding names, invalid or stale metadata,"
        + " unmet requirements, untrusted, a sandbox that cannot be set up, configuration that breaks the plugin's"
        + " schema, a slow handshake, unreadable plugin"
        + " directories, odd PATH entries. Trusted plugins are asked for their metadata again."
        + " Exits 0 when no finding is an error (warnings alone pass), 1 when one is, 127 for an unknown NAME.")
final class PluginsDoctorCommand implements Callable<Integer> {

    private final PluginHost host;
    private final Configuration config;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Only this plugin's findings: its name or command,"
            + " e.g. 'greet', 'foo-bar' or 'foo bar'.")
    private List<String> words = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON for scripts: {\"healthy\": BOOL, \"errors\": N, \"warnings\": N,"
            + " \"findings\": [{\"severity\", \"code\", \"subject\", \"path\", \"problem\", \"fix\"}]}.")
    private boolean json;

    PluginsDoctorCommand(PluginHost host, Configuration config) {
        this.host = host;
        this.config = config;
    }

    @Override
    public Integer call() throws Exception {
        String cli = host.settings().cli().name();
        Optional<String> name = Optional.empty();
        if (!words.isEmpty()) {
            name = host.inventory().plugins().stream()
                    .filter(p -> p.file().command().words().equals(words) || p.file().name().equals(String.join(" ", words)))
                    .map(p -> p.file().name()).findFirst();
            if (name.isEmpty()) {
                spec.commandLine().getErr().println(cli + ": no plugin '" + String.join(" ", words) + "'. See '" + cli
                        + " plugins list'.");
                return ExitStatus.NOT_FOUND;
            }
        }
        Report report = Doctor.diagnose(Examiner.examine(host, new PluginConfigs(config), name), name);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson(report)));
        } else {
            print(out, report, colour());
        }
        return report.healthy() ? ExitStatus.OK : ExitStatus.FAILURE;
    }

    private static ObjectNode toJson(Report report) {
        ObjectMapper mapper = Json.mapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("healthy", report.healthy());
        root.put("errors", report.count(Severity.ERROR));
        root.put("warnings", report.count(Severity.WARNING));
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : report.findings()) {
            ObjectNode node = findings.addObject();
            node.put("severity", finding.severity().id());
            node.put("code", finding.code());
            node.put("subject", finding.subject());
            if (finding.path() == null) {
                node.putNull("path");
            } else {
                node.put("path", finding.path());
            }
            node.put("problem", finding.problem());
            node.put("fix", finding.fix());
        }
        return root;
    }

    /** One block per subject; each finding on one line, its fix on the next, aligned under it. */
    private static void print(PrintWriter out, Report report, boolean colour) {
        String subject = null;
        for (Finding finding : report.findings()) {
            if (!finding.subject().equals(subject)) {
                subject = finding.subject();
                out.println((subject.equals(Finding.SEARCH_PATH) ? subject : "plugin " + subject)
                        + (finding.path() != null && !subject.equals(Finding.SEARCH_PATH) ? " (" + finding.path() + ")" : ""));
            }
            String label = String.format("%-9s", finding.severity().id());
            if (colour) {
                label = (finding.severity() == Severity.ERROR ? "\u001b[31m" : "\u001b[33m") + label + "\u001b[0m";
            }
            out.println("  " + label + finding.code() + ": " + finding.problem());
            out.println("           fix: " + finding.fix());
        }
        long errors = report.count(Severity.ERROR);
        long warnings = report.count(Severity.WARNING);
        if (!report.findings().isEmpty()) {
            out.println();
        }
        out.println(errors == 0 && warnings == 0 ? "No problems found."
                : errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning." : " warnings."));
    }

    /** Colour only for a terminal, and never when NO_COLOR is set or TERM is dumb. */
    private boolean colour() {
        return System.console() != null && host.settings().env("NO_COLOR").filter(v -> !v.isEmpty()).isEmpty()
                && !host.settings().env("TERM").orElse("dumb").equals("dumb");
    }
}
