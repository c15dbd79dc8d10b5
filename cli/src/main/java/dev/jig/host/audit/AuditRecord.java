package dev.jig.host.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One plugin execution as the audit log keeps it. Argument values are never part of it: only
 * how many there were.
 *
 * @param time       when the execution started (written ISO-8601, UTC)
 * @param plugin     the plugin's name
 * @param path       the file it was found as (executable or manifest)
 * @param sha256     the file's SHA-256 in hex; null when it could not be read
 * @param mode       {@code run}, {@code probe} or {@code hook}
 * @param event      for a hook session, the first event it was asked about; else null
 * @param trust      the trust decision that let it run. For now {@code trusted} (a directory
 *                   the user controls) or {@code local} ({@code ./plugins}, run only because its
 *                   command was typed); trust policies plug in here
 * @param sandbox    the sandbox profile it ran under: {@code none} or {@code strict}
 * @param exitCode   its exit status; null when unknown (a session killed, a probe that timed out)
 * @param durationMs wall time from start to exit, in milliseconds
 * @param argCount   how many arguments it was given, not counting the CLI's own
 */
public record AuditRecord(Instant time, String plugin, String path, String sha256, String mode, String event,
                          String trust, String sandbox, Integer exitCode, long durationMs, int argCount) {

    public static final String RUN = "run";
    public static final String PROBE = "probe";
    public static final String HOOK = "hook";

    public AuditRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(sandbox, "sandbox");
    }

    /** The record as one line of JSON, without the line break; members that are null are left out. */
    public String toJson() {
        StringBuilder json = new StringBuilder(256).append('{');
        member(json, "time", time.toString());
        member(json, "plugin", plugin);
        member(json, "path", path);
        member(json, "sha256", sha256);
        member(json, "mode", mode);
        member(json, "event", event);
        member(json, "trust", trust);
        member(json, "sandbox", sandbox);
        if (exitCode != null) {
            json.append(",\"exitCode\":").append(exitCode.intValue());
        }
        json.append(",\"durationMs\":").append(durationMs);
        json.append(",\"argCount\":").append(argCount);
        return json.append('}').toString();
    }

    private static void member(StringBuilder json, String name, String value) {
        if (value == null) {
            return;
        }
        if (json.length() > 1) {
            json.append(',');
        }
        json.append('"').append(name).append("\":");
        quote(json, value);
    }

    /** Appends {@code text} as a JSON string: quotes, backslashes and control characters escaped. */
    static void quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || lone(text, i)) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /** Whether the char at {@code i} is half of a surrogate pair without its other half (not UTF-8 as is). */
    private static boolean lone(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }
}
