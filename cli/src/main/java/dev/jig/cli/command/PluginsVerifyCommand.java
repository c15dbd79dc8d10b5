package dev.jig.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import dev.jig.host.signature.Verification;
import dev.jig.host.signature.Verifier;
import dev.jig.host.trust.TrustPolicy;
import dev.jig.protocol.codec.Json;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plugins verify NAME|PATH}: checks a plugin's publisher signature against the trusted keys. */
@Command(description = "Check a plugin's publisher signature (NAME.sig beside an executable, plugin.sig inside a"
        + " directory plugin) against the public keys in the trusted-keys directory. Exits 0 when a trusted key"
        + " signed the plugin as it is now, 3 when it is not signed, 4 when the key is not trusted, 5 when the"
        + " signature is damaged or the plugin changed since it was signed.")
final class PluginsVerifyCommand extends TargetCommand {

    @Option(names = "--json", description = "Print one JSON object for scripts: plugin, path, signature, result"
            + " (good, missing, unknown-key, bad), key, keyId, message.")
    private boolean json;

    PluginsVerifyCommand(PluginHost host) {
        super(host);
    }

    @Override
    int run(TrustTarget checked, PrintWriter out, PrintWriter err) throws IOException {
        String cli = host.settings().cli().name();
        Verifier verifier = TrustPolicy.verifier(host.settings());
        Verification verification = verifier.verify(checked.key(), checked.tree());
        verifier.keys().problems().forEach(problem -> err.println(cli + ": " + problem));
        String which = checked.plugin().map(plugin -> "plugin '" + plugin.command() + "' (" + checked.key() + ")")
                .orElse(checked.key().toString());
        String message = which + ": " + verification.finding()
                + (verification.advice().isEmpty() ? "" : ". " + verification.advice());
        if (json) {
            ObjectMapper mapper = Json.mapper();
            ObjectNode result = mapper.createObjectNode();
            result.put("plugin", checked.plugin().map(plugin -> plugin.name()).orElse(null));
            result.put("path", checked.key().toString());
            result.put("signature", verification.signature().toString());
            result.put("result", verification.id());
            result.put("key", verification instanceof Verification.Good good ? good.key().name() : null);
            result.put("keyId", verification instanceof Verification.Good good ? good.key().id()
                    : verification instanceof Verification.UnknownKey unknown ? unknown.keyId() : null);
            result.put("message", message);
            out.println(mapper.writeValueAsString(result));
        } else if (verification.good()) {
            out.println("good: " + message);
        } else {
            err.println(cli + ": " + message);
        }
        return status(verification);
    }

    private static int status(Verification verification) {
        if (verification instanceof Verification.Missing) {
            return ExitStatus.SIGNATURE_MISSING;
        }
        if (verification instanceof Verification.UnknownKey) {
            return ExitStatus.SIGNATURE_UNKNOWN_KEY;
        }
        if (verification instanceof Verification.Bad) {
            return ExitStatus.SIGNATURE_BAD;
        }
        return ExitStatus.OK;
    }
}
