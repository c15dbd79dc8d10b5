package dev.jig.host.discovery;

import java.nio.file.Path;

/**
 * Why a plugin file on the search path will not run. A plugin with a problem stays listed, with
 * the problem shown, so the user can fix it.
 */
public sealed interface PluginProblem {

    /** A stable identifier for scripts, e.g. {@code shadowed}. */
    String code();

    /** One line for people. */
    String message();

    /**
     * An earlier directory on the search path has a file of the same name.
     *
     * @param winner the file that runs instead
     */
    record Shadowed(Path winner) implements PluginProblem {
        @Override
        public String code() {
            return "shadowed";
        }

        @Override
        public String message() {
            return "shadowed by " + winner;
        }
    }

    /**
     * The command's first word is a built-in command, which always wins.
     *
     * @param builtin the built-in's name
     */
    record CollidesWithBuiltin(String builtin) implements PluginProblem {
        @Override
        public String code() {
            return "builtin-collision";
        }

        @Override
        public String message() {
            return "collides with built-in command '" + builtin + "'; never run";
        }
    }

    /** The file lacks execute permission. */
    record NotExecutable() implements PluginProblem {
        @Override
        public String code() {
            return "not-executable";
        }

        @Override
        public String message() {
            return "not executable (chmod +x)";
        }
    }

    /**
     * The plugin's metadata is wrong, or a requirement is not met.
     *
     * @param reason one line saying what and, where it can, how to fix it
     */
    record Invalid(String reason) implements PluginProblem {
        @Override
        public String code() {
            return "invalid";
        }

        @Override
        public String message() {
            return reason;
        }
    }

    /**
     * The plugin is in a directory that is not trusted and the user has not trusted it: it is
     * never executed.
     *
     * @param reason why its directory is not trusted
     * @param advice how to trust it, e.g. {@code run 'jig plugins trust evil'}
     */
    record Untrusted(String reason, String advice) implements PluginProblem {
        @Override
        public String code() {
            return "untrusted";
        }

        @Override
        public String message() {
            return "untrusted: " + reason + "; to run it, review it, then " + advice;
        }
    }

    /**
     * The user trusted the plugin, but its content changed since: it is never executed until
     * trusted again.
     *
     * @param advice how to trust it again
     */
    record Changed(String advice) implements PluginProblem {
        @Override
        public String code() {
            return "changed";
        }

        @Override
        public String message() {
            return "changed since it was trusted; review it, then " + advice;
        }
    }

    /**
     * Signatures are required and the plugin's is missing, bad, or made by a key the user does
     * not trust: it is never executed.
     *
     * @param outcome what its check found: {@code missing}, {@code bad} or {@code unknown-key}
     * @param finding what was found, as a clause
     * @param advice  what to do, as a sentence
     */
    record Unverified(String outcome, String finding, String advice) implements PluginProblem {
        @Override
        public String code() {
            return "signature-" + outcome;
        }

        @Override
        public String message() {
            return "signature required (security.require_signatures), but " + finding + ". " + advice;
        }
    }
}
