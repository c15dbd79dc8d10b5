package dev.jig.host.discovery;

import dev.jig.host.trace.Tracer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a command line into a {@link Dispatch}, touching nothing but file metadata: this is the
 * hot path of every plugin command.
 *
 * <p>{@code jig a b c --x} tries {@code jig-a-b-c}, then {@code jig-a-b}, then {@code jig-a},
 * each through the whole search path. At the longest name that exists anywhere, the first
 * executable file wins; if that name exists only as non-executable files, the result is
 * {@link Dispatch.NotExecutable} rather than a shorter match the user did not mean. In the
 * same directory an executable {@code jig-foo} comes before a directory plugin {@code foo/}.
 */
public final class PluginResolver {

    private final String filePrefix;
    private final Set<String> builtins;
    private final SearchPath searchPath;
    private final Tracer tracer;

    /**
     * @param filePrefix plugin file prefix, e.g. {@code jig-}
     * @param builtins   top-level commands that always win
     * @param searchPath where to look
     */
    public PluginResolver(String filePrefix, Set<String> builtins, SearchPath searchPath) {
        this(filePrefix, builtins, searchPath, Tracer.OFF);
    }

    /** Like {@link #PluginResolver(String, Set, SearchPath)}, tracing each name it looks up for a command line. */
    public PluginResolver(String filePrefix, Set<String> builtins, SearchPath searchPath, Tracer tracer) {
        this.filePrefix = filePrefix;
        this.builtins = Set.copyOf(builtins);
        this.searchPath = searchPath;
        this.tracer = tracer;
    }

    /** Where this resolver looks. */
    public SearchPath searchPath() {
        return searchPath;
    }

    /** Resolves {@code args}, the command line after the CLI's own options. */
    public Dispatch resolve(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("no command to resolve");
        }
        String first = args.get(0);
        if (builtins.contains(first)) {
            return new Dispatch.Builtin(first, args.subList(1, args.size()));
        }
        List<String> words = CommandPath.leadingWords(filePrefix, args);
        if (words.isEmpty()) {
            return new Dispatch.Unknown(first);
        }
        CommandPath longest = new CommandPath(words);
        for (int count = words.size(); count > 0; count--) {
            CommandPath command = longest.prefix(count);
            Dispatch found = lookup(command, args.subList(count, args.size()));
            tracer.step("candidate", () -> command.fileName(filePrefix) + ": " + (found instanceof Dispatch.Plugin plugin
                    ? plugin.plugin().path() + " (" + plugin.plugin().dir().origin().id() + ")"
                    : found instanceof Dispatch.NotExecutable notExecutable ? notExecutable.path() + " (not executable)"
                    : "not found"));
            if (found != null) {
                return found;
            }
        }
        return new Dispatch.Unknown(first);
    }

    /** The plugin that runs for exactly {@code command}, if any; no longer or shorter name. */
    public Optional<PluginFile> find(CommandPath command) {
        return lookup(command, List.of()) instanceof Dispatch.Plugin plugin ? Optional.of(plugin.plugin()) : Optional.empty();
    }

    /** The dispatch for one command name, or null when no directory has a plugin of that name. */
    private Dispatch lookup(CommandPath command, List<String> rest) {
        String fileName = command.fileName(filePrefix);
        Path notExecutable = null;
        for (PluginDir dir : searchPath.dirs()) {
            Path candidate = dir.directory().resolve(fileName);
            if (isRegularFile(candidate)) {
                if (Files.isExecutable(candidate)) {
                    return new Dispatch.Plugin(new PluginFile(command, candidate, dir, PluginFile.Form.EXECUTABLE), rest);
                }
                if (notExecutable == null) {
                    notExecutable = candidate;
                }
            }
            Path manifest = manifestIn(dir, command.pluginName(), filePrefix);
            if (manifest != null) {
                return new Dispatch.Plugin(new PluginFile(command, manifest, dir, PluginFile.Form.MANIFEST), rest);
            }
        }
        return notExecutable == null ? null : new Dispatch.NotExecutable(command, notExecutable);
    }

    /**
     * The manifest of directory plugin {@code name} in {@code dir}, or null. PATH entries hold
     * executables only: a program's data directory there is not a plugin.
     */
    public static Path manifestIn(PluginDir dir, String name, String filePrefix) {
        if (dir.origin() == Origin.PATH) {
            return null;
        }
        String cliName = filePrefix.substring(0, filePrefix.length() - 1); // "jig-" names the key "jig"
        Path plugin = dir.directory().resolve(name).resolve(PluginFile.MANIFESTS.get(0));
        if (isRegularFile(plugin)) {
            return plugin;
        }
        Path npm = dir.directory().resolve(name).resolve(PluginFile.MANIFESTS.get(1));
        return isRegularFile(npm) && mentionsKey(npm, cliName) ? npm : null;
    }

    /**
     * Whether a {@code package.json} has a {@code "<cli>":} key somewhere: only then is the
     * package a plugin. A text search keeps JSON parsing off this path; the manifest reader
     * checks the key properly.
     */
    private static boolean mentionsKey(Path packageJson, String cliName) {
        try {
            return Pattern.compile("\"" + Pattern.quote(cliName) + "\"\\s*:").matcher(Files.readString(packageJson)).find();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** One stat call; a missing or unreadable directory is simply not a match. */
    static boolean isRegularFile(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).isRegularFile();
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
