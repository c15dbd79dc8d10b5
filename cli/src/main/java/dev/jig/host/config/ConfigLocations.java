package dev.jig.host.config;

import dev.jig.host.HostSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the configuration files are, for a CLI named {@code <cli>} with environment prefix
 * {@code <PREFIX>}:
 * <ul>
 *   <li>system: {@code /etc/<cli>/config.toml}, or {@code $<PREFIX>SYSTEM_CONFIG_DIR/config.toml}
 *       when that is set (for packagers that install elsewhere, and for tests);
 *   <li>user: {@code ${XDG_CONFIG_HOME:-~/.config}/<cli>/config.toml} (a relative
 *       {@code XDG_CONFIG_HOME} is ignored, as XDG asks); none without a home;
 *   <li>project: the first {@code .<cli>/config.toml} found in the working directory or a
 *       directory above it.
 * </ul>
 *
 * @param system      the system file
 * @param user        the user file, if there is a home
 * @param project     the project file found, if any
 * @param projectHome where {@code --project} writes: {@code project}, else
 *                    {@code .<cli>/config.toml} in the working directory
 */
public record ConfigLocations(Path system, Optional<Path> user, Optional<Path> project, Path projectHome) {

    /** The file name in each configuration directory. */
    public static final String FILE_NAME = "config.toml";

    /** The locations {@code settings} point at; the project walk checks one file per directory. */
    public static ConfigLocations of(HostSettings settings) {
        String cli = settings.cli().name();
        Path system = settings.env(settings.cli().envPrefix() + "SYSTEM_CONFIG_DIR")
                .map(dir -> settings.workingDirectory().resolve(dir))
                .orElse(Path.of("/etc", cli))
                .resolve(FILE_NAME);
        Optional<Path> user = settings.env("XDG_CONFIG_HOME").map(Path::of).filter(Path::isAbsolute)
                .or(() -> settings.env("HOME").map(Path::of).filter(Path::isAbsolute).map(home -> home.resolve(".config")))
                .map(base -> base.resolve(cli).resolve(FILE_NAME));
        Path own = settings.workingDirectory().resolve("." + cli).resolve(FILE_NAME);
        Optional<Path> project = Optional.empty();
        for (Path dir = walkFrom(settings); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("." + cli).resolve(FILE_NAME);
            if (Files.exists(candidate)) {
                project = Optional.of(candidate);
                break;
            }
        }
        return new ConfigLocations(system, user, project, project.orElse(own));
    }

    /**
     * The directory the project walk starts from: the shell's {@code PWD} when it names the
     * working directory (through symbolic links, the way the user reached it, as the launcher
     * walks it too), else the working directory itself.
     */
    private static Path walkFrom(HostSettings settings) {
        Path cwd = settings.workingDirectory();
        return settings.env("PWD").map(Path::of).filter(Path::isAbsolute).map(Path::normalize)
                .filter(pwd -> !pwd.equals(cwd) && sameFile(pwd, cwd)).orElse(cwd);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** The file of {@code scope} to read, if there is one. */
    public Optional<Path> file(Scope scope) {
        return switch (scope) {
            case SYSTEM -> Optional.of(system);
            case USER -> user;
            case PROJECT -> project;
        };
    }

    /** The file of {@code scope} to write, if there can be one (the user file needs a home). */
    public Optional<Path> target(Scope scope) {
        return scope == Scope.PROJECT ? Optional.of(projectHome) : file(scope);
    }
}
