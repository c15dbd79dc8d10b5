package dev.jig.host.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWriterTests {

    @TempDir
    Path root;

    @Test
    void keepsOtherKeysAndCreatesDirectoriesWithAPrivateUserFile() throws Exception {
        Path file = root.resolve("new/dir/config.toml");
        ConfigWriter writer = new ConfigWriter(file, Scope.USER, "acme");
        writer.update(current -> Optional.of((com.fasterxml.jackson.databind.node.ObjectNode)
                MergePatch.apply(current, ConfigKey.of("plugins", "a", "x").patch(TextNode.valueOf("1")))));
        writer.update(current -> Optional.of((com.fasterxml.jackson.databind.node.ObjectNode)
                MergePatch.apply(current, ConfigKey.of("plugins", "b", "y").patch(TextNode.valueOf("2")))));
        assertEquals("plugins.a.x = '1'\nplugins.b.y = '2'\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of("config.toml", "config.toml.lock"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void anExistingFileKeepsItsMode() throws Exception {
        Path file = root.resolve("config.toml");
        Files.writeString(file, "a = 1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        new ConfigWriter(file, Scope.USER, "acme").update(current -> Optional.of(current.put("b", 2)));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("a = 1\nb = 2\n", Files.readString(file));
    }

    @Test
    void aMalformedFileIsRefusedAndLeftUntouched() throws Exception {
        Path file = root.resolve("config.toml");
        byte[] before = "# mine\na = [1,\n".getBytes();
        Files.write(file, before);
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigWriter(file, Scope.PROJECT, "acme").update(current -> Optional.of(current.put("b", 2))));
        assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void anEmptyResultIsAnEmptyFile() throws Exception {
        Path file = root.resolve("config.toml");
        Files.writeString(file, "a = 1\n");
        new ConfigWriter(file, Scope.USER, "acme").update(current -> Optional.of(current.removeAll()));
        assertEquals("", Files.readString(file));
    }

    @Test
    void nothingToChangeWritesNothing() throws Exception {
        Path file = root.resolve("config.toml");
        assertFalse(new ConfigWriter(file, Scope.SYSTEM, "acme").update(current -> Optional.empty()));
        assertFalse(Files.exists(file));
    }
}
