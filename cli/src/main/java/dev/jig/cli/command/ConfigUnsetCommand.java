package dev.jig.cli.command;

import dev.jig.host.ExitStatus;
import dev.jig.host.config.ConfigException;
import dev.jig.host.config.Scope;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code config unset KEY}: removes one value from one file. */
@Command(description = {"Remove KEY (a value or a whole table) from one file (the user's unless --system or --project),"
        + " and any table that leaves empty. Nothing to remove is not an error.",
        "The file is rewritten from its values: comments and formatting are not kept."})
final class ConfigUnsetCommand extends ConfigSubcommand {

    @Parameters(paramLabel = "KEY", description = "A dotted key, e.g. plugins.greet.lang.")
    private String key;

    ConfigUnsetCommand(ConfigAccess access) {
        super(access);
    }

    @Override
    int run(PrintWriter out) throws ConfigException, IOException, InterruptedException {
        access.store(false).unset(scope.scope().orElse(Scope.USER), access.key(key));
        return ExitStatus.OK;
    }
}
