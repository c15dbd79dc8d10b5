package dev.jig.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import dev.jig.host.config.Configuration;
import dev.jig.host.install.Change;
import dev.jig.host.install.InstallException;
import dev.jig.host.install.PluginManager;
import dev.jig.protocol.codec.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the plugin management commands share: the manager, {@code --json} and
 * {@code --lock-file}, and one line on stderr with a documented exit status when they fail.
 */
abstract class ManagementCommand implements Callable<Integer> {

    final PluginHost host;
    final Configuration config;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object for scripts instead of lines of text.")
    boolean json;

    @Option(names = "--lock-file", paramLabel = "FILE", description = "Record installs in FILE instead of the user's"
            + " plugins.lock.json (and read it for --locked).")
    Path lockFile;

    ManagementCommand(PluginHost host, Configuration config) {
        this.host = host;
        this.config = config;
    }

    @Override
    public final Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String prefix = host.settings().cli().name() + ": plugins " + spec.name() + ": ";
        try {
            PluginManager manager = PluginManager.of(host, config,
                    Optional.ofNullable(lockFile).map(host.settings().workingDirectory()::resolve), System.err,
                    Style.interactive(host.settings()), line -> {
                        err.println(line);
                        err.flush();
                    });
            return run(manager, out);
        } catch (InstallException e) {
            err.println(prefix + e.getMessage());
            return e.exitStatus();
        } catch (InterruptedException e) {
            err.println(prefix + "interrupted; nothing more was changed");
            return ExitStatus.INTERRUPTED;
        }
    }

    /** Does the command's work; a failure throws. */
    abstract int run(PluginManager manager, PrintWriter out) throws InstallException, InterruptedException, IOException;

    /** Prints what changed: a line each, or {@code {"changes": [...]}}. */
    void print(List<Change> changes, PrintWriter out) throws IOException {
        if (json) {
            ObjectNode root = Json.mapper().createObjectNode();
            ArrayNode list = root.putArray("changes");
            for (Change change : changes) {
                ObjectNode item = list.addObject();
                item.put("name", change.name());
                item.put("action", change.action().name().toLowerCase(Locale.ROOT));
                item.put("from", change.from());
                item.put("to", change.to());
                item.put("source", change.source());
            }
            out.println(Json.mapper().writeValueAsString(root));
        } else {
            changes.forEach(change -> out.println(change.describe()));
        }
        out.flush();
    }
}
