package dev.jig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jig.cli.command.Builtins;
import dev.jig.host.CliIdentity;
import dev.jig.host.HostSettings;
import dev.jig.host.PluginHost;
import dev.jig.host.config.Configuration;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The words {@code __complete} offers for built-ins are the picocli tree's, which it does not build at a TAB. */
class CompleteRequestTests {

    @TempDir
    Path tmp;

    @Test
    void builtinWordsMatchTheCommandTree() {
        HostSettings settings = new HostSettings(new CliIdentity("jig", "0.1.0", Optional.empty()), Cli.BUILTINS,
                Map.of(), tmp, Optional.empty());
        StringWriter sink = new StringWriter();
        CommandLine root = Builtins.commandLine(new PluginHost(settings), Configuration.defaults(settings),
                new PrintWriter(sink), new PrintWriter(sink));
        assertEquals(new TreeSet<>(root.getSubcommands().keySet()), new TreeSet<>(CompleteRequest.WORDS.builtins().keySet()));
        assertEquals(new TreeSet<>(Cli.BUILTINS), new TreeSet<>(CompleteRequest.WORDS.builtins().keySet()));
        for (Map.Entry<String, CommandLine> builtin : root.getSubcommands().entrySet()) {
            Set<String> subcommands = builtin.getValue().getSubcommands().keySet();
            if (!subcommands.isEmpty()) {
                assertEquals(new TreeSet<>(subcommands), new TreeSet<>(CompleteRequest.WORDS.builtins().get(builtin.getKey())),
                        builtin.getKey());
            }
        }
        assertEquals(List.of("bash", "fish", "zsh"),
                CompleteRequest.WORDS.builtins().get("completion").stream().sorted().collect(Collectors.toList()));
    }
}
