package io.servicedocs.digest;

import io.servicedocs.assess.CheckResult;
import io.servicedocs.assess.ItemResult;
import io.servicedocs.assess.Portfolio;
import io.servicedocs.assess.ProductReadiness;
import io.servicedocs.assess.WaiverResult;
import io.servicedocs.digest.Digest.Attention;
import io.servicedocs.digest.Digest.Changes;
import io.servicedocs.digest.Digest.Direction;
import io.servicedocs.digest.Digest.ExpiringWaiver;
import io.servicedocs.digest.Digest.Improvement;
import io.servicedocs.digest.Digest.NewGap;
import io.servicedocs.digest.Digest.NewProduct;
import io.servicedocs.digest.Digest.PhaseMove;
import io.servicedocs.digest.Digest.PlanDue;
import io.servicedocs.digest.Digest.StaleAssessment;
import io.servicedocs.history.History;
import io.servicedocs.history.LevelChange;
import io.servicedocs.history.PhaseChange;
import io.servicedocs.history.ProductHistory;
import io.servicedocs.model.Assessment.ImprovementPlan;
import io.servicedocs.model.Assessment.ItemAssessment;
import io.servicedocs.model.QualityItem;
import io.servicedocs.model.SecurityAnswers.Answer;
import io.servicedocs.model.SecurityAnswers.CheckAnswer;
import io.servicedocs.model.Standard;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The digest of a window of days, from the branch's history (phase and level changes with their
 * dates) and the products judged twice: at the start of the window (for the gaps that are new)
 * and now (for what needs attention). Days are in the window from {@code since} (included) to
 * {@code asOf} (excluded).
 */
public final class DigestBuilder {

    /** Plans falling due within this many days of the as-of day are announced ahead. */
    public static final int PLANS_AHEAD = 14;

    private final LocalDate since;
    private final LocalDate asOf;
    private final CampaignDeadlines campaigns;

    public DigestBuilder(LocalDate since, LocalDate asOf, CampaignDeadlines campaigns) {
        if (!since.isBefore(asOf)) {
            throw new IllegalArgumentException("the window must start before " + asOf + ", not on " + since);
        }
        this.since = since;
        this.asOf = asOf;
        this.campaigns = campaigns;
    }

    /**
     * @param atSince the products as the branch held them at the start of the window, judged on
     *                that day; empty when the branch has no commit before the window
     * @param now the products at the head, judged on the as-of day
     */
    public Digest build(String head, History history, Optional<Portfolio> atSince, Portfolio now) {
        List<Improvement> improvements = improvements(history);
        Changes changes = new Changes(phaseMoves(history, now.standard()), newProducts(history),
                improvements.size(), improvements, newGaps(atSince, now));
        Attention attention = new Attention(plans(now), waivers(now), stale(now),
                campaigns.due(now, asOf.plusDays(PLANS_AHEAD)));
        return new Digest(since, asOf, head, changes, attention);
    }

    private boolean inWindow(LocalDate day) {
        return !day.isBefore(since) && day.isBefore(asOf);
    }

    private List<PhaseMove> phaseMoves(History history, Standard standard) {
        List<PhaseMove> moves = new ArrayList<>();
        for (ProductHistory product : history.products()) {
            for (PhaseChange change : product.phaseChanges()) {
                // the window asks when the change reached the branch, not the since it declares: a
                // promotion merged this week with an earlier since is this week's news, and a
                // declared transition (no commit brought it) is nobody's news
                Optional<LocalDate> reached = change.reachedBranch().filter(this::inWindow);
                if (change.isTransition() && change.from().isPresent() && reached.isPresent()) {
                    moves.add(new PhaseMove(change.product(), reached.get(), change.date(), change.from().get(),
                            change.to(), direction(standard, change.from().get(), change.to()), change.commit()));
                }
            }
        }
        moves.sort(Comparator.comparing(PhaseMove::date).thenComparing(PhaseMove::product));
        return moves;
    }

    /** By the order of the standard's phases at the head: the order the team works to now. */
    static Direction direction(Standard standard, String from, String to) {
        int before = standard.phaseIndex(from);
        int after = standard.phaseIndex(to);
        if (before < 0 || after < 0) {
            return Direction.CHANGE;
        }
        if (standard.phases().get(after).retirement()) {
            return Direction.RETIREMENT;
        }
        return after > before ? Direction.PROMOTION : Direction.DEMOTION;
    }

    private List<NewProduct> newProducts(History history) {
        List<NewProduct> products = new ArrayList<>();
        for (ProductHistory product : history.products()) {
            // the first commit that had it, whatever since (or the declared history) says it started on
            product.firstCommit().filter(c -> c.reachedBranch().filter(this::inWindow).isPresent())
                    .ifPresent(c -> products.add(new NewProduct(c.product(), c.reachedBranch().get(), c.date(), c.to(),
                            c.commit())));
        }
        products.sort(Comparator.comparing(NewProduct::date).thenComparing(NewProduct::product));
        return products;
    }

    /** Each (product, item) with a level increase in the window, once, as history counts improvements. */
    private List<Improvement> improvements(History history) {
        Map<List<String>, List<LevelChange>> byPair = new LinkedHashMap<>();
        for (ProductHistory product : history.products()) {
            for (LevelChange change : product.levelChanges()) {
                if (inWindow(change.date())) {
                    byPair.computeIfAbsent(List.of(change.product(), change.item()), k -> new ArrayList<>()).add(change);
                }
            }
        }
        List<Improvement> improvements = new ArrayList<>();
        for (List<LevelChange> changes : byPair.values()) {
            Optional<LevelChange> firstIncrease = changes.stream().filter(LevelChange::isIncrease).findFirst();
            if (firstIncrease.isPresent()) {
                LevelChange last = changes.get(changes.size() - 1);
                improvements.add(new Improvement(last.product(), last.item(), firstIncrease.get().fromLabel(),
                        last.toLabel(), last.date()));
            }
        }
        improvements.sort(Comparator.comparing(Improvement::product).thenComparing(Improvement::item));
        return improvements;
    }

    /** Requirements of their current phase products miss now and did not miss (in that phase) at the window's start. */
    private static List<NewGap> newGaps(Optional<Portfolio> atSince, Portfolio now) {
        List<NewGap> gaps = new ArrayList<>();
        for (ProductReadiness product : now.products()) {
            Set<List<String>> before = atSince.flatMap(p -> p.product(product.id())).map(DigestBuilder::gapKeys)
                    .orElse(Set.of());
            String phase = product.phase().id();
            for (ItemResult item : product.current().gaps()) {
                if (!before.contains(List.of(phase, "item", item.item().id()))) {
                    gaps.add(new NewGap(product.id(), phase, "item", item.item().id(), item.gapText()));
                }
            }
            for (CheckResult check : product.current().failedChecks()) {
                if (!before.contains(List.of(phase, "check", check.check().id()))) {
                    gaps.add(new NewGap(product.id(), phase, "check", check.check().id(), check.answer()
                            .map(a -> "answered " + answerText(a)).orElse("not answered")));
                }
            }
        }
        return gaps;
    }

    private static Set<List<String>> gapKeys(ProductReadiness product) {
        Set<List<String>> keys = new HashSet<>();
        String phase = product.phase().id();
        product.current().gaps().forEach(i -> keys.add(List.of(phase, "item", i.item().id())));
        product.current().failedChecks().forEach(c -> keys.add(List.of(phase, "check", c.check().id())));
        return keys;
    }

    /**
     * Plans not yet achieved whose due day is in the window (they became overdue in it) or within
     * {@link #PLANS_AHEAD} days from the as-of day. A plan due before the window was announced by
     * an earlier digest; the site keeps showing it as overdue.
     */
    private List<PlanDue> plans(Portfolio now) {
        Standard standard = now.standard();
        List<PlanDue> plans = new ArrayList<>();
        LocalDate ahead = asOf.plusDays(PLANS_AHEAD);
        for (ProductReadiness readiness : now.products()) {
            String product = readiness.id();
            for (Map.Entry<String, ItemAssessment> entry : readiness.product().assessment().items().entrySet()) {
                Optional<QualityItem> item = standard.item(entry.getKey());
                ItemAssessment answer = entry.getValue();
                if (item.isEmpty() || answer.plan().isEmpty() || answer.answeredNotApplicable()) {
                    continue;
                }
                ImprovementPlan plan = answer.plan().get();
                int target = plan.targetFor(item.get());
                if (answer.level() < target && announced(plan.due(), ahead)) {
                    plans.add(new PlanDue(product, "item", item.get().id(), plan.due(), plan.due().isBefore(asOf),
                            levelText(item.get(), answer.level()), levelText(item.get(), target)));
                }
            }
            for (Map.Entry<String, CheckAnswer> entry : readiness.product().security().checks().entrySet()) {
                CheckAnswer answer = entry.getValue();
                if (answer.answer() != Answer.YES && answer.plan().isPresent()
                        && announced(answer.plan().get().due(), ahead)) {
                    LocalDate due = answer.plan().get().due();
                    plans.add(new PlanDue(product, "check", entry.getKey(), due, due.isBefore(asOf),
                            answerText(answer.answer()), answerText(Answer.YES)));
                }
            }
        }
        plans.sort(Comparator.comparing(PlanDue::due).thenComparing(PlanDue::product).thenComparing(PlanDue::id));
        return plans;
    }

    private boolean announced(LocalDate due, LocalDate ahead) {
        return inWindow(due) || !due.isBefore(asOf) && !due.isAfter(ahead);
    }

    private static String levelText(QualityItem item, int level) {
        return !item.isBinary() ? Integer.toString(level) : level >= 1 ? QualityItem.MET : QualityItem.NOT_MET;
    }

    private static String answerText(Answer answer) {
        return answer.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Valid waivers expiring within the standard's review.waivers_expiring_within, as the assessment judged them. */
    private static List<ExpiringWaiver> waivers(Portfolio now) {
        List<ExpiringWaiver> waivers = new ArrayList<>();
        for (ProductReadiness product : now.products()) {
            product.waivers().stream().filter(WaiverResult::expiring).map(WaiverResult::waiver).forEach(w ->
                    waivers.add(new ExpiringWaiver(product.id(), "item", w.item(), w.phase(), w.expires())));
            product.checkWaivers().stream().filter(WaiverResult::expiring).map(WaiverResult::waiver).forEach(w ->
                    waivers.add(new ExpiringWaiver(product.id(), "check", w.check(), w.phase(), w.expires())));
        }
        waivers.sort(Comparator.comparing(ExpiringWaiver::expires).thenComparing(ExpiringWaiver::product)
                .thenComparing(ExpiringWaiver::id));
        return waivers;
    }

    private static List<StaleAssessment> stale(Portfolio now) {
        return now.products().stream().filter(ProductReadiness::stale).map(p -> {
            LocalDate assessedOn = p.product().assessment().assessedOn();
            return new StaleAssessment(p.id(), assessedOn, assessedOn.plus(now.standard().info().reviewInterval()));
        }).sorted(Comparator.comparing(StaleAssessment::assessedOn).thenComparing(StaleAssessment::product)).toList();
    }
}
