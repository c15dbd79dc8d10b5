package dev.jig.host.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the user allows a sandboxed plugin ({@code plugins.<name>.grant}). The sandbox gives
 * exactly this, whatever the plugin's metadata requests.
 *
 * @param network whether it may use the network
 * @param cwd     its access to the working directory
 * @param read    paths it may read, absolute or {@code ~/...}
 * @param write   paths it may read and write, absolute or {@code ~/...}
 * @param env     variables it inherits even with {@code security.env = "minimal"}
 */
public record Grants(boolean network, Access cwd, List<String> read, List<String> write, List<String> env) {

    /** Read-only or read-write. */
    public enum Access {
        READ, WRITE;

        /** {@code read} or {@code write}, as in the configuration. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The members a grant table may have. */
    public static final List<String> MEMBERS = List.of("network", "cwd", "read", "write", "env");

    /** Nothing beyond the profile: no network, the working directory read-only. */
    public static final Grants NONE = new Grants(false, Access.READ, List.of(), List.of(), List.of());

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public Grants {
        read = List.copyOf(read);
        write = List.copyOf(write);
        env = List.copyOf(env);
    }

    /**
     * The grants a {@code grant} table holds; members of the wrong type count as not granted
     * (the configuration's checks report them before anything runs).
     */
    public static Grants of(JsonNode grant) {
        if (grant == null || !grant.isObject()) {
            return NONE;
        }
        return new Grants(grant.path("network").asBoolean(false),
                "write".equals(grant.path("cwd").asText()) ? Access.WRITE : Access.READ,
                strings(grant.get("read")), strings(grant.get("write")), strings(grant.get("env")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(value -> {
                if (value.isTextual()) {
                    values.add(value.asText());
                }
            });
        }
        return values;
    }

    /** Whether {@code text} may be a granted path: absolute, or {@code ~} or {@code ~/...}. */
    public static boolean isPath(String text) {
        return text.startsWith("/") || text.equals("~") || text.startsWith("~/");
    }

    /** Whether {@code text} may be a granted environment variable's name. */
    public static boolean isVariable(String text) {
        return VARIABLE.matcher(text).matches();
    }

    /** {@code path} as a file: {@code ~} stands for {@code home}. */
    public static Path resolve(String path, Path home) {
        if (path.equals("~")) {
            return home;
        }
        return path.startsWith("~/") ? home.resolve(path.substring(2)).normalize() : Path.of(path).normalize();
    }
}
