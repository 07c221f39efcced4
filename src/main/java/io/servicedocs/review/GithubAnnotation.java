package io.servicedocs.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One GitHub Actions workflow command that annotates a line of a file in the pull request
 * (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
 */
public record GithubAnnotation(String level, String file, int line, int column, String title, String message) {

    /** The levels GitHub knows, most important first. */
    public static final List<String> LEVELS = List.of("error", "warning", "notice");

    /**
     * GitHub shows at most this many annotations of each level per step and drops the rest
     * silently (actions/toolkit#734: 10 errors and 10 warnings; notices are kept to the same).
     */
    public static final int PER_LEVEL = 10;

    public GithubAnnotation {
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException("not an annotation level: " + level);
        }
    }

    /** The command line, with data and properties escaped as GitHub requires. */
    @Override
    public String toString() {
        return "::" + level + " file=" + property(file) + ",line=" + line + ",col=" + column + ",title=" + property(title)
                + "::" + data(message);
    }

    /**
     * The lines to print for {@code annotations}, given most important first within each level:
     * each annotation once, errors before warnings before notices, at most {@link #PER_LEVEL} of
     * each level (those GitHub shows), and, when some were left out, one plain line (not a
     * workflow command) that counts them per level and says {@code whereAllAre}.
     */
    public static List<String> withinLimits(List<GithubAnnotation> annotations, String whereAllAre) {
        List<GithubAnnotation> once = new ArrayList<>(new LinkedHashSet<>(annotations));
        once.sort(Comparator.comparingInt(a -> LEVELS.indexOf(a.level())));
        Map<Integer, Integer> shown = new TreeMap<>();
        Map<Integer, Integer> left = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        for (GithubAnnotation a : once) {
            int rank = LEVELS.indexOf(a.level());
            if (shown.getOrDefault(rank, 0) < PER_LEVEL) {
                shown.merge(rank, 1, Integer::sum);
                lines.add(a.toString());
            } else {
                left.merge(rank, 1, Integer::sum);
            }
        }
        if (!left.isEmpty()) {
            List<String> counts = new ArrayList<>();
            left.forEach((rank, n) -> counts.add(n + " " + LEVELS.get(rank) + (n == 1 ? "" : "s")));
            String joined = counts.size() == 1 ? counts.get(0)
                    : String.join(", ", counts.subList(0, counts.size() - 1)) + " and " + counts.get(counts.size() - 1);
            lines.add("servicedocs: " + joined + (left.values().stream().mapToInt(Integer::intValue).sum() == 1 ? " is" : " are")
                    + " not annotated (GitHub shows at most " + PER_LEVEL + " of each level per step); " + whereAllAre + ".");
        }
        return lines;
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
