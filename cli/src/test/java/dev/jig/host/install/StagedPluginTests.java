package dev.jig.host.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.host.ExitStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedPluginTests {

    @TempDir
    Path tree;

    private void executable(String path) throws Exception {
        Path file = tree.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void anExecutableAtTheTopOrInTheOneTopDirectory() throws Exception {
        executable("greet-1.0/jig-greet");
        Files.writeString(tree.resolve("greet-1.0/README"), "read me");
        assertEquals(new StagedPlugin("greet", false, "greet-1.0/jig-greet"),
                StagedPlugin.find(tree, "jig-", Optional.empty(), "greet.tar.gz"));
    }

    @Test
    void aDirectoryPluginIsNamedByItsManifest() throws Exception {
        Files.createDirectories(tree.resolve("pkg"));
        Files.writeString(tree.resolve("pkg/plugin.json"), "{\"name\": \"weather\", \"version\": \"1.0.0\", \"run\": [\"x\"]}");
        assertEquals(new StagedPlugin("weather", true, "pkg"), StagedPlugin.find(tree, "jig-", Optional.empty(), "w.zip"));
        assertEquals(new StagedPlugin("forecast", true, "pkg"),
                StagedPlugin.find(tree, "jig-", Optional.of("forecast"), "w.zip"));
    }

    @Test
    void theExpectedNameWinsAmongSeveralExecutables() throws Exception {
        executable("jig-greet");
        executable("jig-helper");
        assertEquals(new StagedPlugin("greet", false, "jig-greet"), StagedPlugin.find(tree, "jig-", Optional.of("greet"), "a"));
        InstallException e = assertThrows(InstallException.class, () -> StagedPlugin.find(tree, "jig-", Optional.empty(), "a"));
        assertTrue(e.getMessage().contains("jig-greet, jig-helper"), e.getMessage());
    }

    @Test
    void noPluginIsRefusedWithWhatWasExpected() throws Exception {
        Files.writeString(tree.resolve("README"), "nothing here");
        InstallException e = assertThrows(InstallException.class,
                () -> StagedPlugin.find(tree, "jig-", Optional.empty(), "stuff.zip"));
        assertEquals(ExitStatus.REFUSED, e.exitStatus());
        assertTrue(e.getMessage().startsWith("stuff.zip holds no plugin"), e.getMessage());
    }
}
