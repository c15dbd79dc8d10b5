package dev.jig.host;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who is hosting the plugins: the CLI's name, its version and the launcher a plugin can call back.
 *
 * <p>The name decides every other name: plugin files are {@code <name>-<command>}, the
 * environment variables the host reads and sets start with {@link #envPrefix()}, and the plugin
 * directories are {@code ~/.config/<name>/plugins} and so on.
 *
 * @param name     the CLI's name as typed by users, e.g. {@code jig}; lower-case letters and digits,
 *                 starting with a letter, in dash-separated parts
 * @param version  the CLI's version, handed to plugins; never blank
 * @param launcher the executable a plugin runs to call the CLI back, when there is one
 */
public record CliIdentity(String name, String version, Optional<Path> launcher) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public CliIdentity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(launcher, "launcher");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("CLI name must match " + NAME + ": '" + name + "'");
        }
        if (version.isBlank()) {
            throw new IllegalArgumentException("CLI version must not be blank");
        }
    }

    /** The prefix of plugin file names: {@code jig-} for the CLI {@code jig}. */
    public String filePrefix() {
        return name + "-";
    }

    /** The prefix of environment variables: {@code JIG_} for {@code jig}, {@code MY_CLI_} for {@code my-cli}. */
    public String envPrefix() {
        return name.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
    }
}
