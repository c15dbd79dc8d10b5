package dev.jig.sdk;

/**
 * The configuration the host gave the plugin cannot be read: the file named by
 * {@code JIG_CONFIG} is missing, unreadable, or not a JSON object. The message names the file.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the file
     * @param cause   the underlying failure, or null
     */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
