package dev.jig.host.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jig.protocol.codec.Json;
import dev.jig.protocol.metadata.Permissions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a plugin's metadata requests that the user has not granted, with the commands that grant it. */
public final class Requests {

    /**
     * One permission requested but not granted.
     *
     * @param permission what is missing, e.g. {@code network} or {@code read ~/data}
     * @param command    the command that grants it (and keeps what is granted already)
     */
    public record Missing(String permission, String command) {
    }

    private Requests() {
    }

    /** {@code grants} as the metadata would request them, to show both side by side. */
    public static Permissions asPermissions(Grants grants) {
        return new Permissions(grants.network() ? Boolean.TRUE : null, grants.cwd().id(), grants.read(), grants.write(),
                grants.env());
    }

    /**
     * What {@code requested} asks beyond {@code granted}. A path is granted when it or a
     * directory above it is (for reading, a writable one counts).
     *
     * @param home   what {@code ~} stands for
     * @param cli    the CLI's name, which starts each command
     * @param plugin the plugin's name, whose {@code grant} the commands set
     */
    public static List<Missing> notGranted(Permissions requested, Grants granted, Path home, String cli, String plugin) {
        String set = cli + " config set plugins." + plugin + ".grant.";
        List<Missing> missing = new ArrayList<>();
        if (Boolean.TRUE.equals(requested.network()) && !granted.network()) {
            missing.add(new Missing("network", set + "network true"));
        }
        if ("write".equals(requested.cwd()) && granted.cwd() != Grants.Access.WRITE) {
            missing.add(new Missing("cwd write", set + "cwd write"));
        }
        List<String> readable = new ArrayList<>(granted.read());
        readable.addAll(granted.write());
        paths(missing, "read", requested.read(), readable, granted.read(), home, set);
        paths(missing, "write", requested.write(), granted.write(), granted.write(), home, set);
        List<String> env = requested.env().stream().filter(name -> !granted.env().contains(name)).toList();
        if (!env.isEmpty()) {
            List<String> all = new ArrayList<>(granted.env());
            all.addAll(env);
            missing.add(new Missing("env " + String.join(", ", env), set + "env " + array(all)));
        }
        return missing;
    }

    private static void paths(List<Missing> missing, String kind, List<String> requested, List<String> covering,
                              List<String> granted, Path home, String set) {
        List<String> uncovered = requested.stream().filter(Grants::isPath).filter(path -> covering.stream()
                .noneMatch(grant -> Grants.isPath(grant) && Grants.resolve(path, home).startsWith(Grants.resolve(grant, home))))
                .toList();
        if (!uncovered.isEmpty()) {
            List<String> all = new ArrayList<>(granted);
            all.addAll(uncovered);
            missing.add(new Missing(kind + " " + String.join(", ", uncovered), set + kind + " " + array(all)));
        }
    }

    /** A JSON array of strings, quoted for a POSIX shell. */
    private static String array(List<String> values) {
        try {
            return "'" + Json.mapper().writeValueAsString(values).replace("'", "'\\''") + "'";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
