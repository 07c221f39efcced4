package io.servicedocs.load;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What to say when a value is not one of a closed set (a phase, a tier, a provider, a property
 * name...): "did you mean 'x'?" for a likely typo, then the valid values. Every such message
 * uses {@link #expectedOneOf} so that they all read the same.
 */
public final class Suggestions {

    /** Lists longer than this show {@link #SHOWN} values and how many more there are: a message stays readable. */
    static final int LONGEST_IN_FULL = 12;
    static final int SHOWN = 10;

    private Suggestions() {
    }

    /**
     * The closest of {@code known} to {@code name}, when a typo could explain the difference.
     * Case is ignored: YAML values are case-sensitive, but 'Beta' for 'beta' is still a typo.
     */
    public static Optional<String> closest(String name, Collection<String> known) {
        if (name.isBlank()) {
            return Optional.empty(); // nothing to compare: every short value would be "close"
        }
        String lower = name.toLowerCase(Locale.ROOT);
        Optional<String> sameIgnoringCase = known.stream().filter(k -> k.equalsIgnoreCase(name)).findFirst();
        if (sameIgnoringCase.isPresent()) {
            return sameIgnoringCase;
        }
        return known.stream()
                .min(Comparator.comparingInt(k -> editDistance(k.toLowerCase(Locale.ROOT), lower)))
                .filter(k -> editDistance(k.toLowerCase(Locale.ROOT), lower) <= Math.max(1, name.length() / 3));
    }

    /**
     * "did you mean 'x'? expected one of: a, b, c" (the question only when a close match exists),
     * for a message's last clause: callers write "...; " before it. With nothing to choose from
     * (e.g. every product removed), it says so instead of listing nothing.
     */
    public static String expectedOneOf(String name, Collection<String> known) {
        if (known.isEmpty()) {
            return "there is none to choose from";
        }
        return closest(name, known).map(k -> "did you mean '" + k + "'? ").orElse("") + "expected one of: " + list(known);
    }

    /**
     * The values, comma-separated; past {@value #LONGEST_IN_FULL}, the first {@value #SHOWN} and
     * "… N more" (never "… 1 more", which would take the room of the value it hides).
     */
    public static String list(Collection<String> values) {
        if (values.size() <= LONGEST_IN_FULL) {
            return String.join(", ", values);
        }
        List<String> shown = values.stream().limit(SHOWN).toList();
        return String.join(", ", shown) + ", … " + (values.size() - SHOWN) + " more";
    }

    /**
     * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
     * neighbouring letters each cost 1, so that the commonest typo ({@code nmae}, {@code titel})
     * is one edit away from what was meant, not two.
     */
    private static int editDistance(String a, String b) {
        int[] beforePrevious = new int[b.length() + 1];
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
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    current[j] = Math.min(current[j], beforePrevious[j - 2] + 1);
                }
            }
            int[] recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.length()];
    }
}
