package dev.jig.sdk.testkit;

/**
 * The outcome of a run-mode call made by {@link PluginTestKit#run}.
 *
 * @param exitCode the exit status the process would have had
 * @param stdout   everything written to standard output, decoded as UTF-8; never null
 * @param stderr   everything written to standard error, decoded as UTF-8; never null
 */
public record RunResult(int exitCode, String stdout, String stderr) {
}
