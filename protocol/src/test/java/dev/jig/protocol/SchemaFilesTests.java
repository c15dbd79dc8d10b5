package dev.jig.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.protocol.codec.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The schema files are valid draft 2020-12 schemas that say what the spec says. */
class SchemaFilesTests {

    static List<String> schemaFiles() {
        return Schemas.fileNames();
    }

    @Test
    void theExpectedSchemasExist() {
        assertTrue(schemaFiles().containsAll(List.of("message.schema.json", "initialize-params.schema.json",
                "initialize-result.schema.json", "plugin-metadata.schema.json", "log-params.schema.json",
                "manifest.schema.json", "initialize-request.schema.json", "initialize-response.schema.json",
                "log-notification.schema.json", "error-response.schema.json", "hook-request.schema.json",
                "hook-params.schema.json", "hook-response.schema.json", "hook-result.schema.json")), schemaFiles().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFiles")
    void isValidJsonAndAValidSchema(String file) throws Exception {
        String text = Files.readString(Schemas.directory().resolve(file), StandardCharsets.UTF_8);
        JsonNode schema = Json.mapper().readTree(text);
        assertEquals(Schemas.DIALECT, schema.path("$schema").asText(), file + " declares its dialect");
        assertTrue(schema.hasNonNull("title") && schema.hasNonNull("description"), file + " has a title and a description");
        assertEquals(List.of(), Schemas.metaSchemaProblems(text), file + " against the meta-schema");
    }

    @Test
    void theMetaSchemaCheckCatchesABrokenSchema() {
        assertFalse(Schemas.metaSchemaProblems("{\"type\":5,\"required\":\"name\"}").isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFiles")
    void neverForbidsUnknownFields(String file) throws Exception {
        JsonNode schema = Json.mapper().readTree(Schemas.directory().resolve(file).toFile());
        List<String> closed = new ArrayList<>();
        findClosedObjects(schema, "#", closed);
        assertEquals(List.of(), closed, file + ": additionalProperties/unevaluatedProperties false breaks forward compatibility");
    }

    private static void findClosedObjects(JsonNode node, String path, List<String> closed) {
        if (node.isObject()) {
            for (String keyword : List.of("additionalProperties", "unevaluatedProperties")) {
                if (node.path(keyword).isBoolean() && !node.path(keyword).booleanValue()) {
                    closed.add(path + "/" + keyword);
                }
            }
            node.properties().forEach(field -> findClosedObjects(field.getValue(), path + "/" + field.getKey(), closed));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findClosedObjects(node.get(i), path + "/" + i, closed);
            }
        }
    }

    static Stream<Arguments> instances() {
        String metadata = "plugin-metadata.schema.json";
        String message = "message.schema.json";
        String hookParams = "hook-params.schema.json";
        String hookResult = "hook-result.schema.json";
        String config = "{\"core\":{\"hook_timeout_ms\":5000},\"plugins\":{\"greet\":{\"lang\":\"fr\"}}}";
        return Stream.of(
                // metadata: name
                Arguments.of(metadata, "{\"name\":\"greet\",\"version\":\"1.0.0\"}", true),
                Arguments.of(metadata, "{\"name\":\"Foo_bar.v2-x\",\"version\":\"1.0.0\"}", true),
                Arguments.of(metadata, "{\"name\":\"-greet\",\"version\":\"1.0.0\"}", false),
                Arguments.of(metadata, "{\"name\":\"gr eet\",\"version\":\"1.0.0\"}", false),
                Arguments.of(metadata, "{\"name\":\"\",\"version\":\"1.0.0\"}", false),
                Arguments.of(metadata, "{\"name\":\"a/b\",\"version\":\"1.0.0\"}", false),
                Arguments.of(metadata, "{\"version\":\"1.0.0\"}", false),
                // metadata: version
                Arguments.of(metadata, "{\"name\":\"x\",\"version\":\"0.0.0\"}", true),
                Arguments.of(metadata, "{\"name\":\"x\",\"version\":\"1.0.0-beta.1+build.5\"}", true),
                Arguments.of(metadata, "{\"name\":\"x\",\"version\":\"1.0.0-alpha-a.b-c-somethinglong+build.1-aef.1-its-okay\"}", true),
                Arguments.of(metadata, "{\"name\":\"x\",\"version\":\"1.2\"}", false),
                Arguments.of(metadata, "{\"name\":\"x\",\"version\":\"v1.2.3\"}", false),
                Arguments.of(metadata, "{\"name\":\"x\",\"version\":\"01.2.3\"}", false),
                Arguments.of(metadata, "{\"name\":\"x\",\"version\":\"1.2.3-01\"}", false),
                Arguments.of(metadata, "{\"name\":\"x\",\"version\":\"1.2.3+\"}", false),
                Arguments.of(metadata, "{\"name\":\"x\"}", false),
                // metadata: unknown fields are allowed, known ones typed
                Arguments.of(metadata, "{\"name\":\"x\",\"version\":\"1.0.0\",\"future\":{\"a\":1}}", true),
                Arguments.of(metadata, "{\"name\":\"x\",\"version\":\"1.0.0\",\"flags\":[{\"name\":\"--a\",\"later\":1}]}", true),
                Arguments.of(metadata, "{\"name\":\"x\",\"version\":\"1.0.0\",\"flags\":[{\"summary\":\"no name\"}]}", false),
                Arguments.of(metadata, "{\"name\":\"x\",\"version\":\"1.0.0\",\"flags\":[{\"name\":\"--a\",\"short\":\"-ab\"}]}", false),
                Arguments.of(metadata, "{\"name\":\"x\",\"version\":\"1.0.0\",\"commands\":[{\"name\":\"a\",\"subcommands\":[{\"name\":\"b c\"}]}]}", false),
                Arguments.of(metadata, "{\"name\":\"x\",\"version\":\"1.0.0\",\"requires\":{\"protocol\":[]}}", false),
                Arguments.of(metadata, "{\"name\":\"x\",\"version\":\"1.0.0\",\"requires\":{\"plugins\":{\"auth\":1}}}", false),
                Arguments.of(metadata, "{\"name\":\"x\",\"version\":\"1.0.0\",\"config\":{\"defaults\":[]}}", false),
                Arguments.of(metadata, "{\"name\":\"x\",\"version\":\"1.0.0\",\"config\":{\"schema\":true}}", true),
                Arguments.of(metadata, "{\"name\":\"x\",\"version\":\"1.0.0\",\"hooks\":[\"prerun\",\"prerun\"]}", false),
                Arguments.of(metadata, "{\"name\":\"x\",\"version\":\"1.0.0\",\"hooks\":[\"config\",\"prerun\",\"postrun\",\"command_not_found\"]}", true),
                Arguments.of(metadata, "{\"name\":\"x\",\"version\":\"1.0.0\",\"hooks\":[\"preRun\"]}", false),
                Arguments.of(metadata, "{\"name\":\"x\",\"version\":\"1.0.0\",\"hooks\":[\"\"]}", false),
                // parts of the metadata, by fragment
                Arguments.of(metadata + "#/$defs/flag", "{\"name\":\"--lang\",\"short\":\"-l\",\"value\":\"LANG\"}", true),
                Arguments.of(metadata + "#/$defs/flag", "{\"name\":\"lang\"}", false),
                Arguments.of(metadata + "#/$defs/command", "{\"name\":\"list\",\"subcommands\":[{\"name\":\"all\"}]}", true),
                Arguments.of(metadata + "#/$defs/command", "{\"summary\":\"no name\"}", false),
                // messages
                Arguments.of(message, "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"m\"}", true),
                Arguments.of(message, "{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"extra\":true}", true),
                Arguments.of(message, "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"m\"}}", true),
                Arguments.of(message, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":null}", true),
                Arguments.of(message, "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"m\"}", false),
                Arguments.of(message, "{\"jsonrpc\":2.0,\"id\":1,\"method\":\"m\"}", false),
                Arguments.of(message, "{\"id\":1,\"method\":\"m\"}", false),
                Arguments.of(message, "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"m\"}", false),
                Arguments.of(message, "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"m\"}", false),
                Arguments.of(message, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\",\"params\":[1]}", false),
                Arguments.of(message, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\"}", false),
                Arguments.of(message, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":1,\"error\":{\"code\":1,\"message\":\"m\"}}", false),
                Arguments.of(message, "{\"jsonrpc\":\"2.0\",\"id\":1}", false),
                Arguments.of(message, "{\"jsonrpc\":\"2.0\",\"result\":1}", false),
                Arguments.of(message, "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":\"x\",\"message\":\"m\"}}", false),
                Arguments.of(message, "[{\"jsonrpc\":\"2.0\",\"method\":\"m\"}]", false),
                // method messages
                Arguments.of("initialize-request.schema.json",
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersions\":[],\"cli\":{\"name\":\"jig\",\"version\":\"1.0.0\"}}}", false),
                Arguments.of("initialize-request.schema.json",
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}", false),
                Arguments.of("initialize-request.schema.json",
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"hook\",\"params\":{\"protocolVersions\":[1],\"cli\":{\"name\":\"jig\",\"version\":\"1.0.0\"}}}", false),
                Arguments.of("initialize-response.schema.json",
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"protocolVersion\":1,\"plugin\":{\"name\":\"x\"}}}", false),
                Arguments.of("log-notification.schema.json",
                        "{\"jsonrpc\":\"2.0\",\"method\":\"log\",\"params\":{\"level\":\"trace\",\"message\":\"m\"}}", false),
                Arguments.of("log-notification.schema.json",
                        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"log\",\"params\":{\"level\":\"info\",\"message\":\"m\"}}", false),
                Arguments.of("error-response.schema.json",
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,\"message\":\"no common version\"}}", false),
                Arguments.of("error-response.schema.json",
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,\"message\":\"method not found\"}}", true),
                // hook params
                Arguments.of(hookParams, "{\"event\":\"config\",\"cwd\":\"/srv\",\"config\":" + config + "}", true),
                Arguments.of(hookParams, "{\"event\":\"config\",\"cwd\":\"/srv\"}", false),
                Arguments.of(hookParams, "{\"event\":\"config\",\"config\":" + config + "}", false),
                Arguments.of(hookParams, "{\"event\":\"start\",\"cwd\":\"/srv\",\"config\":" + config + "}", false),
                Arguments.of(hookParams, "{\"cwd\":\"/srv\",\"config\":" + config + "}", false),
                Arguments.of(hookParams, "{\"event\":\"prerun\",\"command\":[\"plugins\"],\"args\":[],\"cwd\":\"/srv\",\"config\":" + config + "}", true),
                Arguments.of(hookParams, "{\"event\":\"prerun\",\"args\":[],\"cwd\":\"/srv\",\"config\":" + config + "}", false),
                Arguments.of(hookParams, "{\"event\":\"prerun\",\"command\":[],\"args\":[],\"cwd\":\"/srv\",\"config\":" + config + "}", false),
                Arguments.of(hookParams, "{\"event\":\"postrun\",\"command\":[\"a\"],\"args\":[],\"cwd\":\"/srv\",\"ran\":false,\"exitCode\":3,\"durationMs\":0,\"config\":" + config + "}", true),
                Arguments.of(hookParams, "{\"event\":\"postrun\",\"command\":[\"a\"],\"args\":[],\"cwd\":\"/srv\",\"config\":" + config + "}", false),
                Arguments.of(hookParams, "{\"event\":\"postrun\",\"command\":[\"a\"],\"args\":[],\"cwd\":\"/srv\",\"ran\":true,\"exitCode\":256,\"durationMs\":1,\"config\":" + config + "}", false),
                Arguments.of(hookParams, "{\"event\":\"command_not_found\",\"words\":[\"x\"],\"cwd\":\"/srv\",\"config\":" + config + "}", true),
                Arguments.of(hookParams, "{\"event\":\"command_not_found\",\"cwd\":\"/srv\",\"config\":" + config + "}", false),
                Arguments.of(hookParams, "{\"event\":\"config\",\"cwd\":\"/srv\",\"config\":{\"core\":{},\"plugins\":{\"a\":{},\"b\":{}}}}", false),
                Arguments.of(hookParams, "{\"event\":\"config\",\"cwd\":\"/srv\",\"config\":{\"core\":{},\"plugins\":{\"a\":1}}}", false),
                Arguments.of(hookParams, "{\"event\":\"config\",\"cwd\":\"/srv\",\"config\":{\"plugins\":{}}}", false),
                Arguments.of(hookParams, "{\"event\":\"config\",\"cwd\":\"/srv\",\"config\":{\"core\":{\"hook_timeout_ms\":0},\"plugins\":{}}}", false),
                // hook results
                Arguments.of(hookResult, "{}", true),
                Arguments.of(hookResult, "{\"action\":\"continue\"}", true),
                Arguments.of(hookResult, "{\"action\":\"continue\",\"env\":{\"_A1\":\"x\",\"NAME\":\"\"}}", true),
                Arguments.of(hookResult, "{\"action\":\"continue\",\"env\":{\"1A\":\"x\"}}", false),
                Arguments.of(hookResult, "{\"action\":\"continue\",\"env\":{\"A-B\":\"x\"}}", false),
                Arguments.of(hookResult, "{\"action\":\"continue\",\"env\":{\"JIG_PLUGIN_NAME\":\"x\"}}", false),
                Arguments.of(hookResult, "{\"action\":\"continue\",\"env\":{\"A\":1}}", false),
                Arguments.of(hookResult, "{\"action\":\"abort\",\"message\":\"no\"}", true),
                Arguments.of(hookResult, "{\"action\":\"abort\",\"message\":\"no\",\"exitCode\":255}", true),
                Arguments.of(hookResult, "{\"action\":\"abort\"}", false),
                Arguments.of(hookResult, "{\"action\":\"abort\",\"message\":\"\"}", false),
                Arguments.of(hookResult, "{\"action\":\"abort\",\"message\":\"two\\nlines\"}", false),
                Arguments.of(hookResult, "{\"action\":\"abort\",\"message\":\"no\",\"exitCode\":0}", false),
                Arguments.of(hookResult, "{\"action\":\"abort\",\"message\":\"no\",\"exitCode\":256}", false),
                Arguments.of(hookResult, "{\"action\":\"stop\",\"message\":\"no\"}", false),
                Arguments.of(hookResult, "{\"suggestions\":[\"deploy\"]}", true),
                Arguments.of(hookResult, "{\"suggestions\":[\"a\\nb\"]}", false),
                Arguments.of(hookResult, "{\"patch\":{\"plugins\":{\"greet\":{\"lang\":null}}}}", true),
                Arguments.of(hookResult, "{\"patch\":{\"core\":{\"hook_timeout_ms\":1}}}", false),
                Arguments.of(hookResult, "{\"patch\":{\"plugins\":{\"a\":{},\"b\":{}}}}", false),
                Arguments.of(hookResult, "{\"patch\":null}", false),
                Arguments.of("hook-request.schema.json",
                        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"hook\",\"params\":{\"event\":\"config\",\"cwd\":\"/\",\"config\":" + config + "}}", true),
                Arguments.of("hook-request.schema.json",
                        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"hook\"}", false),
                Arguments.of("hook-request.schema.json",
                        "{\"jsonrpc\":\"2.0\",\"method\":\"hook\",\"params\":{\"event\":\"config\",\"cwd\":\"/\",\"config\":" + config + "}}", false),
                Arguments.of("hook-response.schema.json", "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{}}", true),
                Arguments.of("hook-response.schema.json", "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"action\":\"abort\"}}", false),
                Arguments.of("hook-response.schema.json", "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":[]}", false),
                Arguments.of("initialize-params.schema.json",
                        "{\"protocolVersions\":[1],\"cli\":{\"name\":\"jig\",\"version\":\"1.0.0\"},\"config\":" + config + "}", true),
                Arguments.of("initialize-params.schema.json",
                        "{\"protocolVersions\":[1],\"cli\":{\"name\":\"jig\",\"version\":\"1.0.0\"},\"config\":[]}", false),
                // manifests
                Arguments.of("manifest.schema.json", "{\"name\":\"x\",\"version\":\"1.0.0\"}", false),
                Arguments.of("manifest.schema.json", "{\"name\":\"x\",\"version\":\"1.0.0\",\"run\":[]}", false),
                Arguments.of("manifest.schema.json", "{\"name\":\"x\",\"version\":\"1.0.0\",\"run\":[\"\"]}", false),
                Arguments.of("manifest.schema.json", "{\"name\":\"x\",\"version\":\"1.0.0\",\"run\":\"bin/x\"}", false),
                Arguments.of("manifest.schema.json", "{\"name\":\"x\",\"version\":\"1.0.0\",\"run\":[\"bin/x\",\"\"]}", true),
                Arguments.of("manifest.schema.json", "{\"version\":\"1.0.0\",\"run\":[\"bin/x\"]}", false),
                Arguments.of("package-json.schema.json", "{\"version\":\"1.0.0\",\"jig\":{\"run\":[\"node\",\"i.js\"]}}", true),
                Arguments.of("package-json.schema.json", "{\"jig\":{\"run\":[\"node\",\"i.js\"]}}", false),
                Arguments.of("package-json.schema.json", "{\"version\":\"latest\",\"jig\":{\"run\":[\"node\"]}}", false),
                Arguments.of("package-json.schema.json", "{\"version\":\"latest\",\"jig\":{\"version\":\"1.0.0\",\"run\":[\"node\"]}}", true),
                Arguments.of("package-json.schema.json", "{\"version\":\"1.0.0\",\"jig\":{\"name\":\"-x\",\"run\":[\"node\"]}}", false),
                Arguments.of("package-json.schema.json", "{\"version\":\"1.0.0\",\"jig\":{}}", false));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("instances")
    void acceptsWhatTheSpecAllowsAndNothingElse(String schema, String json, boolean valid) {
        List<String> problems = Schemas.problems(json, schema);
        if (valid) {
            assertEquals(List.of(), problems);
        } else {
            assertFalse(problems.isEmpty(), "expected " + json + " to fail " + schema);
        }
    }
}
