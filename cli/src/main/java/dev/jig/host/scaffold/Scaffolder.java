package dev.jig.host.scaffold;

import dev.jig.host.HostSettings;
import dev.jig.host.discovery.CommandPath;
import dev.jig.host.files.FileTrees;
import dev.jig.protocol.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes new plugins from the templates of {@link Language}: ready to build, list, run and answer
 * their hook, named after the hosting CLI (file prefix, environment prefix, help text).
 *
 * <p>A plugin is written whole or not at all: it is built in a hidden directory beside its
 * target, then renamed into place.
 */
public final class Scaffolder {

    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final String SINGLE_FILE_TEMPLATE = "plugin";
    private static final String COMMON = "common/";

    private final HostSettings settings;

    public Scaffolder(HostSettings settings) {
        this.settings = settings;
    }

    /**
     * The user plugin directory, {@code ${XDG_CONFIG_HOME:-~/.config}/<cli>/plugins}: where a
     * plugin goes unless the user names another directory. Empty without a usable home.
     */
    public Optional<Path> userPluginDirectory() {
        return settings.userPluginDirectory();
    }

    /**
     * The command that runs the plugin {@code name}.
     *
     * @throws IllegalArgumentException when {@code name} cannot name a plugin (PROTOCOL.md §5:
     *         letters, digits, {@code .}, {@code _} and {@code -}, each dash-separated part
     *         starting with a letter or digit), or its first word is a built-in command
     */
    public CommandPath command(String name) {
        String prefix = settings.cli().filePrefix();
        CommandPath command = CommandPath.fromFileName(prefix, prefix + name).orElseThrow(() ->
                new IllegalArgumentException("'" + name + "' is not a plugin name: use letters, digits, '.' and '_'"
                        + " in parts separated by '-', each starting with a letter or digit"));
        if (settings.builtins().contains(command.words().get(0))) {
            throw new IllegalArgumentException("'" + name + "' would be hidden by the built-in command '"
                    + command.words().get(0) + "'");
        }
        return command;
    }

    /**
     * Writes the plugin {@code name} in {@code language} into {@code directory}: the directory
     * {@code <directory>/<name>} or the file {@code <directory>/<cli>-<name>}.
     *
     * @param replace replace an existing plugin of that name instead of refusing
     * @throws IllegalArgumentException   when {@code name} is not a plugin name ({@link #command})
     * @throws FileAlreadyExistsException when the target exists and {@code replace} is false
     */
    public Scaffold create(String name, Language language, Path directory, boolean replace) throws IOException {
        CommandPath command = command(name);
        Path target = directory.resolve(language.directory() ? name : settings.cli().filePrefix() + name);
        if (!replace && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString(), null, "a plugin of that name exists");
        }
        Files.createDirectories(directory);
        Path staging = Files.createTempDirectory(directory, "." + target.getFileName() + ".new-");
        try {
            Map<String, String> values = placeholders(name, language, command);
            Path built = staging.resolve(target.getFileName());
            if (language.directory()) {
                writeDirectory(language, built, values);
            } else {
                write(language.id() + "/" + SINGLE_FILE_TEMPLATE, built, values);
                Files.setPosixFilePermissions(built, EXECUTABLE);
            }
            moveIntoPlace(built, target, staging);
        } finally {
            FileTrees.delete(staging);
        }
        return new Scaffold(target, language, command.toString());
    }

    /** The values of the templates' {@code @key@} placeholders. */
    private Map<String, String> placeholders(String name, Language language, CommandPath command) {
        String cli = settings.cli().name();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("@name@", name);
        values.put("@cli@", cli);
        values.put("@env@", settings.cli().envPrefix());
        values.put("@file@", settings.cli().filePrefix() + name);
        values.put("@command@", command.toString());
        values.put("@protocol@", Protocol.ARGUMENT);
        values.put("@language@", language.title());
        // npm and cargo package names: lower case, no dots.
        values.put("@package@", (cli + "-" + name).toLowerCase(Locale.ROOT).replace('.', '_'));
        values.put("@hookvar@", hookVariable(name));
        values.put("@build@", language.build().orElse(""));
        return values;
    }

    /**
     * The variable the template's {@code prerun} hook adds to every command's environment:
     * {@code _FOO_BAR_PRERUN} for {@code foo.bar}. The leading underscore keeps it a valid name
     * whatever the plugin's name, and outside the CLI's own {@code <PREFIX>} variables.
     */
    static String hookVariable(String name) {
        return "_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_PRERUN";
    }

    private static void writeDirectory(Language language, Path plugin, Map<String, String> values) throws IOException {
        Files.createDirectory(plugin);
        for (String file : language.templates()) {
            write(language.id() + "/" + file, plugin.resolve(file), values);
        }
        Map<String, String> manifest = new LinkedHashMap<>(values);
        manifest.put("@run@", substitute(language.run().orElseThrow(), values));
        write(COMMON + "plugin.json", plugin.resolve("plugin.json"), manifest);
        write(COMMON + "README.md", plugin.resolve("README.md"), values);
    }

    /** Writes the template {@code resource} to {@code file} with its placeholders filled in. */
    private static void write(String resource, Path file, Map<String, String> values) throws IOException {
        String template;
        try (InputStream in = Scaffolder.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("template missing from the build: " + resource);
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, substitute(template, values), StandardCharsets.UTF_8);
    }

    private static String substitute(String template, Map<String, String> values) {
        String text = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace(value.getKey(), value.getValue());
        }
        return text;
    }

    /**
     * Renames {@code built} to {@code target}. An existing target is first renamed into
     * {@code staging}, to be deleted with it, and put back if the new plugin cannot take its place.
     */
    private static void moveIntoPlace(Path built, Path target, Path staging) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(built, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path previous = staging.resolve(".previous");
        Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(built, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
    }
}
