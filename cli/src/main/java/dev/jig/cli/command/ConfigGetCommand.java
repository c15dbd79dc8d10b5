package dev.jig.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.host.ExitStatus;
import dev.jig.host.config.ConfigException;
import dev.jig.host.config.ConfigKey;
import dev.jig.host.config.ConfigOrigin;
import dev.jig.host.config.ConfigStore;
import dev.jig.host.config.Merged;
import dev.jig.host.config.Scope;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.NavigableMap;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code config get KEY}: one value, or a whole table as JSON. */
@Command(description = {"Print the value of KEY: a string as is, anything else as JSON; a table as JSON.",
        "Exits 1, printing nothing, when KEY is not set (as git config does)."})
final class ConfigGetCommand extends ConfigSubcommand {

    @Parameters(paramLabel = "KEY", description = "A dotted key, e.g. plugins.greet.lang.")
    private String key;

    @Option(names = "--show-origin", description = "Say which layer set each value: 'file:PATH', 'env:VAR', 'command line: -c k=v', 'plugin NAME (defaults)' or 'default', then a tab.")
    private boolean showOrigin;

    @Option(names = "--json", description = "Print JSON; with --show-origin, {\"<key>\": {\"value\": ..., \"origin\": \"...\"}} for each value under KEY.")
    private boolean json;

    ConfigGetCommand(ConfigAccess access) {
        super(access);
    }

    @Override
    int run(PrintWriter out) throws ConfigException, IOException, InterruptedException {
        access.config().check();
        ConfigKey wanted = access.key(key);
        Optional<Scope> only = scope.scope();
        ConfigStore store = access.store(only.isEmpty());
        Merged merged = only.map(store::file).orElseGet(store::effective);
        Optional<JsonNode> value = merged.get(wanted);
        if (value.isEmpty()) {
            return ExitStatus.FAILURE;
        }
        NavigableMap<ConfigKey, ConfigOrigin> leaves = merged.originsUnder(wanted);
        if (json) {
            ConfigOutput.json(out, showOrigin ? ConfigOutput.withOrigins(merged.value(), leaves) : value.get());
        } else if (!showOrigin) {
            if (value.get().isObject()) {
                ConfigOutput.json(out, value.get());
            } else {
                out.println(ConfigOutput.text(value.get()));
            }
        } else if (!value.get().isObject() && leaves.containsKey(wanted)) {
            out.println(leaves.get(wanted).describe() + "\t" + ConfigOutput.text(value.get()));
        } else {
            ConfigOutput.lines(out, merged.value(), leaves, true);
        }
        return ExitStatus.OK;
    }
}
