package dev.jig.cli;

import dev.jig.host.discovery.SearchPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options before the command word, parsed by hand so that dispatching a plugin never builds
 * the full command-line model. Everything from the command word on belongs to the command.
 *
 * @param pluginPath {@code --plugin-path DIRS}, when given
 * @param config     the {@code -c key=value} assignments, in order
 * @param version    {@code --version}
 * @param help       {@code -h} or {@code --help}
 * @param trace      {@code --trace}: each step of the invocation on stderr
 * @param command    the command word and everything after it, verbatim; may be empty
 */
record GlobalOptions(Optional<List<Path>> pluginPath, List<String> config, boolean version, boolean help,
        boolean trace, List<String> command) {

    static final String PLUGIN_PATH = "--plugin-path";
    static final String CONFIG = "-c";
    static final String TRACE = "--trace";

    GlobalOptions {
        config = List.copyOf(config);
        command = List.copyOf(command);
    }

    static GlobalOptions parse(List<String> args) throws UsageException {
        Optional<List<Path>> pluginPath = Optional.empty();
        List<String> config = new ArrayList<>();
        boolean version = false;
        boolean help = false;
        boolean trace = false;
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
            } else if (arg.equals(CONFIG)) {
                if (i + 1 == args.size()) {
                    throw new UsageException("option '" + CONFIG + "' needs key=value");
                }
                config.add(assignment(args.get(++i)));
            } else if (arg.startsWith(CONFIG)) {
                config.add(assignment(arg.substring(CONFIG.length())));
            } else if (arg.equals("--version")) {
                version = true;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                help = true;
            } else if (arg.equals(TRACE)) {
                trace = true;
            } else if (arg.startsWith("-") && arg.length() > 1) {
                throw new UsageException("unknown option '" + arg + "'");
            } else {
                break;
            }
        }
        return new GlobalOptions(pluginPath, config, version, help, trace, args.subList(i, args.size()));
    }

    /** {@code key=value}; the key is checked when the configuration is loaded. */
    private static String assignment(String text) throws UsageException {
        if (text.indexOf('=') <= 0) {
            throw new UsageException("option '" + CONFIG + "' needs key=value, not '" + text + "'");
        }
        return text;
    }

    private static List<Path> dirs(String list) {
        return SearchPath.splitList(list).stream().map(Path::of).toList();
    }
}
