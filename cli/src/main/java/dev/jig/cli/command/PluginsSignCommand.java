package dev.jig.cli.command;

import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import dev.jig.host.signature.PemKeys;
import dev.jig.host.signature.Signer;
import dev.jig.host.signature.TrustedKeys;
import dev.jig.host.trust.TrustPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plugins sign --key KEY NAME|PATH}: a publisher signs a plugin with their Ed25519 private key. */
@Command(description = "Sign a plugin as its publisher: writes the Ed25519 signature of its SHA-256 (of its whole"
        + " tree for a directory plugin) to NAME.sig beside an executable, or to plugin.sig inside a directory"
        + " plugin, replacing any earlier one. Ship that file with the plugin, and the public key to your users.")
final class PluginsSignCommand extends TargetCommand {

    @Option(names = "--key", required = true, paramLabel = "PRIVATE.pem", description = "An unencrypted Ed25519"
            + " private key in PEM, as 'openssl genpkey -algorithm ed25519 -out PRIVATE.pem' writes it.")
    private Path keyFile;

    PluginsSignCommand(PluginHost host) {
        super(host);
    }

    @Override
    int run(TrustTarget signed, PrintWriter out, PrintWriter err) {
        String cli = host.settings().cli().name();
        Path file = host.settings().workingDirectory().resolve(keyFile);
        PrivateKey key;
        try {
            key = PemKeys.readPrivateKey(file);
        } catch (IOException e) {
            err.println(cli + ": cannot read key " + file + ": " + e.getMessage());
            return ExitStatus.FAILURE;
        } catch (InvalidKeyException e) {
            err.println(cli + ": key " + file + " " + e.getMessage() + ".");
            return ExitStatus.FAILURE;
        }
        Signer.Signed result;
        try {
            result = new Signer(TrustPolicy.verifier(host.settings()).digester()).sign(signed.key(), signed.tree(), key);
        } catch (IOException | InvalidKeyException e) {
            err.println(cli + ": cannot sign " + signed.key() + ": " + e.getMessage());
            return ExitStatus.FAILURE;
        }
        out.println("signed " + signed.key());
        out.println("signature " + result.file());
        out.println("key id " + result.signature().keyId());
        out.println("sha256 " + result.sha256() + (signed.tree() ? " (whole directory)" : ""));
        out.println("note: users who save your public key ('openssl pkey -in " + keyFile + " -pubout') in "
                + TrustedKeys.of(host.settings()).directory().map(Path::toString).orElse(TrustedKeys.DIRECTORY)
                + " can verify it.");
        return ExitStatus.OK;
    }
}
