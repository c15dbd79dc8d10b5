package dev.jig.host.install;

/**
 * What a management command did to one plugin.
 *
 * @param name   the plugin
 * @param action what happened
 * @param from   the version before, or null (none, or a plain plugin)
 * @param to     the version after, or null
 * @param source where it came from: an index's name, a URL or a path
 */
public record Change(String name, Action action, String from, String to, String source) {

    /** What happened to a plugin. */
    public enum Action {
        /** Installed where there was none. */
        INSTALLED,
        /** Replaced by another version or another artifact. */
        REPLACED,
        /** Already installed as asked: left as it was. */
        UNCHANGED,
        /** Removed. */
        UNINSTALLED,
        /** Linked for development. */
        LINKED
    }

    /** One line for the user, e.g. {@code installed greet 1.2.0 from index 'main'}. */
    public String describe() {
        return switch (action) {
            case INSTALLED -> "installed " + name + version(to) + " from " + source;
            case REPLACED -> "replaced " + name + version(from) + " with" + (to == null ? " a new copy" : " " + to)
                    + " from " + source;
            case UNCHANGED -> name + version(to) + " is installed already";
            case UNINSTALLED -> "uninstalled " + name + version(from);
            case LINKED -> "linked " + name + " to " + source;
        };
    }

    private static String version(String version) {
        return version == null ? "" : " " + version;
    }
}
