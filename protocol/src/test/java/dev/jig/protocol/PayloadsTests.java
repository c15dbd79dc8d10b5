package dev.jig.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.protocol.codec.Json;
import dev.jig.protocol.method.CliInfo;
import dev.jig.protocol.method.InitializeParams;
import dev.jig.protocol.method.InitializeResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadsTests {

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void readsParamsIntoTheirRecord() throws Exception {
        assertEquals(new InitializeParams(List.of(1), new CliInfo("jig", "0.1.0")),
                Payloads.read(json("{\"protocolVersions\":[1],\"cli\":{\"name\":\"jig\",\"version\":\"0.1.0\"}}"),
                        InitializeParams.class));
    }

    @Test
    void aTreeThatDoesNotFitIsAnIllegalArgument() {
        assertThrows(IllegalArgumentException.class,
                () -> Payloads.read(json("{\"protocolVersions\":\"one\"}"), InitializeParams.class));
        assertThrows(IllegalArgumentException.class,
                () -> Payloads.read(json("{\"protocolVersions\":[null]}"), InitializeParams.class));
        assertThrows(IllegalArgumentException.class,
                () -> Payloads.read(json("{\"protocolVersion\":{},\"plugin\":{}}"), InitializeResult.class));
        assertThrows(IllegalArgumentException.class, () -> Payloads.read(json("[1]"), InitializeParams.class));
    }
}
