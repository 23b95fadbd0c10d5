package io.eventflux.sql.internal;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** "did you mean ...?" hints: the nearest valid name by Damerau-Levenshtein distance, ignoring case. */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * A hint for an unknown name: "did you mean 'price'?" when a candidate is close, otherwise the list of
     * what is available ("available: a, b"), or null when there is nothing to offer.
     */
    public static String hint(String unknown, Collection<String> candidates) {
        String nearest = nearest(unknown, candidates);
        if (nearest != null) {
            return "did you mean '" + nearest + "'?";
        }
        if (candidates.isEmpty()) {
            return null;
        }
        List<String> sorted = candidates.stream().distinct().sorted(String.CASE_INSENSITIVE_ORDER).toList();
        return "available: " + String.join(", ", sorted);
    }

    /**
     * A hint for an unknown name among a short list: the nearest candidate, if any, and always what is
     * available ("did you mean 'length'? available: length, time"), or null when there is nothing.
     */
    public static String hintWithAvailable(String unknown, Collection<String> candidates) {
        if (candidates.isEmpty()) {
            return null;
        }
        String nearest = nearest(unknown, candidates);
        List<String> sorted = candidates.stream().distinct().sorted(String.CASE_INSENSITIVE_ORDER).toList();
        return (nearest == null ? "" : "did you mean '" + nearest + "'? ") + "available: " + String.join(", ", sorted);
    }

    /** The closest candidate within a length-dependent distance, or null. Ties go to the first candidate. */
    public static String nearest(String unknown, Collection<String> candidates) {
        String target = unknown.toLowerCase(Locale.ROOT);
        int limit = target.length() <= 3 ? 1 : target.length() <= 6 ? 2 : 3;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(target, candidate.toLowerCase(Locale.ROOT));
            if (d <= limit && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). */
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
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
