package dev.jig.sample.wordcount;

import dev.jig.protocol.metadata.CommandSpec;
import dev.jig.protocol.metadata.FlagSpec;
import dev.jig.protocol.metadata.PluginMetadata;
import dev.jig.sdk.Invocation;

/** {@code --help}, written from the same metadata the host reads. */
final class Help {

    private Help() {
    }

    /** How the user called the plugin, e.g. {@code jig wordcount}. */
    static String commandLine(Invocation invocation) {
        String cli = invocation.context().cliName().orElse("jig");
        String words = invocation.context().command().isEmpty() ? "wordcount" : String.join(" ", invocation.context().command());
        return cli + " " + words;
    }

    static String render(PluginMetadata metadata, Invocation invocation) {
        String command = commandLine(invocation);
        StringBuilder help = new StringBuilder()
                .append("Usage: ").append(command).append(' ').append(metadata.usage()).append('\n');
        for (CommandSpec sub : metadata.commands()) {
            help.append("       ").append(command).append(' ').append(sub.name()).append(' ').append(sub.usage()).append('\n');
        }
        help.append('\n').append(metadata.description()).append(". With no FILE, or when FILE is -, read standard input.\n");
        help.append("\nOptions:\n");
        for (FlagSpec flag : metadata.flags()) {
            help.append(String.format("  %-3s %-10s %s\n", flag.shortName() + ",", flag.name(), flag.summary()));
        }
        help.append("\nCommands:\n");
        for (CommandSpec sub : metadata.commands()) {
            help.append(String.format("  %-14s %s\n", sub.name() + " " + sub.usage().split(" ")[0], sub.summary()));
        }
        return help.toString();
    }
}
