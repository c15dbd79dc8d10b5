package dev.jig.cli.command;

import dev.jig.host.ExitStatus;
import dev.jig.host.config.ConfigException;
import dev.jig.host.config.ConfigStore;
import dev.jig.host.config.Merged;
import dev.jig.host.config.Scope;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code config list}: every value, one {@code key=value} line each. */
@Command(description = {"Print every set value as key=value, sorted by key (strings as is, anything else as JSON),"
        + " including the host's and installed plugins' defaults; no plugin hook runs."})
final class ConfigListCommand extends ConfigSubcommand {

    @Option(names = "--show-origin", description = "Start each line with the layer that set it and a tab: 'file:PATH', 'env:VAR', 'command line: -c k=v', 'plugin NAME (defaults)' or 'default'.")
    private boolean showOrigin;

    @Option(names = "--json", description = "Print the merged configuration as one JSON object; with --show-origin, {\"<key>\": {\"value\": ..., \"origin\": \"...\"}} for each value.")
    private boolean json;

    ConfigListCommand(ConfigAccess access) {
        super(access);
    }

    @Override
    int run(PrintWriter out) throws ConfigException, IOException, InterruptedException {
        access.config().check();
        Optional<Scope> only = scope.scope();
        ConfigStore store = access.store(only.isEmpty());
        Merged merged = only.map(store::file).orElseGet(store::effective);
        if (json) {
            ConfigOutput.json(out, showOrigin ? ConfigOutput.withOrigins(merged.value(), merged.origins()) : merged.value());
        } else {
            ConfigOutput.lines(out, merged.value(), merged.origins(), showOrigin);
        }
        return ExitStatus.OK;
    }
}
