package dev.jig.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import dev.jig.host.conformance.CheckResult;
import dev.jig.host.conformance.ConformanceChecker;
import dev.jig.host.conformance.Report;
import dev.jig.host.conformance.Target;
import dev.jig.protocol.codec.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plugins test PATH}: runs the conformance checks on a plugin, installed or not. */
@Command(description = "Check a plugin against the protocol: handshake, version negotiation, metadata, stdout"
        + " purity, unknown methods, each hook it lists, exit on end of input, and run mode. It EXECUTES the"
        + " given file (several times, once without arguments); it need not be installed or trusted. Prints one"
        + " line per check. Exits 0 when no check failed (a plain plugin, which speaks no protocol, passes with"
        + " the protocol checks skipped), 6 when one failed, 126 when PATH is not a plugin or cannot start,"
        + " 127 when it does not exist.")
final class PluginsTestCommand implements Callable<Integer> {

    private final PluginHost host;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "The plugin's executable (named jig-NAME), its directory, or"
            + " its manifest.")
    private Path path;

    @Option(names = "--json", description = "Print one JSON object for scripts: plugin, path, plain, passed,"
            + " and checks (check, result: pass|fail|skip, message).")
    private boolean json;

    @Option(names = "--timeout-ms", paramLabel = "MS", description = "How long the plugin has to answer each"
            + " request, as plugins.NAME.call_timeout_ms would say (1 to 3600000; default 5000). Run mode gets twice"
            + " as long.")
    private long timeoutMs = ConformanceChecker.DEFAULT_TIMEOUT.toMillis();

    PluginsTestCommand(PluginHost host) {
        this.host = host;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String cli = host.settings().cli().name();
        if (timeoutMs < 1 || timeoutMs > ConformanceChecker.MAX_TIMEOUT.toMillis()) {
            err.println(cli + ": --timeout-ms must be 1 to " + ConformanceChecker.MAX_TIMEOUT.toMillis() + ", not " + timeoutMs);
            return ExitStatus.USAGE;
        }
        Path absolute = host.settings().workingDirectory().resolve(path);
        if (!Files.exists(absolute)) {
            err.println(cli + ": no file or directory '" + path + "'");
            return ExitStatus.NOT_FOUND;
        }
        Report report;
        try {
            report = new ConformanceChecker(host.settings(), Duration.ofMillis(timeoutMs)).check(Target.of(host.settings(), absolute));
        } catch (IllegalArgumentException | IOException e) {
            err.println(cli + ": cannot test " + path + ": " + e.getMessage());
            return ExitStatus.CANNOT_EXECUTE;
        }
        if (json) {
            out.println(Json.mapper().writeValueAsString(toJson(report)));
        } else {
            report.checks().forEach(check -> out.println(check.status().id() + " " + check.check() + ": " + check.message()));
            out.println(report.target().file().name() + ": " + report.count(CheckResult.Status.PASS) + " passed, "
                    + report.count(CheckResult.Status.FAIL) + " failed, " + report.count(CheckResult.Status.SKIP)
                    + " skipped" + report.plain().map(why -> " (a plain plugin)").orElse(""));
        }
        return report.passed() ? ExitStatus.OK : ExitStatus.TEST_FAILED;
    }

    private static ObjectNode toJson(Report report) {
        ObjectMapper mapper = Json.mapper();
        ObjectNode result = mapper.createObjectNode();
        result.put("plugin", report.target().file().name());
        result.put("path", report.target().file().path().toString());
        result.put("plain", report.plain().orElse(null));
        result.put("passed", report.passed());
        ArrayNode checks = result.putArray("checks");
        for (CheckResult check : report.checks()) {
            checks.addObject().put("check", check.check()).put("result", check.status().id()).put("message", check.message());
        }
        return result;
    }
}
