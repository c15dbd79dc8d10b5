package dev.jig.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import dev.jig.host.discovery.ListedPlugin;
import dev.jig.host.discovery.PluginProblem;
import dev.jig.host.trust.TrustDecision;
import dev.jig.host.metadata.CatalogEntry;
import dev.jig.host.metadata.Fingerprint;
import dev.jig.host.metadata.PluginRecord;
import dev.jig.protocol.codec.Json;
import dev.jig.host.sandbox.Confinement;
import dev.jig.host.sandbox.Requests;
import dev.jig.protocol.metadata.Permissions;
import dev.jig.protocol.metadata.PluginMetadata;
import dev.jig.protocol.metadata.Requirements;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plugins info NAME}: all a plugin's metadata, where it is, and whether it runs. */
@Command(description = "Show everything about one plugin: metadata, origin, fingerprint, trust, sandbox and"
        + " environment with the permissions it requests and those granted, status, and why it is invalid.")
final class PluginsInfoCommand implements Callable<Integer> {

    private final PluginHost host;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "1..*", description = "The plugin's command, e.g. 'greet' or 'foo bar'.")
    private List<String> words = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON for scripts.")
    private boolean json;

    PluginsInfoCommand(PluginHost host) {
        this.host = host;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String cli = host.settings().cli().name();
        List<ListedPlugin> matches = host.inventory().plugins().stream()
                .filter(p -> p.file().command().words().equals(words) || p.file().name().equals(String.join(" ", words)))
                .toList();
        if (matches.isEmpty()) {
            spec.commandLine().getErr().println(cli + ": no plugin '" + String.join(" ", words) + "'. See '" + cli
                    + " plugins list'.");
            return ExitStatus.NOT_FOUND;
        }
        // The plugin that runs, if any does; files it shadows are shown with it.
        ListedPlugin chosen = matches.stream().filter(ListedPlugin::runnable).findFirst().orElse(matches.get(0));
        List<ListedPlugin> others = matches.stream().filter(m -> m != chosen).toList();
        CatalogEntry entry = chosen.runnable() ? host.describe(chosen.file()) : notRunnable(chosen);
        if (json) {
            ObjectMapper mapper = Json.mapper();
            ObjectNode node = PluginJson.of(mapper, entry);
            node.put("fingerprint", fingerprint(entry));
            node.set("sandbox", sandboxJson(mapper, entry));
            var alsoFound = node.putArray("alsoFound");
            others.forEach(m -> alsoFound.add(m.file().path().toString()));
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            return entry.runnable() ? ExitStatus.OK : ExitStatus.CANNOT_EXECUTE;
        }
        List<List<String>> rows = new ArrayList<>();
        PluginRecord record = entry.record().orElse(null);
        rows.add(List.of("name:", entry.file().name()));
        rows.add(List.of("command:", cli + " " + entry.file().command()));
        if (record != null) {
            rows.add(List.of("kind:", record.kind().id() + (record.detail() == null ? "" : " (" + record.detail() + ")")));
        }
        Optional<PluginMetadata> described = entry.record().flatMap(PluginRecord::metadata);
        if (described.isPresent()) {
            PluginMetadata metadata = described.get();
            addIf(rows, "version:", metadata.version());
            addIf(rows, "description:", metadata.description());
            addIf(rows, "vendor:", metadata.vendor());
            addIf(rows, "homepage:", metadata.homepage());
            addIf(rows, "requires:", requirements(cli, metadata.requires()));
            addIf(rows, "hooks:", String.join(", ", metadata.hooks()));
            addIf(rows, "commands:", String.join(", ", record.subcommands()));
        }
        rows.add(List.of("path:", entry.file().path().toString()));
        rows.add(List.of("origin:", entry.file().dir().origin().id() + " (" + entry.file().dir().directory() + ")"));
        rows.add(List.of("fingerprint:", fingerprint(entry)));
        rows.add(List.of("trust:", trust(entry)));
        sandboxRows(rows, cli, entry);
        String refused = PluginJson.trust(entry);
        rows.add(List.of("status:", entry.runnable() ? "ok" : refused.equals("trusted") ? "invalid" : refused));
        entry.problems().forEach(p -> rows.add(List.of("", "- " + p.message())));
        others.forEach(m -> rows.add(List.of("also found:", m.file().path() + " (" + PluginJson.status(
                new CatalogEntry(m.file(), Optional.empty(), m.problems())) + ")")));
        Table.print(out, rows);
        return entry.runnable() ? ExitStatus.OK : ExitStatus.CANNOT_EXECUTE;
    }

    private CatalogEntry notRunnable(ListedPlugin listed) {
        List<PluginProblem> problems = new ArrayList<>(listed.problems());
        host.trustProblem(listed.file()).ifPresent(problems::add);
        return new CatalogEntry(listed.file(), Optional.empty(), problems);
    }

    /** The trust decision in words: why it is trusted, or why not. */
    private String trust(CatalogEntry entry) {
        TrustDecision decision = host.trust().decide(entry.file());
        if (decision instanceof TrustDecision.Trusted trusted) {
            return trusted.reason() == TrustDecision.Reason.SOURCE
                    ? "trusted (" + entry.file().dir().origin().description() + " are trusted)"
                    : "trusted by the user (" + host.trust().store().map(s -> s.file().toString()).orElse("") + ")";
        }
        if (decision instanceof TrustDecision.Untrusted untrusted) {
            return "untrusted: " + untrusted.reason();
        }
        if (decision instanceof TrustDecision.Unverified unverified) {
            return "refused: signatures are required and " + unverified.verification().finding();
        }
        return "changed since it was trusted";
    }

    /** The sandbox profile, the environment, what the plugin requests and what the user granted. */
    private void sandboxRows(List<List<String>> rows, String cli, CatalogEntry entry) {
        Confinement confinement = host.sandboxes().of(entry.file());
        rows.add(List.of("sandbox:", confinement.profile().id()));
        rows.add(List.of("environment:", confinement.minimalEnvironment() ? "minimal" : "inherit"));
        Permissions requested = requested(entry);
        addIf(rows, "requests:", describe(requested));
        rows.add(List.of("grants:", describe(Requests.asPermissions(confinement.grants()))));
        List<Requests.Missing> missing = notGranted(cli, entry, requested, confinement);
        if (!missing.isEmpty()) {
            rows.add(List.of("not granted:", missing.get(0).permission() + ": " + missing.get(0).command()));
            missing.subList(1, missing.size()).forEach(m -> rows.add(List.of("", m.permission() + ": " + m.command())));
        }
    }

    private ObjectNode sandboxJson(ObjectMapper mapper, CatalogEntry entry) {
        Confinement confinement = host.sandboxes().of(entry.file());
        Permissions requested = requested(entry);
        ObjectNode node = mapper.createObjectNode();
        node.put("profile", confinement.profile().id());
        node.put("environment", confinement.minimalEnvironment() ? "minimal" : "inherit");
        node.set("requested", mapper.valueToTree(requested));
        node.set("granted", mapper.valueToTree(Requests.asPermissions(confinement.grants())));
        var missing = node.putArray("notGranted");
        notGranted(host.settings().cli().name(), entry, requested, confinement)
                .forEach(m -> missing.addObject().put("permission", m.permission()).put("command", m.command()));
        return node;
    }

    private static Permissions requested(CatalogEntry entry) {
        return entry.record().flatMap(PluginRecord::metadata).map(PluginMetadata::permissions).orElse(Permissions.NONE);
    }

    private List<Requests.Missing> notGranted(String cli, CatalogEntry entry, Permissions requested, Confinement confinement) {
        Path home = host.settings().env("HOME").map(Path::of).orElse(Path.of("/"));
        return Requests.notGranted(requested, confinement.grants(), home, cli, entry.file().name());
    }

    /** {@code network; cwd write; read ~/a, ~/b; env TOKEN}, or {@code nothing}. */
    private static String describe(Permissions permissions) {
        List<String> parts = new ArrayList<>();
        if (Boolean.TRUE.equals(permissions.network())) {
            parts.add("network");
        }
        if (permissions.cwd() != null) {
            parts.add("cwd " + permissions.cwd());
        }
        if (!permissions.read().isEmpty()) {
            parts.add("read " + String.join(", ", permissions.read()));
        }
        if (!permissions.write().isEmpty()) {
            parts.add("write " + String.join(", ", permissions.write()));
        }
        if (!permissions.env().isEmpty()) {
            parts.add("env " + String.join(", ", permissions.env()));
        }
        return parts.isEmpty() ? "" : String.join("; ", parts);
    }

    private static String fingerprint(CatalogEntry entry) {
        try {
            Fingerprint f = Fingerprint.of(entry.file().path());
            return "size " + f.size() + ", mtime " + f.mtime() + ", ctime " + f.ctime() + ", inode " + f.inode();
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private static String requirements(String cli, Requirements requires) {
        List<String> parts = new ArrayList<>();
        if (requires.cli() != null) {
            parts.add(cli + " " + requires.cli());
        }
        if (!requires.protocol().isEmpty()) {
            parts.add("protocol " + requires.protocol());
        }
        requires.plugins().forEach((name, range) -> parts.add("plugin " + name + " " + range));
        requires.programs().forEach(program -> parts.add("program " + program));
        return String.join("; ", parts);
    }

    private static void addIf(List<List<String>> rows, String label, String value) {
        if (value != null && !value.isBlank()) {
            rows.add(List.of(label, value));
        }
    }
}
