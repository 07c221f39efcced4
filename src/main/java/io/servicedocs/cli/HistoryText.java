package io.servicedocs.cli;

import io.servicedocs.history.History;
import io.servicedocs.history.Improvements;
import io.servicedocs.history.LevelChange;
import io.servicedocs.history.PhaseChange;
import io.servicedocs.history.ProductHistory;
import io.servicedocs.history.Share;
import io.servicedocs.history.ShareMet;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The history as text for people: one section per question. */
final class HistoryText {

    private HistoryText() {
    }

    static void print(History h, PrintWriter out) {
        out.printf("History of %s (%d commits, first parent only), as of %s; fiscal years start in %s%n",
                h.head().isEmpty() ? "(no commits)" : h.head().substring(0, 10), h.commits(), h.asOf(),
                h.fiscalYearStart().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH));
        h.incomplete().ifPresent(why -> out.println("INCOMPLETE: " + why));
        out.println();
        out.println("Phase timeline");
        for (ProductHistory p : h.products()) {
            out.printf("  %s (products/%s): %s%n", p.product(), p.folder(),
                    p.removedOn().map(d -> "deleted on " + d).orElse(p.currentPhase().map(x -> "now " + x).orElse("no phase")));
            for (PhaseChange c : p.phaseChanges()) {
                // the state the known history starts in is not a move: "in ga", not "-> ga"
                out.printf("    %s  %-20s %s%n", c.date(), c.from().map(f -> f + " -> ").orElse("in ") + c.to(),
                        c.commit().isEmpty()
                                ? "declared" + c.reference().map(r -> " (" + r + ")").orElse("")
                                : c.commit() + "  " + c.author());
            }
            if (!p.daysInPhase().isEmpty()) {
                out.println("    days in phase: " + join(p.daysInPhase(), " "));
            }
            p.leadTimeDays().ifPresent(d -> out.println("    lead time to ga: " + d + " days"));
        }
        out.println();
        out.println("Level changes");
        for (ProductHistory p : h.products()) {
            for (LevelChange c : p.levelChanges()) {
                out.printf("  %s  %-20s %-24s %s -> %s  %s  %s%n", c.date(), c.product(), c.item(), c.fromLabel(),
                        c.toLabel(), c.commit().isEmpty() ? "declared" : c.commit(), c.author());
            }
        }
        out.println();
        out.println("Lead times (days)");
        out.println("  to ga, per product: " + (h.leadTimes().perProduct().isEmpty() ? "none reached ga"
                : join(h.leadTimes().perProduct(), " ")));
        h.leadTimes().median().ifPresent(m -> out.println("  to ga, median: " + number(m)));
        h.leadTimes().medianPerTransition().forEach((t, m) -> out.println("  " + t + " median: " + number(m)));
        out.println();
        out.println("Improvements per half-year (level increases of a product's item)");
        for (Improvements i : h.improvements()) {
            out.printf("  %s: %d%s%n", i.period().name(), i.total(), i.total() == 0 ? ""
                    : "; by product: " + join(i.byProduct(), " ") + "; by category: " + join(i.byCategory(), " "));
        }
        out.println();
        out.println("Share of requirements met at each period's end");
        for (ShareMet s : h.shareMet()) {
            out.printf("  %s (commit %s, judged on %s): overall %s; %s%n", s.period().name(), s.commit(), s.judgedOn(),
                    share(s.overall()), s.byProduct().entrySet().stream().map(e -> e.getKey() + " " + share(e.getValue()))
                            .collect(Collectors.joining(", ")));
        }
    }

    private static String join(Map<String, ?> values, String separator) {
        return values.entrySet().stream().map(e -> e.getKey() + separator + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String share(Share s) {
        return String.format(Locale.ROOT, "%d/%d (%.1f%%)", s.met(), s.requirements(), s.percent());
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }
}
