package dev.jig.protocol.metadata;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a plugin asks to be allowed when the user runs it in a sandbox. A request only: the user's
 * configuration ({@code plugins.<name>.grant}) decides, and {@code plugins info} shows what is
 * requested but not granted.
 *
 * @param network whether it needs the network
 * @param cwd     {@code read} or {@code write}: the access it needs to the working directory
 * @param read    paths it reads, absolute or {@code ~/...}
 * @param write   paths it writes, absolute or {@code ~/...}
 * @param env     environment variables it needs beyond the minimal set
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Permissions(Boolean network, String cwd, List<String> read, List<String> write, List<String> env) {

    /** Nothing requested. */
    public static final Permissions NONE = new Permissions(null, null, null, null, null);

    public Permissions {
        read = read == null ? List.of() : List.copyOf(read);
        write = write == null ? List.of() : List.copyOf(write);
        env = env == null ? List.of() : List.copyOf(env);
    }
}
