package dev.jig.host.sandbox;

import dev.jig.host.HostSettings;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.exec.PluginEnvironment;
import dev.jig.host.exec.Programs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Confines plugin processes as the user's settings say, in every mode: a run, a metadata probe,
 * a hook session. Each builds its command as usual and passes it through {@link #command}.
 */
public final class Sandboxes {

    /** Directories besides the home replaced by empty ones: other users' files, sockets, agents. */
    private static final List<Path> HIDDEN = List.of(Path.of("/tmp"), Path.of("/var/tmp"), Path.of("/run"));

    private final SandboxSettings sandboxSettings;
    private final HostSettings settings;
    private final Programs programs;
    private Bubblewrap bubblewrap;

    /** Sandboxes as {@code sandboxSettings} ask, with {@code bwrap} found on the host's {@code PATH}. */
    public Sandboxes(SandboxSettings sandboxSettings, HostSettings settings, Programs programs) {
        this.sandboxSettings = sandboxSettings;
        this.settings = settings;
        this.programs = programs;
    }

    /** Looked for only when a plugin is sandboxed: without sandboxes, nothing is searched. */
    private synchronized Bubblewrap bubblewrap() {
        if (bubblewrap == null) {
            bubblewrap = new Bubblewrap(programs.find("bwrap"), System.getProperty("os.name"),
                    programs.find("true").orElse(Path.of("/bin/true")));
        }
        return bubblewrap;
    }

    /** How {@code plugin} is confined. */
    public Confinement of(PluginFile plugin) {
        return sandboxSettings.confinement(plugin.name());
    }

    /**
     * Checks that the sandbox of {@code plugin}, if it has one, can be set up; the first check of
     * an invocation builds a sandbox around {@code true}.
     */
    public void check(PluginFile plugin) throws SandboxUnavailableException {
        Confinement confinement = of(plugin);
        if (confinement.sandboxed()) {
            bubblewrap().require(confinement.profile());
        }
    }

    /** The complete environment of {@code plugin}: the host's variables it inherits, then the context. */
    public Map<String, String> environment(PluginFile plugin) {
        return PluginEnvironment.of(settings, plugin, of(plugin)::inherits);
    }

    /**
     * {@code command} as it must be started: unchanged without a sandbox, else run by bwrap.
     *
     * @param visible  files besides the plugin's own it must be able to read (its configuration file)
     * @param terminal whether it keeps the terminal (run mode)
     */
    public List<String> command(PluginFile plugin, List<String> command, List<Path> visible, boolean terminal)
            throws SandboxUnavailableException {
        Confinement confinement = of(plugin);
        if (!confinement.sandboxed()) {
            return command;
        }
        Path bwrap = bubblewrap().require(confinement.profile());
        List<Path> needed = new ArrayList<>(visible);
        needed.add(plugin.form() == PluginFile.Form.MANIFEST ? plugin.home() : plugin.path());
        Path program = Path.of(command.get(0));
        needed.add(program);
        interpreter(program).ifPresent(needed::add);
        if (confinement.grants().network()) {
            resolvConf().ifPresent(needed::add); // often a link into /run, which is hidden
        }
        Optional<Path> home = settings.env("HOME").filter(h -> h.startsWith("/")).map(Path::of);
        List<Path> hidden = new ArrayList<>(HIDDEN);
        settings.env("XDG_RUNTIME_DIR").filter(dir -> dir.startsWith("/")).map(Path::of).ifPresent(hidden::add);
        BwrapArguments.Layout layout = new BwrapArguments.Layout(home.map(Path::normalize).orElse(null), hidden,
                settings.workingDirectory(), needed.stream().map(path -> path.toAbsolutePath().normalize()).toList());
        return BwrapArguments.of(bwrap, confinement.grants(), layout, terminal, command);
    }

    /**
     * The interpreter of a script's {@code #!} line: its first word, or for {@code env} the
     * program it runs, found on {@code PATH}.
     */
    private Optional<Path> interpreter(Path program) {
        String line;
        try (InputStream in = Files.newInputStream(program)) {
            byte[] head = in.readNBytes(256);
            if (head.length < 2 || head[0] != '#' || head[1] != '!') {
                return Optional.empty();
            }
            line = new String(head, 2, head.length - 2, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
        } catch (IOException e) {
            return Optional.empty();
        }
        String[] words = line.split("\\s+");
        if (words.length == 0 || !words[0].startsWith("/")) {
            return Optional.empty();
        }
        if (words[0].endsWith("/env")) {
            for (int i = 1; i < words.length; i++) {
                if (!words[i].startsWith("-")) {
                    return programs.find(words[i]);
                }
            }
            return Optional.empty();
        }
        return Optional.of(Path.of(words[0]));
    }

    private static Optional<Path> resolvConf() {
        try {
            return Optional.of(Path.of("/etc/resolv.conf").toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
