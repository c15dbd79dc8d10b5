package dev.jig.protocol.method;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A plugin's candidates; the host keeps those that start with the word being completed.
 *
 * @param candidates the words to offer, in order
 * @param files      whether the shell should complete file names when no candidate fits
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record CompleteResult(List<Candidate> candidates, boolean files) {
    public CompleteResult {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /**
     * One word to offer.
     *
     * @param value       the word
     * @param description one line shown beside it, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Candidate(String value, String description) {
    }
}
