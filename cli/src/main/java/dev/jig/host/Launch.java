package dev.jig.host;

import dev.jig.host.discovery.Dispatch;
import dev.jig.host.metadata.PluginRecord;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plugin run that passed every check, ready to start.
 *
 * @param dispatch     the resolved plugin and its arguments
 * @param record       what the plugin is
 * @param command      how to start it, before its arguments
 * @param environment  the complete environment it gets
 * @param dependencies the files besides the plugin's own whose change could change this decision:
 *                     the plugins and programs it requires
 */
public record Launch(Dispatch.Plugin dispatch, PluginRecord record, List<String> command,
                     Map<String, String> environment, List<Path> dependencies) {
    public Launch {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        dependencies = List.copyOf(dependencies);
    }

    /** The same run with {@code additions} set in its environment. */
    public Launch withEnvironment(Map<String, String> additions) {
        if (additions.isEmpty()) {
            return this;
        }
        Map<String, String> env = new HashMap<>(environment);
        env.putAll(additions);
        return new Launch(dispatch, record, command, env, dependencies);
    }
}
