package dev.jig.host.complete;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The answer to one completion request: candidates, and whether the shell may offer file names
 * when none fits.
 *
 * @param candidates the words, in the order shown; only those starting with the word being
 *                   completed
 * @param files      whether the shell should fall back to completing file names
 */
public record Completion(List<Candidate> candidates, boolean files) {

    /** Cobra's directive bit for "do not complete file names"; the scripts test this bit. */
    static final int NO_FILES = 4;

    public Completion {
        candidates = List.copyOf(candidates);
    }

    /** Nothing to offer, and no file names either. */
    public static Completion none() {
        return new Completion(List.of(), false);
    }

    /**
     * The candidates of {@code all} that start with {@code prefix}, each value once (the first
     * one wins).
     */
    public static Completion matching(String prefix, List<Candidate> all, boolean files) {
        List<Candidate> matching = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Candidate candidate : all) {
            if (candidate.value().startsWith(prefix) && !candidate.value().isEmpty() && seen.add(candidate.value())) {
                matching.add(candidate);
            }
        }
        return new Completion(matching, files);
    }

    /**
     * Writes the answer as the scripts read it: one candidate a line, {@code value<TAB>description}
     * when there is a description, then {@code :<directive>}.
     */
    public void print(PrintWriter out) {
        for (Candidate candidate : candidates) {
            out.print(candidate.value());
            if (candidate.description() != null) {
                out.print('\t');
                out.print(candidate.description());
            }
            out.print('\n');
        }
        out.print(":" + (files ? 0 : NO_FILES) + "\n");
        out.flush();
    }
}
