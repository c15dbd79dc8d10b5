package dev.jig.host.discovery;

import static dev.jig.host.discovery.PluginFixtures.executable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directory plugins: {@code <dir>/<name>/plugin.json} or {@code package.json}, in plugin directories only. */
class DirectoryPluginTests {

    @TempDir
    Path tmp;

    private PluginDir user;
    private PluginDir local;
    private PluginDir path;

    @BeforeEach
    void dirs() {
        user = new PluginDir(tmp.resolve("user"), Origin.USER);
        local = new PluginDir(tmp.resolve("local"), Origin.LOCAL);
        path = new PluginDir(tmp.resolve("bin"), Origin.PATH);
    }

    /** Writes {@code dir/name/file} with mode 0644, as manifests are. */
    private static Path manifest(PluginDir dir, String name, String file) throws IOException {
        Path home = Files.createDirectories(dir.directory().resolve(name));
        return Files.writeString(home.resolve(file), file.equals("package.json") ? "{\"jig\": {}}" : "{}");
    }

    private static PluginResolver resolver(PluginDir... dirs) {
        return new PluginResolver("jig-", Set.of("help", "plugins"), new SearchPath(List.of(dirs)));
    }

    private static Inventory scan(PluginDir... dirs) {
        return Inventory.scan("jig-", Set.of("help", "plugins"), new SearchPath(List.of(dirs)));
    }

    @Test
    void manifestInFindsPluginJson() throws IOException {
        Path json = manifest(user, "greet", "plugin.json");
        assertEquals(json, PluginResolver.manifestIn(user, "greet", "jig-"));
    }

    @Test
    void manifestInFindsPackageJson() throws IOException {
        Path json = manifest(user, "greet", "package.json");
        assertEquals(json, PluginResolver.manifestIn(user, "greet", "jig-"));
    }

    @Test
    void pluginJsonComesBeforePackageJson() throws IOException {
        manifest(user, "greet", "package.json");
        Path json = manifest(user, "greet", "plugin.json");
        assertEquals(json, PluginResolver.manifestIn(user, "greet", "jig-"));
    }

    @Test
    void aManifestThatIsADirectoryIsNoManifest() throws IOException {
        Files.createDirectories(user.directory().resolve("greet/plugin.json"));
        assertNull(PluginResolver.manifestIn(user, "greet", "jig-"));
        Path json = manifest(user, "greet", "package.json");
        assertEquals(json, PluginResolver.manifestIn(user, "greet", "jig-"));
    }

    @Test
    void aPackageJsonWithoutTheCliKeyIsNoPlugin() throws IOException {
        Files.createDirectories(user.directory().resolve("greet"));
        Files.writeString(user.directory().resolve("greet/package.json"), "{\"name\": \"greet\", \"version\": \"1.0.0\"}");
        assertNull(PluginResolver.manifestIn(user, "greet", "jig-"));
        assertEquals(new Dispatch.Unknown("greet"), resolver(user).resolve(List.of("greet")));
        assertEquals(List.of(), scan(user).plugins());
    }

    @Test
    void aDirectoryWithoutAManifestIsNoPlugin() throws IOException {
        Files.createDirectories(user.directory().resolve("greet"));
        Files.writeString(user.directory().resolve("greet/README"), "hi");
        assertNull(PluginResolver.manifestIn(user, "greet", "jig-"));
        assertEquals(new Dispatch.Unknown("greet"), resolver(user).resolve(List.of("greet")));
        assertEquals(List.of(), scan(user).plugins());
    }

    @Test
    void pathEntriesHoldNoDirectoryPlugins() throws IOException {
        manifest(path, "greet", "plugin.json");

        assertNull(PluginResolver.manifestIn(path, "greet", "jig-"));
        assertEquals(new Dispatch.Unknown("greet"), resolver(path).resolve(List.of("greet")));
        assertEquals(List.of(), scan(path).plugins());
    }

    @Test
    void aDirectoryPluginResolvesToItsManifest() throws IOException {
        Path json = manifest(local, "greet", "plugin.json");

        Dispatch.Plugin plugin = assertInstanceOf(Dispatch.Plugin.class,
                resolver(local).resolve(List.of("greet", "world", "--loud")));

        assertEquals(new PluginFile(CommandPath.of("greet"), json, local, PluginFile.Form.MANIFEST), plugin.plugin());
        assertEquals(List.of("world", "--loud"), plugin.args());
        assertEquals(json.getParent(), plugin.plugin().home());
        assertEquals("greet", plugin.plugin().name());
    }

    @Test
    void anUnderscoreInTheDirectoryNameIsADashInTheCommand() throws IOException {
        Path json = manifest(user, "foo_bar", "plugin.json");

        Dispatch.Plugin plugin = assertInstanceOf(Dispatch.Plugin.class, resolver(user).resolve(List.of("foo-bar", "x")));

        assertEquals(json, plugin.plugin().path());
        assertEquals(CommandPath.of("foo-bar"), plugin.plugin().command());
        assertEquals("foo_bar", plugin.plugin().name());
        assertEquals(new Dispatch.Unknown("foo_bar"), resolver(user).resolve(List.of("foo_bar")));
    }

    @Test
    void aDashInTheDirectoryNameSeparatesWords() throws IOException {
        Path json = manifest(user, "cloud-vm", "plugin.json");

        Dispatch.Plugin plugin = assertInstanceOf(Dispatch.Plugin.class,
                resolver(user).resolve(List.of("cloud", "vm", "start")));

        assertEquals(json, plugin.plugin().path());
        assertEquals(CommandPath.of("cloud", "vm"), plugin.plugin().command());
        assertEquals(List.of("start"), plugin.args());
    }

    @Test
    void inOneDirectoryAnExecutableComesBeforeADirectory() throws IOException {
        Path file = executable(user.directory(), "jig-greet");
        Path json = manifest(user, "greet", "plugin.json");

        assertEquals(Optional.of(file), resolver(user).find(CommandPath.of("greet")).map(PluginFile::path));
        Inventory inventory = scan(user);
        assertEquals(List.of(file, json), inventory.plugins().stream().map(p -> p.file().path()).toList());
        assertEquals(List.of(), inventory.plugins().get(0).problems());
        assertEquals(List.of(new PluginProblem.Shadowed(file)), inventory.plugins().get(1).problems());
    }

    @Test
    void anEarlierDirectoryPluginBeatsALaterExecutable() throws IOException {
        Path json = manifest(user, "greet", "plugin.json");
        Path file = executable(local.directory(), "jig-greet");

        assertEquals(Optional.of(json), resolver(user, local).find(CommandPath.of("greet")).map(PluginFile::path));
        Inventory inventory = scan(user, local);
        assertEquals(List.of(), inventory.plugins().get(0).problems());
        assertEquals(List.of(new PluginProblem.Shadowed(json)), inventory.plugins().get(1).problems());
        assertEquals(file, inventory.plugins().get(1).file().path());
    }

    @Test
    void findMatchesExactlyOneName() throws IOException {
        Path json = manifest(user, "greet", "plugin.json");
        PluginResolver resolver = resolver(user);

        assertEquals(Optional.of(new PluginFile(CommandPath.of("greet"), json, user, PluginFile.Form.MANIFEST)),
                resolver.find(CommandPath.of("greet")));
        assertEquals(Optional.empty(), resolver.find(CommandPath.of("greet", "list")));
        assertEquals(Optional.empty(), resolver.find(CommandPath.of("gree")));
    }

    @Test
    void theInventoryListsDirectoryPluginsAsRunnableManifests() throws IOException {
        Path json = manifest(user, "greet", "package.json"); // mode 0644: a manifest needs no x bit

        Inventory inventory = scan(user);

        assertEquals(List.of(new ListedPlugin(new PluginFile(CommandPath.of("greet"), json, user,
                PluginFile.Form.MANIFEST), List.of())), inventory.plugins());
        assertEquals(1, inventory.runnable().size());
    }

    @Test
    void aDirectoryPluginNamedAfterABuiltinCollides() throws IOException {
        manifest(user, "help", "plugin.json");

        Inventory inventory = scan(user);

        assertEquals(List.of(new PluginProblem.CollidesWithBuiltin("help")), inventory.plugins().get(0).problems());
        assertInstanceOf(Dispatch.Builtin.class, resolver(user).resolve(List.of("help")));
    }
}
