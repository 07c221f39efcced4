package io.servicedocs.load;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean ...?" for a misspelt name: the closest known name by edit distance, if close enough. */
public final class Suggestions {

    private Suggestions() {
    }

    /** The closest of {@code known} to {@code name}, when a typo could explain the difference. */
    public static Optional<String> closest(String name, Collection<String> known) {
        return known.stream().min(Comparator.comparingInt(k -> editDistance(k, name)))
                .filter(k -> editDistance(k, name) <= Math.max(2, name.length() / 3));
    }

    /** " (did you mean 'x'?)" or the empty string. */
    public static String didYouMean(String name, Collection<String> known) {
        return closest(name, known).map(k -> " (did you mean '" + k + "'?)").orElse("");
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
