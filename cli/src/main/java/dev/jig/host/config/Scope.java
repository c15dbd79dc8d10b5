package dev.jig.host.config;

import java.util.Locale;

/** The configuration files, lowest precedence first. */
public enum Scope {
    /** {@code /etc/<cli>/config.toml}: for the whole machine. */
    SYSTEM,
    /** {@code ${XDG_CONFIG_HOME:-~/.config}/<cli>/config.toml}: for one user. */
    USER,
    /** {@code .<cli>/config.toml} in the working directory or above: for one project. */
    PROJECT;

    /** The option that selects it: {@code --system}, {@code --user}, {@code --project}. */
    public String option() {
        return "--" + name().toLowerCase(Locale.ROOT);
    }
}
