package dev.jig.host.exec;

import dev.jig.host.discovery.PluginFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command vector that starts a plugin, before its arguments. */
public final class LaunchCommand {

    private LaunchCommand() {
    }

    /**
     * An executable runs as itself. A manifest's {@code run} vector is resolved against the
     * plugin's directory: a first element with a {@code /} is a path inside it, a bare name is
     * looked up on {@code PATH}, and any later element naming a file inside the directory is
     * made absolute, because the plugin runs in the user's working directory.
     *
     * @param run the manifest's run vector; ignored for executables
     */
    public static List<String> of(PluginFile plugin, List<String> run, Programs programs) throws PluginLaunchException {
        if (plugin.form() == PluginFile.Form.EXECUTABLE) {
            return List.of(plugin.path().toString());
        }
        Path home = plugin.home();
        List<String> command = new ArrayList<>();
        String program = run.get(0);
        if (program.contains("/")) {
            command.add(home.resolve(program).normalize().toString());
        } else {
            command.add(programs.find(program).map(Path::toString).orElseThrow(() -> new PluginLaunchException(
                    Path.of(program), "its manifest runs '" + program + "', which is not on PATH", null)));
        }
        for (String arg : run.subList(1, run.size())) {
            Path inside = home.resolve(arg).normalize();
            command.add(!arg.isEmpty() && inside.startsWith(home) && Files.exists(inside) ? inside.toString() : arg);
        }
        return command;
    }
}
