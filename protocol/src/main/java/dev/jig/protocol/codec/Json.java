package dev.jig.protocol.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one place that configures Jackson for the protocol. Building a mapper is expensive, so the
 * default one is made once, on first use.
 */
public final class Json {

    private Json() {
    }

    /** The mapper for {@link Limits#DEFAULT}. */
    public static ObjectMapper mapper() {
        return Default.MAPPER;
    }

    /**
     * A mapper that enforces {@code limits}: unknown fields ignored (forward compatibility),
     * trailing tokens rejected ({@code {} {}} is one error, not a silently dropped second
     * message), and streams never closed by Jackson.
     */
    public static ObjectMapper mapper(Limits limits) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxNameLength(limits.maxStringLength())
                        .maxDocumentLength(limits.maxLineBytes())
                        .maxNumberLength(1000)
                        .build())
                .build();
        return new ObjectMapper(factory)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
                .configure(JsonParser.Feature.AUTO_CLOSE_SOURCE, false)
                .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false)
                .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
                .setDefaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS));
    }

    private static final class Default {
        static final ObjectMapper MAPPER = mapper(Limits.DEFAULT);
    }
}
