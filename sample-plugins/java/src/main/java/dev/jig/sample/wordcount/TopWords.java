package dev.jig.sample.wordcount;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code top N}: the N most frequent words of all inputs, most frequent first, ties alphabetical. */
final class TopWords {

    /** Letters and digits, with inner apostrophes: {@code don't} is one word. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['\u2019][\\p{L}\\p{N}]+)*");

    private final int n;

    TopWords(int n) {
        this.n = n;
    }

    int run(Inputs inputs, PrintStream out) throws IOException {
        Map<String, Long> frequencies = new HashMap<>();
        boolean all = inputs.forEach((name, in) -> {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                Matcher words = WORD.matcher(line);
                while (words.find()) {
                    frequencies.merge(words.group().toLowerCase(Locale.ROOT), 1L, Long::sum);
                }
            }
        });
        List<Map.Entry<String, Long>> top = frequencies.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .toList();
        int width = top.stream().mapToInt(e -> Long.toString(e.getValue()).length()).max().orElse(1);
        top.forEach(e -> out.println(String.format("%" + width + "d %s", e.getValue(), e.getKey())));
        return all ? 0 : 1;
    }
}
