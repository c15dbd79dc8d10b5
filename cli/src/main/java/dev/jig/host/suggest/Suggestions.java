package dev.jig.host.suggest;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The known command names closest to a mistyped one.
 *
 * <p>Distance is optimal string alignment (Levenshtein plus adjacent transpositions, so
 * {@code staus} is one edit from {@code status}). A name is close when its distance is at most a
 * third of the typed word's length (at least 1, at most 3), or when it starts with the typed word.
 */
public final class Suggestions {

    private Suggestions() {
    }

    /** The closest names, best first, ties by name; empty when nothing is close. */
    public static List<String> closest(String typed, Collection<String> known) {
        String word = typed.toLowerCase(Locale.ROOT);
        if (word.isBlank()) {
            return List.of();
        }
        int limit = Math.max(1, Math.min(3, word.length() / 3));
        List<Scored> close = known.stream().distinct()
                .map(name -> new Scored(name, distance(word, name.toLowerCase(Locale.ROOT))))
                .filter(s -> s.distance <= limit || (word.length() >= 2 && s.name.toLowerCase(Locale.ROOT).startsWith(word)))
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                .toList();
        if (close.isEmpty()) {
            return List.of();
        }
        int best = close.get(0).distance;
        return close.stream().filter(s -> s.distance == best).map(Scored::name).toList();
    }

    /** Optimal string alignment distance. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private record Scored(String name, int distance) {
    }
}
