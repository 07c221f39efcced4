package io.servicedocs.site.view;

import java.util.List;
import java.util.Optional;

/**
 * The Improvements and Lead times pages: what the git history tells company-wide. Only made in a
 * git checkout.
 *
 * @param incomplete why the history does not reach back to the first commit, if so
 * @param warnings how many warnings reading the history gave
 */
public record HistoryPage(Optional<String> incomplete, String head, int commits, int fiscalYearStart,
                          List<Period> periods, List<Category> categories, List<LeadTime> leadTimes,
                          Optional<String> medianLeadTime, List<Transition> transitions, String chartSvg, int warnings) {

    /**
     * A fiscal half-year: its level increases in all and per category (in the order of
     * {@code categories}), and the share of requirements met at its end, if it was sampled.
     */
    public record Period(String name, String start, String end, long increases, List<Long> byCategory,
                         Optional<Share> share) {
    }

    /** Requirements met out of required; {@code percent} with one decimal. */
    public record Share(String percent, int met, int requirements) {
    }

    public record Category(String id, String title) {
    }

    /** Days from the first phase to 'ga'; {@code known}: the product is still in the portfolio (its page exists). */
    public record LeadTime(String id, String name, long days, boolean known) {
    }

    /** The median days spent in {@code from} before moving to {@code to}, by phase name. */
    public record Transition(String from, String to, String days) {
    }
}
