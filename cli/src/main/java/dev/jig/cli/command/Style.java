package dev.jig.cli.command;

import dev.jig.host.HostSettings;
import java.io.Console;

/**
 * Bold and colour for people at a terminal, plain text for everyone else: only when standard
 * input and output are a terminal, {@code TERM} names one that is not {@code dumb}, and
 * {@code NO_COLOR} is unset or empty (https://no-color.org).
 *
 * @param enabled whether escape sequences are written
 */
record Style(boolean enabled) {

    private static final String RESET = "\033[0m";

    /** The style for the running process's standard output. */
    static Style of(HostSettings settings) {
        return new Style(interactive(settings) && settings.env("NO_COLOR").isEmpty());
    }

    /** Whether a person watches: standard input and output are a terminal that is not {@code TERM=dumb}. */
    static boolean interactive(HostSettings settings) {
        return terminal() && settings.env("TERM").filter(term -> !term.equals("dumb")).isPresent();
    }

    /**
     * Whether standard input and output are a terminal. Up to JDK 21 a console exists only then;
     * from JDK 22 one may exist for redirected streams too, and {@code Console.isTerminal()} says.
     */
    private static boolean terminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** A section heading: bold. */
    String heading(String text) {
        return enabled ? "\033[1m" + text + RESET : text;
    }

    /** The heading of things that cannot run: bold red. */
    String error(String text) {
        return enabled ? "\033[1;31m" + text + RESET : text;
    }

    /** The heading of things that need the user's decision: bold yellow. */
    String warning(String text) {
        return enabled ? "\033[1;33m" + text + RESET : text;
    }
}
