package dev.jig.host.discovery;

import static dev.jig.host.discovery.PluginFixtures.executable;
import static dev.jig.host.discovery.PluginFixtures.notExecutable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.host.discovery.Inventory.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryTests {

    @TempDir
    Path tmp;

    private Path first;
    private Path second;

    @BeforeEach
    void dirs() {
        first = tmp.resolve("first");
        second = tmp.resolve("second");
    }

    private static Inventory scan(Path... dirs) {
        List<PluginDir> pluginDirs = Arrays.stream(dirs).map(d -> new PluginDir(d, Origin.PATH)).toList();
        return Inventory.scan("jig-", Set.of("help", "plugins"), new SearchPath(pluginDirs));
    }

    private static ListedPlugin at(Inventory inventory, Path file) {
        return inventory.plugins().stream().filter(p -> p.file().path().equals(file)).findFirst()
                .orElseThrow(() -> new AssertionError("not listed: " + file + " in " + inventory.plugins()));
    }

    private static List<Status> statuses(Inventory inventory) {
        return inventory.searchPath().stream().map(Inventory.ScannedDir::status).toList();
    }

    @Test
    void aLaterFileOfTheSameNameIsShadowedByTheWinner() {
        Path winner = executable(first, "jig-x");
        Path loser = executable(second, "jig-x");
        Inventory inventory = scan(first, second);
        assertEquals(List.of(), at(inventory, winner).problems());
        assertEquals(List.of(new PluginProblem.Shadowed(winner)), at(inventory, loser).problems());
        assertEquals("shadowed by " + winner, at(inventory, loser).problems().get(0).message());
        assertEquals(List.of(winner), inventory.runnable().stream().map(p -> p.file().path()).toList());
    }

    @Test
    void aNonExecutableFileShadowsNothing() {
        Path broken = notExecutable(first, "jig-x");
        Path runs = executable(second, "jig-x");
        Path shadowed = executable(tmp.resolve("third"), "jig-x");
        Inventory inventory = scan(first, second, tmp.resolve("third"));
        assertEquals(List.of(new PluginProblem.NotExecutable()), at(inventory, broken).problems());
        assertEquals(List.of(), at(inventory, runs).problems());
        assertEquals(List.of(new PluginProblem.Shadowed(runs)), at(inventory, shadowed).problems());
    }

    @Test
    void aNonExecutableFileIsListedButNotRunnable() {
        Path file = notExecutable(first, "jig-x");
        Inventory inventory = scan(first);
        ListedPlugin listed = at(inventory, file);
        assertEquals(List.of("not-executable"), listed.problems().stream().map(PluginProblem::code).toList());
        assertEquals(false, listed.runnable());
        assertEquals(List.of(), inventory.runnable());
    }

    @Test
    void aPluginNamedAfterABuiltinCollides() {
        Path help = executable(first, "jig-help");
        Path pluginsList = executable(first, "jig-plugins-list");
        Path helper = executable(first, "jig-helper");
        Inventory inventory = scan(first);
        assertEquals(List.of(new PluginProblem.CollidesWithBuiltin("help")), at(inventory, help).problems());
        assertEquals(List.of(new PluginProblem.CollidesWithBuiltin("plugins")), at(inventory, pluginsList).problems());
        assertEquals(List.of(), at(inventory, helper).problems());
        assertEquals("builtin-collision", at(inventory, help).problems().get(0).code());
    }

    @Test
    void problemsAccumulate() {
        Path winner = executable(first, "jig-hello");
        Path loser = notExecutable(second, "jig-hello");
        Inventory inventory = scan(first, second);
        assertEquals(List.of(
                new PluginProblem.NotExecutable(),
                new PluginProblem.Shadowed(winner)), at(inventory, loser).problems());
    }

    @Test
    void aFileThatCollidesWithABuiltinShadowsNothing() {
        executable(first, "jig-help");
        Path later = executable(second, "jig-help");
        assertEquals(List.of(new PluginProblem.CollidesWithBuiltin("help")), at(scan(first, second), later).problems());
    }

    @Test
    void theSameDirectoryTwiceIsScannedOnce() {
        executable(first, "jig-x");
        Inventory inventory = scan(first, first.resolve("."), tmp.resolve("other/../first"));
        assertEquals(List.of(Status.SCANNED, Status.DUPLICATE, Status.DUPLICATE), statuses(inventory));
        assertEquals(1, inventory.plugins().size());
        assertEquals(List.of(), inventory.plugins().get(0).problems());
    }

    @Test
    void aSymlinkedDirectoryIsADuplicate() throws IOException {
        Path file = executable(first, "jig-x");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), first);
        Inventory inventory = scan(link, first);
        assertEquals(List.of(Status.SCANNED, Status.DUPLICATE), statuses(inventory));
        assertEquals(1, inventory.plugins().size());
        // Listed where the search path found it, not at its real location, and not shadowed by itself.
        assertEquals(link.resolve("jig-x"), inventory.plugins().get(0).file().path());
        assertEquals(List.of(), inventory.plugins().get(0).problems());
        assertTrue(Files.isSameFile(file, inventory.plugins().get(0).file().path()));
    }

    @Test
    void missingDirectoriesAndFilesAreMissing() throws IOException {
        Path notADir = Files.writeString(tmp.resolve("file"), "");
        executable(first, "jig-x");
        Inventory inventory = scan(tmp.resolve("nope"), notADir, first, tmp.resolve("gone"));
        assertEquals(List.of(Status.MISSING, Status.MISSING, Status.SCANNED, Status.MISSING), statuses(inventory));
        assertEquals(tmp.resolve("nope"), inventory.searchPath().get(0).dir().directory());
        assertEquals(1, inventory.plugins().size());
    }

    @Test
    void aDanglingSymlinkedDirectoryIsMissing() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("link"), tmp.resolve("gone"));
        assertEquals(List.of(Status.MISSING), statuses(scan(link)));
    }

    @Test
    void pluginsAreInSearchOrderThenByName() {
        executable(first, "jig-b");
        executable(first, "jig-a_z");
        executable(first, "jig-a");
        executable(first, "jig-a-z");
        executable(second, "jig-0");
        executable(second, "jig-a");
        Inventory inventory = scan(first, second);
        assertEquals(List.of("a", "a-z", "a_z", "b", "0", "a"),
                inventory.plugins().stream().map(p -> p.file().name()).toList());
        assertEquals(List.of(first, first, first, first, second, second),
                inventory.plugins().stream().map(p -> p.file().dir().directory()).toList());
    }

    @Test
    void otherFilesAreIgnored() throws IOException {
        executable(first, "jig-ok");
        executable(first, "jig-");
        executable(first, "jig-.hidden");
        executable(first, "jig-a~");
        executable(first, "jig-a--b");
        executable(first, "other");
        executable(first, "jigsaw");
        Files.createDirectories(first.resolve("jig-dir"));
        Inventory inventory = scan(first);
        assertEquals(List.of("ok"), inventory.plugins().stream().map(p -> p.file().name()).toList());
    }

    @Test
    void listedFilesCarryTheirCommand() {
        executable(first, "jig-foo_bar-baz");
        PluginFile file = scan(first).plugins().get(0).file();
        assertEquals(CommandPath.of("foo-bar", "baz"), file.command());
        assertEquals("foo_bar-baz", file.name());
        assertEquals(new PluginDir(first, Origin.PATH), file.dir());
    }

    @Test
    void anEmptySearchPathFindsNothing() {
        Inventory inventory = scan();
        assertEquals(List.of(), inventory.searchPath());
        assertEquals(List.of(), inventory.plugins());
    }
}
