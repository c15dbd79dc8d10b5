package dev.jig.sdk;

import dev.jig.protocol.metadata.FlagSpec;
import dev.jig.protocol.metadata.PluginMetadata;
import dev.jig.protocol.metadata.Requirements;
import java.util.List;

/** A plugin for tests: fixed metadata, and a command given as a lambda. */
public class FixturePlugin implements JigPlugin {

    /** A command body that may throw. */
    @FunctionalInterface
    public interface Command {
        int run(Invocation invocation) throws Exception;
    }

    private final PluginMetadata metadata;
    private final Command command;
    private Handshake handshake;

    public FixturePlugin(PluginMetadata metadata, Command command) {
        this.metadata = metadata;
        this.command = command;
    }

    /** A plugin named {@code fixture} that speaks {@code protocols} and runs {@code command}. */
    public static FixturePlugin speaking(List<Integer> protocols, Command command) {
        return new FixturePlugin(metadata(protocols), command);
    }

    /** A plugin named {@code fixture} that speaks the default versions and runs {@code command}. */
    public static FixturePlugin running(Command command) {
        return speaking(null, command);
    }

    public static PluginMetadata metadata(List<Integer> protocols) {
        return new PluginMetadata("fixture", "1.2.3", "A plugin for tests", null, null, "[--loud] NAME",
                List.of(new FlagSpec("--loud", "-l", null, "shout")), null, null,
                new Requirements(">=0.1.0", protocols, null, null), null);
    }

    @Override
    public PluginMetadata metadata() {
        return metadata;
    }

    @Override
    public int run(Invocation invocation) throws Exception {
        return command.run(invocation);
    }

    @Override
    public void initialized(Handshake handshake) {
        this.handshake = handshake;
        handshake.log().info("initialized by " + handshake.cli().name());
    }

    /** The handshake seen by {@link #initialized}, or null before it. */
    public Handshake handshake() {
        return handshake;
    }
}
