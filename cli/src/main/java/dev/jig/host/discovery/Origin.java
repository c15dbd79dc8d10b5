package dev.jig.host.discovery;

import java.util.Locale;

/** The kinds of plugin directory, in the order they are searched. */
public enum Origin {
    /** {@code --plugin-path} or the {@code <PREFIX>PLUGIN_PATH} environment variable. */
    EXPLICIT("explicit plugin path"),
    /** {@code ${XDG_CONFIG_HOME:-~/.config}/<cli>/plugins}. */
    USER("user plugins"),
    /** {@code ./plugins}, relative to the working directory. */
    LOCAL("local plugins"),
    /** {@code <dir>/<cli>/plugins} for each {@code XDG_DATA_DIRS} entry, {@code /usr/share} by default. */
    SYSTEM("system plugins"),
    /** Every {@code PATH} entry. */
    PATH("PATH");

    private final String description;

    Origin(String description) {
        this.description = description;
    }

    /** A short lower-case identifier, stable for scripts: {@code explicit}, {@code user}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A phrase for people, e.g. {@code user plugins}. */
    public String description() {
        return description;
    }
}
