package dev.jig.cli.command;

import dev.jig.host.ExitStatus;
import dev.jig.host.config.ConfigException;
import dev.jig.host.config.ConfigKey;
import dev.jig.host.config.Scope;
import dev.jig.host.config.ValueText;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code config set KEY VALUE}: one value into one file. */
@Command(description = {"Set KEY to VALUE in one file (the user's unless --system or --project), creating it.",
        "VALUE is JSON when it parses as JSON (500, true, null, \"text\", [1,2], {\"a\":1}), else a string; null unsets KEY.",
        "A value in plugins.<name> must satisfy that plugin's schema when it is installed (else exit 78, nothing written).",
        "The file is rewritten from its values: comments and formatting are not kept."})
final class ConfigSetCommand extends ConfigSubcommand {

    @Parameters(index = "0", paramLabel = "KEY", description = "core.hook_timeout_ms, core.run_timeout_ms,"
            + " core.download_timeout_ms, security.audit, security.audit_max_bytes, security.untrusted, security.sandbox, security.env, security.require_signatures,"
            + " indexes.<name> (a plugin index's URL),"
            + " or plugins.<plugin>.<key>.")
    private String key;

    @Parameters(index = "1", paramLabel = "VALUE", description = "The value.")
    private String value;

    ConfigSetCommand(ConfigAccess access) {
        super(access);
    }

    @Override
    int run(PrintWriter out) throws ConfigException, IOException, InterruptedException {
        ConfigKey target = access.key(key);
        boolean inPlugin = target.segments().get(0).equals("plugins");
        access.store(inPlugin).set(scope.scope().orElse(Scope.USER), target, ValueText.parse(value));
        return ExitStatus.OK;
    }
}
