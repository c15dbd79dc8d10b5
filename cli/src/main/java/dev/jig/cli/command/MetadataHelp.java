package dev.jig.cli.command;

import dev.jig.host.metadata.Text;
import dev.jig.protocol.metadata.CommandSpec;
import dev.jig.protocol.metadata.FlagSpec;
import dev.jig.protocol.metadata.PluginMetadata;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Renders a plugin's help from its metadata, without starting it. */
final class MetadataHelp {

    private MetadataHelp() {
    }

    /**
     * Prints help for {@code command} (e.g. {@code jig greet}) followed by {@code path}, a walk
     * down the plugin's subcommands.
     *
     * @return false when {@code path} names no subcommand
     */
    static boolean print(PrintWriter out, String command, PluginMetadata metadata, List<String> path) {
        String usage = metadata.usage();
        String summary = metadata.description();
        List<FlagSpec> flags = metadata.flags();
        List<CommandSpec> subcommands = metadata.commands();
        StringBuilder name = new StringBuilder(command);
        for (String word : path) {
            Optional<CommandSpec> sub = subcommands.stream().filter(c -> word.equals(c.name())).findFirst();
            if (sub.isEmpty()) {
                return false;
            }
            name.append(' ').append(word);
            usage = sub.get().usage();
            summary = sub.get().summary();
            flags = sub.get().flags();
            subcommands = sub.get().subcommands();
        }
        out.println("Usage: " + name + (usage == null || usage.isBlank() ? subcommands.isEmpty() ? "" : " COMMAND"
                : " " + Text.oneLine(usage)));
        if (summary != null && !summary.isBlank()) {
            out.println();
            out.println(Text.oneLine(summary));
        }
        if (!flags.isEmpty()) {
            out.println();
            out.println("Flags:");
            List<List<String>> rows = new ArrayList<>();
            for (FlagSpec flag : flags) {
                String names = (flag.shortName() == null ? "    " : flag.shortName() + ", ") + flag.name()
                        + (flag.value() == null ? "" : " " + flag.value());
                rows.add(List.of("  " + names, flag.summary() == null ? "" : flag.summary()));
            }
            Table.print(out, rows);
        }
        if (!subcommands.isEmpty()) {
            out.println();
            out.println("Commands:");
            List<List<String>> rows = new ArrayList<>();
            subcommands.forEach(c -> rows.add(List.of("  " + c.name(), c.summary() == null ? "" : c.summary())));
            Table.print(out, rows);
        }
        if (path.isEmpty()) {
            out.println();
            out.println(Text.oneLine(metadata.name() + " " + metadata.version()
                    + (metadata.homepage() == null ? "" : " - " + metadata.homepage())));
        }
        return true;
    }
}
