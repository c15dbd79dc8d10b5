package dev.jig.host.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7386 appendix A, every example, plus the inputs staying as they were. */
class MergePatchTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"a":"b"}                 | {"a":"c"}                   | {"a":"c"}
            {"a":"b"}                 | {"b":"c"}                   | {"a":"b","b":"c"}
            {"a":"b"}                 | {"a":null}                  | {}
            {"a":"b","b":"c"}         | {"a":null}                  | {"b":"c"}
            {"a":["b"]}               | {"a":"c"}                   | {"a":"c"}
            {"a":"c"}                 | {"a":["b"]}                 | {"a":["b"]}
            {"a":{"b":"c"}}           | {"a":{"b":"d","c":null}}    | {"a":{"b":"d"}}
            {"a":[{"b":"c"}]}         | {"a":[1]}                   | {"a":[1]}
            ["a","b"]                 | ["c","d"]                   | ["c","d"]
            {"a":"b"}                 | ["c"]                       | ["c"]
            {"a":"foo"}               | null                        | null
            {"a":"foo"}               | "bar"                       | "bar"
            {"e":null}                | {"a":1}                     | {"e":null,"a":1}
            [1,2]                     | {"a":"b","c":null}          | {"a":"b"}
            {}                        | {"a":{"bb":{"ccc":null}}}   | {"a":{"bb":{}}}
            """)
    void rfc7386AppendixA(String original, String patch, String result) throws Exception {
        JsonNode target = JSON.readTree(original);
        JsonNode patchNode = JSON.readTree(patch);
        assertEquals(JSON.readTree(result), MergePatch.apply(target, patchNode));
        assertEquals(JSON.readTree(original), target, "the target is not changed");
        assertEquals(JSON.readTree(patch), patchNode, "the patch is not changed");
    }

    @Test
    void noTargetIsLikeAnEmptyOne() throws Exception {
        assertEquals(JSON.readTree("{\"a\":{\"b\":1}}"), MergePatch.apply(null, JSON.readTree("{\"a\":{\"b\":1,\"c\":null}}")));
    }
}
