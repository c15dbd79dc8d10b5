package dev.jig.host.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.host.CliIdentity;
import dev.jig.host.HostSettings;
import dev.jig.host.discovery.CommandPath;
import dev.jig.host.discovery.Origin;
import dev.jig.host.discovery.PluginDir;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.testing.Scripts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchCommandTests {

    @TempDir
    Path tmp;

    private Path pluginsDir;
    private Path home;
    private Path bin;
    private Programs programs;

    @BeforeEach
    void layout() throws IOException {
        pluginsDir = Files.createDirectories(tmp.resolve("plugins"));
        home = Files.createDirectories(pluginsDir.resolve("greet"));
        bin = tmp.resolve("bin");
        Scripts.executable(bin, "sh", "#!/bin/sh\nexit 0\n");
        HostSettings settings = new HostSettings(new CliIdentity("jig", "0.1.0", Optional.empty()), Set.of(),
                Map.of("PATH", bin.toString()), tmp.resolve("work"), Optional.empty());
        programs = new Programs(settings);
    }

    private PluginFile manifestPlugin() throws IOException {
        Path manifest = Files.writeString(home.resolve("plugin.json"), "{}");
        return new PluginFile(CommandPath.of("greet"), manifest, new PluginDir(pluginsDir, Origin.USER),
                PluginFile.Form.MANIFEST);
    }

    @Test
    void anExecutableRunsAsItself() throws Exception {
        Path file = Scripts.executable(pluginsDir, "jig-greet", "#!/bin/sh\n");
        PluginFile plugin = new PluginFile(CommandPath.of("greet"), file, new PluginDir(pluginsDir, Origin.USER),
                PluginFile.Form.EXECUTABLE);

        assertEquals(List.of(file.toString()), LaunchCommand.of(plugin, List.of("ignored", "too"), programs));
    }

    @Test
    void aRunPathIsInsideThePluginDirectory() throws Exception {
        assertEquals(List.of(home.resolve("bin/run").toString()),
                LaunchCommand.of(manifestPlugin(), List.of("bin/run"), programs));
    }

    @Test
    void aRunPathIsNormalised() throws Exception {
        assertEquals(List.of(home.resolve("bin/run").toString()),
                LaunchCommand.of(manifestPlugin(), List.of("./bin/./run"), programs));
    }

    @Test
    void aBareProgramIsFoundOnPathAndExistingFilesBecomeAbsolute() throws Exception {
        Files.writeString(home.resolve("main.sh"), "echo hi\n");

        List<String> command = LaunchCommand.of(manifestPlugin(), List.of("sh", "main.sh"), programs);

        assertEquals(List.of(bin.resolve("sh").toString(), home.resolve("main.sh").toString()), command);
    }

    @Test
    void argumentsThatAreNotFilesInThePluginDirectoryStayAsTheyAre() throws Exception {
        Files.writeString(tmp.resolve("plugins/escape"), "outside the plugin directory\n");
        Files.writeString(tmp.resolve("outside.sh"), "also outside\n");
        Files.createDirectories(home.resolve("lib"));

        List<String> command = LaunchCommand.of(manifestPlugin(),
                List.of("sh", "missing.sh", "../escape", "--flag", "", "/etc/hostname", "lib", "../../outside.sh"),
                programs);

        assertEquals(List.of(bin.resolve("sh").toString(), "missing.sh", "../escape", "--flag", "", "/etc/hostname",
                home.resolve("lib").toString(), "../../outside.sh"), command);
    }

    @Test
    void aBareProgramMissingOnPathIsALaunchError() throws Exception {
        PluginFile plugin = manifestPlugin();

        PluginLaunchException e = assertThrows(PluginLaunchException.class,
                () -> LaunchCommand.of(plugin, List.of("python3", "main.py"), programs));

        assertTrue(e.getMessage().contains("'python3'"), e.getMessage());
        assertTrue(e.getMessage().contains("not on PATH"), e.getMessage());
    }

    @Test
    void aNonExecutableFileOnPathDoesNotCount() throws Exception {
        Files.writeString(bin.resolve("node"), "not executable");

        assertThrows(PluginLaunchException.class,
                () -> LaunchCommand.of(manifestPlugin(), List.of("node", "index.js"), programs));
    }
}
