package dev.jig.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.protocol.codec.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginConfigTests {

    private static final String TEXT = "{\"core\":{\"hook_timeout_ms\":2000},\"plugins\":{\"wordcount\":{\"top\":3}}}";

    @TempDir
    Path dir;

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void pluginIsTheOwnNamespace() throws Exception {
        PluginConfig config = PluginConfig.of(json(TEXT), "wordcount");
        assertEquals(3, config.plugin().path("top").asInt());
        assertEquals(2000, config.core().path("hook_timeout_ms").asInt());
        assertEquals(json(TEXT), config.tree());
        assertFalse(config.isEmpty());
    }

    @Test
    void withoutANameThePluginIsTheOneNamespaceSent() throws Exception {
        assertEquals(3, PluginConfig.of(json(TEXT), null).plugin().path("top").asInt());
        assertTrue(PluginConfig.of(json("{\"plugins\":{\"a\":{},\"b\":{\"x\":1}}}"), null).plugin().isEmpty());
    }

    @Test
    void missingPartsAreEmptyObjects() throws Exception {
        PluginConfig config = PluginConfig.of(json("{\"plugins\":{\"other\":{\"top\":1}}}"), "wordcount");
        assertTrue(config.plugin().isEmpty());
        assertTrue(config.core().isEmpty());
        assertEquals(10, config.plugin().path("top").asInt(10));
        assertTrue(PluginConfig.of(null, "x").isEmpty());
        assertTrue(PluginConfig.of(json("null"), "x").plugin().isEmpty());
        assertTrue(PluginConfig.of(json("{\"plugins\":{\"x\":[1]}}"), "x").plugin().isEmpty());
    }

    @Test
    void aTreeThatIsNotAnObjectIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> PluginConfig.of(json("[1]"), "x"));
    }

    @Test
    void treesAreCopies() throws Exception {
        JsonNode tree = json(TEXT);
        PluginConfig config = PluginConfig.of(tree, "wordcount");
        config.plugin().put("top", 99);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("plugins").get("wordcount")).put("top", 98);
        assertEquals(3, config.plugin().path("top").asInt());
    }

    @Test
    void readsAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("config.json"), TEXT);
        assertEquals(PluginConfig.of(json(TEXT), "wordcount"), PluginConfig.read(file, "wordcount"));
    }

    @Test
    void aMissingFileIsAnExceptionNamingIt() {
        Path file = dir.resolve("gone.json");
        ConfigException e = assertThrows(ConfigException.class, () -> PluginConfig.read(file, "x"));
        assertEquals("cannot read the configuration file " + file + ": no such file", e.getMessage());
    }

    @Test
    void aMalformedFileIsAnExceptionNamingIt() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"core\":");
        ConfigException e = assertThrows(ConfigException.class, () -> PluginConfig.read(broken, "x"));
        assertTrue(e.getMessage().startsWith("cannot read the configuration file " + broken + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());

        Path array = Files.writeString(dir.resolve("array.json"), "[]");
        e = assertThrows(ConfigException.class, () -> PluginConfig.read(array, "x"));
        assertEquals("the configuration file " + array + " does not hold a JSON object", e.getMessage());

        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        assertThrows(ConfigException.class, () -> PluginConfig.read(empty, "x"));
    }
}
