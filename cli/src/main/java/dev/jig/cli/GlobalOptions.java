package dev.jig.cli;

import dev.jig.host.discovery.SearchPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The options before the command word, parsed by hand so that dispatching a plugin never builds
 * the full command-line model. Everything from the command word on belongs to the command.
 *
 * @param pluginPath {@code --plugin-path DIRS}, when given
 * @param version    {@code --version}
 * @param help       {@code -h} or {@code --help}
 * @param command    the command word and everything after it, verbatim; may be empty
 */
record GlobalOptions(Optional<List<Path>> pluginPath, boolean version, boolean help, List<String> command) {

    static final String PLUGIN_PATH = "--plugin-path";

    GlobalOptions {
        command = List.copyOf(command);
    }

    static GlobalOptions parse(List<String> args) throws UsageException {
        Optional<List<Path>> pluginPath = Optional.empty();
        boolean version = false;
        boolean help = false;
        int i = 0;
        for (; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                i++;
                break;
            } else if (arg.equals(PLUGIN_PATH)) {
                if (i + 1 == args.size()) {
                    throw new UsageException("option '" + PLUGIN_PATH + "' needs a list of directories");
                }
                pluginPath = Optional.of(dirs(args.get(++i)));
            } else if (arg.startsWith(PLUGIN_PATH + "=")) {
                pluginPath = Optional.of(dirs(arg.substring(PLUGIN_PATH.length() + 1)));
            } else if (arg.equals("--version")) {
                version = true;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                help = true;
            } else if (arg.startsWith("-") && arg.length() > 1) {
                throw new UsageException("unknown option '" + arg + "'");
            } else {
                break;
            }
        }
        return new GlobalOptions(pluginPath, version, help, args.subList(i, args.size()));
    }

    private static List<Path> dirs(String list) {
        return SearchPath.splitList(list).stream().map(Path::of).toList();
    }
}
