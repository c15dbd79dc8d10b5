package dev.jig.protocol.metadata;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A flag a command accepts, for help and completion.
 *
 * @param name      the long form, e.g. {@code --lang}
 * @param shortName the short form (JSON {@code short}), e.g. {@code -l}, or null
 * @param value   the placeholder of its value, e.g. {@code LANG}; null for a switch
 * @param summary one line
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FlagSpec(String name, @JsonProperty("short") String shortName,
                       String value, String summary) {
}
