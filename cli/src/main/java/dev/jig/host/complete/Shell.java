package dev.jig.host.complete;

import dev.jig.host.CliIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** A shell a completion script is written for. */
public enum Shell {
    BASH("bash.sh"),
    ZSH("zsh.zsh"),
    FISH("fish.fish");

    private final String resource;

    Shell(String resource) {
        this.resource = resource;
    }

    /** The shell called {@code name}: {@code bash}, {@code zsh} or {@code fish}. */
    public static Optional<Shell> named(String name) {
        for (Shell shell : values()) {
            if (shell.id().equals(name)) {
                return Optional.of(shell);
            }
        }
        return Optional.empty();
    }

    /** The name users type: {@code bash}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The script that completes {@code cli}'s command lines in this shell: it runs
     * {@code <name> __complete} for every candidate list.
     */
    public String script(CliIdentity cli) {
        try (InputStream in = Shell.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // Shell function names take no dash: my-cli's function is _my_cli.
            return template.replace("@FUNC@", cli.name().replace('-', '_')).replace("@NAME@", cli.name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
