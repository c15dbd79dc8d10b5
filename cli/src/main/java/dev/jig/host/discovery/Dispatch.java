package dev.jig.host.discovery;

import java.nio.file.Path;
import java.util.List;

/** What a command line selects: the host's decision, made before anything runs. */
public sealed interface Dispatch {

    /**
     * A command of the CLI itself; built-ins always win over plugins.
     *
     * @param name the built-in's name
     * @param args the arguments after it
     */
    record Builtin(String name, List<String> args) implements Dispatch {
        public Builtin {
            args = List.copyOf(args);
        }
    }

    /**
     * A runnable plugin.
     *
     * @param plugin the file to execute
     * @param args   the arguments after the command words, verbatim
     */
    record Plugin(PluginFile plugin, List<String> args) implements Dispatch {
        public Plugin {
            args = List.copyOf(args);
        }
    }

    /**
     * The longest matching plugin file exists but may not be executed.
     *
     * @param command the command the file implements
     * @param path    the first such file on the search path
     */
    record NotExecutable(CommandPath command, Path path) implements Dispatch {
    }

    /**
     * Nothing matches.
     *
     * @param word the first argument, as typed
     */
    record Unknown(String word) implements Dispatch {
    }
}
