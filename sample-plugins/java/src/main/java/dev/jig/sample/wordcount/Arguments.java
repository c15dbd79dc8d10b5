package dev.jig.sample.wordcount;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parsed command line.
 *
 * @param help    {@code --help} was given
 * @param columns the counts to print, never empty
 * @param top     the {@code top} subcommand was given
 * @param n       for {@code top N}: N, when given; else the configured default applies
 * @param files   the files to read; empty means standard input
 */
record Arguments(boolean help, Set<Column> columns, boolean top, OptionalInt n, List<String> files) {

    /** A number where {@code top} expects N: digits, possibly signed (so {@code -1} is a bad N, not a flag). */
    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]+");

    static Arguments parse(List<String> args) throws UsageException {
        List<String> rest = new ArrayList<>(args);
        boolean top = false;
        OptionalInt n = OptionalInt.empty();
        if (!rest.isEmpty() && rest.get(0).equals("top")) {
            rest.remove(0);
            top = true;
            if (!rest.isEmpty() && NUMBER.matcher(rest.get(0)).matches()) {
                n = OptionalInt.of(count(rest.remove(0)));
            }
        }
        Set<Column> columns = EnumSet.noneOf(Column.class);
        List<String> files = new ArrayList<>();
        boolean options = true;
        for (String arg : rest) {
            if (options && arg.equals("--")) {
                options = false;
            } else if (options && (arg.equals("--help") || arg.equals("-h"))) {
                return new Arguments(true, EnumSet.allOf(Column.class), false, OptionalInt.empty(), List.of());
            } else if (options && arg.startsWith("-") && !arg.equals("-")) {
                if (top) {
                    throw new UsageException("top takes no option '" + arg + "'");
                }
                columns.add(column(arg));
            } else {
                files.add(arg);
            }
        }
        return new Arguments(false, columns.isEmpty() ? EnumSet.allOf(Column.class) : columns, top, n, List.copyOf(files));
    }

    private static Column column(String flag) throws UsageException {
        switch (flag) {
            case "--lines": case "-l":
                return Column.LINES;
            case "--words": case "-w":
                return Column.WORDS;
            case "--bytes": case "-c":
                return Column.BYTES;
            default:
                throw new UsageException("unknown option '" + flag + "'");
        }
    }

    private static int count(String text) throws UsageException {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("N must be a positive number, not '" + text + "'");
    }
}
