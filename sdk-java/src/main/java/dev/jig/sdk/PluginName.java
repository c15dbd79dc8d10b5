package dev.jig.sdk;

/** The name to put in front of a plugin's diagnostics, even when its metadata fails. */
final class PluginName {

    private PluginName() {
    }

    static String of(JigPlugin plugin) {
        try {
            String name = plugin.metadata().name();
            if (name != null && !name.isBlank()) {
                return name;
            }
        } catch (RuntimeException e) {
            // fall through: a broken metadata() must not hide the error being reported
        }
        return plugin.getClass().getSimpleName();
    }

    /** One line describing {@code failure}: its type and message. */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        String type = failure.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return type;
        }
        return type + ": " + message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
