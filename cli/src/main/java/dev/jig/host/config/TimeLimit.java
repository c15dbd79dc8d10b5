package dev.jig.host.config;

import java.time.Duration;

/**
 * A time limit the user set, with the key that set it, for the message when it fires.
 *
 * @param duration how long
 * @param key      the dotted key, e.g. {@code plugins.slow.run_timeout_ms}
 */
public record TimeLimit(Duration duration, String key) {
}
