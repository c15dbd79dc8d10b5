package dev.jig.host.hook;

import java.util.Map;

/** What the {@code prerun} hooks decided about a command. */
public sealed interface Verdict {

    /**
     * The command runs.
     *
     * @param env variables the hooks add to a plugin command's environment
     */
    record Proceed(Map<String, String> env) implements Verdict {
        public Proceed {
            env = Map.copyOf(env);
        }
    }

    /**
     * The command does not run; the host prints the message and exits with the status.
     *
     * @param message  one line, naming the plugin that aborted or failed
     * @param exitCode the exit status of the invocation
     */
    record Abort(String message, int exitCode) implements Verdict {
    }
}
