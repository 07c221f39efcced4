package io.servicedocs.history;

import io.servicedocs.assess.CampaignProgress;
import io.servicedocs.assess.CampaignProgress.GoalState;
import io.servicedocs.assess.CampaignProgress.ProductPart;
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
 * goal's level (a later fall below it and rise again counts from the rise). A goal met before
 * the campaign started, or since before the history knows, counts from the start. Security
 * check answers have no history: a check goal met today counts from today.
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
            for (GoalState goal : part.goals()) {
                if (goal.met()) {
                    LocalDate since = metSince(goal, product, today);
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

    /** The first day of the goal's current stretch of being met; LocalDate.MIN when the history never saw it unmet. */
    private static LocalDate metSince(GoalState goal, Optional<ProductHistory> product, LocalDate today) {
        if (goal.goal().isCheck()) {
            return today;
        }
        String item = goal.goal().subject();
        int level = goal.goal().requiredLevel();
        return product.stream().flatMap(p -> p.levelChanges().stream())
                .filter(c -> c.item().equals(item) && c.from() < level && c.to() >= level)
                .map(LevelChange::date).max(Comparator.naturalOrder()).orElse(LocalDate.MIN);
    }
}
