package io.servicedocs.history;

import io.servicedocs.assess.CampaignProgress;
import io.servicedocs.assess.CampaignProgress.GoalState;
import io.servicedocs.assess.CampaignProgress.ProductPart;
import io.servicedocs.model.Campaign;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A campaign's burn-up: how many product x goal pairs were met on each day something changed,
 * from its start to today, against the pairs it has today. A pair counts from the first day its
 * goal was met and stayed met: the date of the last level change that raised the item to the
 * goal's level (a later fall below it and rise again counts from the rise). A goal the product
 * already met when the history first knew its levels (see {@link ProductHistory#levelsKnownFrom})
 * counts from that day: a product added to the repository mid-campaign already at the level is
 * not progress on the start day. Nor is a product that came into the campaign's phases later: a
 * pair counts at the earliest from the day the product last entered one of the scope's phases
 * (tiers and teams have no history, so a product that changed tier or team counts as if it always
 * had its current one). Whatever happened before the start counts from the start. A product the
 * history does not know (committed after it, or not at all), and security check answers, which
 * have no history, count from today.
 *
 * @param total the product x goal pairs of the campaign today
 * @param points the met pairs by day, in date order; the first on the start day, the last today
 *               (when the campaign has started); only today's point when there is no history
 * @param fromHistory whether the points before today come from the git history
 */
public record CampaignBurnUp(String campaign, int total, List<Point> points, boolean fromHistory) {

    public CampaignBurnUp {
        points = List.copyOf(points);
    }

    /** The pairs met at the end of one day. */
    public record Point(LocalDate date, int met) {
    }

    public static CampaignBurnUp of(CampaignProgress progress, Optional<History> history) {
        LocalDate start = progress.campaign().start();
        LocalDate today = progress.asOf();
        if (history.isEmpty()) {
            return new CampaignBurnUp(progress.campaign().id(), progress.goals(),
                    List.of(new Point(today, progress.goalsMet())), false);
        }
        TreeMap<LocalDate, Integer> metOn = new TreeMap<>();
        for (ProductPart part : progress.products()) {
            Optional<ProductHistory> product = history.get().product(part.product());
            LocalDate inScope = inScopeFrom(progress.campaign().scope(), product, today);
            for (GoalState goal : part.goals()) {
                if (goal.met()) {
                    LocalDate met = metSince(goal, product, today);
                    LocalDate since = met.isBefore(inScope) ? inScope : met;
                    metOn.merge(since.isBefore(start) ? start : since, 1, Integer::sum);
                }
            }
        }
        List<Point> points = new ArrayList<>();
        int met = 0;
        if (!today.isBefore(start)) {
            met += metOn.headMap(start, true).values().stream().mapToInt(Integer::intValue).sum();
            points.add(new Point(start, met));
            for (var day : metOn.tailMap(start, false).entrySet()) {
                met += day.getValue();
                points.add(new Point(day.getKey(), met));
            }
            if (points.get(points.size() - 1).date().isBefore(today)) {
                points.add(new Point(today, met));
            }
        } else {
            points.add(new Point(today, progress.goalsMet()));
        }
        return new CampaignBurnUp(progress.campaign().id(), progress.goals(), points, true);
    }

    /**
     * The first day of the goal's current stretch of being met: the last rise to its level, else
     * the day the history first knew the product's levels; today when the history knows neither.
     */
    private static LocalDate metSince(GoalState goal, Optional<ProductHistory> product, LocalDate today) {
        if (goal.goal().isCheck() || product.isEmpty()) {
            return today;
        }
        String item = goal.goal().subject();
        int level = goal.goal().requiredLevel();
        return product.get().levelChanges().stream()
                .filter(c -> c.item().equals(item) && c.from() < level && c.to() >= level)
                .map(LevelChange::date).max(Comparator.naturalOrder())
                .orElse(product.get().levelsKnownFrom().orElse(today));
    }

    /**
     * The day the product last entered one of the scope's phases and stayed in them; LocalDate.MIN
     * when the scope names no phase or the history does not know the product (then
     * {@link #metSince} says today). Today when the history's last phase is out of scope: the
     * product came in after the history ends.
     */
    private static LocalDate inScopeFrom(Campaign.Scope scope, Optional<ProductHistory> product, LocalDate today) {
        if (scope.phases().isEmpty() || product.isEmpty()) {
            return LocalDate.MIN;
        }
        LocalDate from = null;
        for (PhaseChange change : product.get().phaseChanges()) {
            if (!scope.phases().contains(change.to())) {
                from = null;
            } else if (from == null) {
                from = change.date();
            }
        }
        return from == null ? today : from;
    }
}
