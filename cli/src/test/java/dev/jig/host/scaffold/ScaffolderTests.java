package dev.jig.host.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.host.CliIdentity;
import dev.jig.host.HostSettings;
import dev.jig.protocol.Protocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Templates filled in for a CLI that is not jig, and the refusals that write nothing. */
class ScaffolderTests {

    private static final Pattern PLACEHOLDER = Pattern.compile("@[a-z]+@");

    @TempDir
    Path root;

    private Scaffolder acme() {
        return new Scaffolder(new HostSettings(new CliIdentity("acme", "2.0.0", Optional.empty()), Set.of("help", "plugins"),
                Map.of("XDG_CONFIG_HOME", root.resolve("config").toString()), root, Optional.empty()));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyTemplateIsFilledInWithTheHostsNames(Language language) throws IOException {
        Scaffold made = acme().create("demo", language, root.resolve("out"), false);

        assertEquals(root.resolve("out").resolve(language.directory() ? "demo" : "acme-demo"), made.path());
        assertEquals("demo", made.command());
        assertEquals(List.of(made.path().getFileName().toString()), names(root.resolve("out")), "no temporary left behind");
        for (Path file : files(made.path())) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertFalse(PLACEHOLDER.matcher(text).find(), () -> file + " keeps a placeholder:\n" + text);
            assertFalse(text.replace(Protocol.ARGUMENT, "").contains("jig"), () -> file + " names jig:\n" + text);
        }
        if (language.directory()) {
            assertTrue(Files.readString(made.path().resolve("plugin.json")).contains("\"run\": ["));
            assertTrue(Files.readString(made.path().resolve("README.md")).contains("ACME_PLUGIN_PATH"));
        } else {
            assertTrue(Files.isExecutable(made.path()));
        }
    }

    @Test
    void goesToTheUserPluginDirectoryOfTheHost() {
        assertEquals(Optional.of(root.resolve("config/acme/plugins")), acme().userPluginDirectory());
    }

    @Test
    void commandWordsFollowTheFileNameRule() {
        assertEquals("foo-bar baz", acme().command("foo_bar-baz").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-x", "a b", "a/b", "a--b", ".x", "x.sig", "naïve", "help", "plugins-x"})
    void refusesNamesThatCannotBePluginsOrAreHiddenByBuiltins(String name) {
        assertThrows(IllegalArgumentException.class, () -> acme().create(name, Language.PYTHON, root.resolve("out"), false));
        assertFalse(Files.exists(root.resolve("out")), "nothing written");
    }

    @Test
    void refusesAnExistingPluginUnlessAskedToReplaceIt() throws IOException {
        Path out = root.resolve("out");
        Path existing = Files.createDirectories(out.resolve("demo"));
        Files.writeString(existing.resolve("mine"), "keep");

        assertThrows(FileAlreadyExistsException.class, () -> acme().create("demo", Language.RUST, out, false));
        assertEquals(List.of("mine"), names(existing));
        assertEquals(List.of("demo"), names(out), "no temporary left behind");

        acme().create("demo", Language.RUST, out, true);
        assertTrue(Files.exists(existing.resolve("Cargo.toml")));
        assertFalse(Files.exists(existing.resolve("mine")));
        assertEquals(List.of("demo"), names(out), "the replaced plugin is gone");
    }

    @Test
    void theHookVariableIsAValidNameOutsideTheHostsPrefix() {
        assertEquals("_ACME_X_1_PRERUN", Scaffolder.hookVariable("acme-x.1"));
        assertEquals("_9LIVES_PRERUN", Scaffolder.hookVariable("9lives"));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<Path> files(Path plugin) throws IOException {
        try (Stream<Path> files = Files.walk(plugin)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
