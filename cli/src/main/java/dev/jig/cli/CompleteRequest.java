package dev.jig.cli;

import dev.jig.host.ExitStatus;
import dev.jig.host.HostSettings;
import dev.jig.host.PluginHost;
import dev.jig.host.complete.BuiltinWords;
import dev.jig.host.complete.Completer;
import dev.jig.host.complete.Completion;
import dev.jig.host.config.ConfigException;
import dev.jig.host.config.Configuration;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The hidden {@code __complete WORDS...} the completion scripts run at every TAB: prints the
 * candidates for the last word and exits 0, whatever went wrong. Nothing goes to stderr: it
 * would garble the user's prompt.
 */
final class CompleteRequest {

    /** The hidden command's name. */
    static final String COMMAND = "__complete";

    /** The built-ins' words, kept beside {@link Cli#BUILTINS}; a test compares them with the picocli tree. */
    static final BuiltinWords WORDS = new BuiltinWords(
            List.of("--help", "-h", "--version", GlobalOptions.TRACE, GlobalOptions.PLUGIN_PATH, GlobalOptions.CONFIG),
            Set.of(GlobalOptions.PLUGIN_PATH, GlobalOptions.CONFIG),
            Map.of("help", List.of(),
                    "version", List.of(),
                    "plugins", List.of("list", "info", "doctor", "audit", "trust", "untrust", "verify", "test", "sign", "new",
                            "install", "uninstall", "upgrade", "outdated", "search", "link"),
                    "config", List.of("get", "set", "unset", "list"),
                    "completion", List.of("bash", "zsh", "fish")));

    private CompleteRequest() {
    }

    static int run(HostSettings settings, PrintStream out, List<String> words) {
        PrintWriter writer = new PrintWriter(out, false, StandardCharsets.UTF_8);
        Completion completion;
        try {
            Configuration config;
            try {
                config = Configuration.read(settings, List.of());
            } catch (ConfigException e) {
                config = Configuration.defaults(settings); // a broken file is reported when a command runs
            }
            PluginHost host = new PluginHost(settings, config, Optional.empty());
            completion = new Completer(host, WORDS, host.completion(config.completeTimeout())).complete(words);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            completion = Completion.none();
        } catch (RuntimeException e) {
            completion = Completion.none(); // never a stack trace at the prompt
        }
        completion.print(writer);
        return ExitStatus.OK;
    }
}
