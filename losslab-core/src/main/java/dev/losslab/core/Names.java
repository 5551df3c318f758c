package dev.losslab.core;

import java.util.Locale;

/** Suggestions for mistyped names ("rosenbrok" → "rosenbrock"). */
public final class Names {

    private Names() {}

    /**
     * The valid name nearest to {@code typed} by optimal-string-alignment edit distance, if it is
     * close enough to be a plausible typo (at most a third of the typed length, and at least 1 edit
     * allowed), or when one name starts with the other; otherwise null.
     */
    public static String closest(String typed, Iterable<String> valid) {
        String t = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : valid) {
            String n = name.toLowerCase(Locale.ROOT);
            int d = (!t.isEmpty() && (n.startsWith(t) || t.startsWith(n))) ? 0 : distance(t, n);
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, t.length() / 3);
        return bestDistance <= allowed ? best : null;
    }

    /** Damerau–Levenshtein distance with adjacent transpositions (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
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
}
