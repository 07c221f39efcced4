package io.servicedocs.assess;

import io.servicedocs.model.Assessment;
import io.servicedocs.model.Assessment.ItemAssessment;
import io.servicedocs.model.Assessment.Waiver;
import io.servicedocs.model.Phase;
import io.servicedocs.model.Product;
import io.servicedocs.model.QualityItem;
import io.servicedocs.model.Repository;
import io.servicedocs.model.SecurityAnswers.Answer;
import io.servicedocs.model.SecurityAnswers.CheckAnswer;
import io.servicedocs.model.SecurityAnswers.CheckWaiver;
import io.servicedocs.model.SecurityCheck;
import io.servicedocs.model.CostMonth;
import io.servicedocs.model.SloDeclaration;
import io.servicedocs.model.SloMonth;
import io.servicedocs.model.Standard;
import io.servicedocs.model.WaiverTerms;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges products against the standard: for a phase, each item's level against the level the
 * phase requires of the product's tier (a valid waiver covers a gap), and each security check
 * the phase requires. Works on valid repositories: ids are known, levels in range.
 */
public final class Assessor {

    private final Standard standard;
    private final LocalDate asOf;
    private final Map<String, Phase> phasesById = new HashMap<>();

    /** The measured SLO months (slo-data/), by product and SLO; empty when judged without them. */
    private final Map<String, List<io.servicedocs.model.SloMonth>> sloMonths;

    public Assessor(Standard standard, LocalDate asOf) {
        this(standard, asOf, List.of());
    }

    /** @param sloMonths the SLO measurements (Repository.sloMonths()): each SLO is judged on its latest final month */
    public Assessor(Standard standard, LocalDate asOf, List<io.servicedocs.model.SloMonth> sloMonths) {
        this.sloMonths = sloMonths.stream().collect(java.util.stream.Collectors.groupingBy(m -> m.product() + "/" + m.slo()));
        this.standard = standard;
        this.asOf = asOf;
        standard.phases().forEach(p -> phasesById.putIfAbsent(p.id(), p));
    }

    public static Portfolio assess(Repository repository, LocalDate asOf) {
        Assessor assessor = new Assessor(repository.standard(), asOf, repository.sloMonths());
        return Portfolio.of(repository.standard(), asOf, repository.products().stream().map(assessor::assess).toList(),
                assessor.phaseScopes());
    }

    public ProductReadiness assess(Product product) {
        Phase phase = phase(product.phase().phase());
        Assessment assessment = product.assessment();
        PhaseFit current = fit(product, phase);
        List<ItemResult> overdue = current.items().stream().filter(ItemResult::planOverdue).toList();
        List<WaiverResult<Waiver>> waivers = assessment.waivers().stream().map(this::waiverResult).toList();
        List<Waiver> expiring = waivers.stream().filter(WaiverResult::expiring).map(WaiverResult::waiver).toList();
        List<Waiver> expired = waivers.stream().filter(WaiverResult::expired).map(WaiverResult::waiver).toList();
        List<WaiverResult<CheckWaiver>> checkWaivers = product.security().waivers().stream().map(this::waiverResult)
                .toList();
        boolean stale = assessment.isStaleOn(asOf, standard.info().reviewInterval());
        boolean targetOverdue = product.phase().target().map(t -> t.date().isBefore(asOf)).orElse(false);
        List<SloResult> slos = product.slos().stream().map(slo -> sloResult(product, slo)).toList();
        return new ProductReadiness(product, phase, current, nextPhase(product, phase).map(p -> fit(product, p)),
                stale, overdue, expiring, expired, targetOverdue, waivers, slos, checkWaivers);
    }

    /** What each phase asks of products whatever their tier, in lifecycle order. */
    public List<PhaseScope> phaseScopes() {
        List<PhaseScope> scopes = new ArrayList<>();
        for (Phase phase : standard.phases()) {
            int index = standard.phaseIndex(phase.id());
            // Counted as the standard's pages group them: items and checks by their category.
            int items = (int) standard.categories().stream()
                    .flatMap(c -> standard.items().stream().filter(i -> i.category().equals(c.id())))
                    .filter(i -> standard.info().tiers().stream().anyMatch(t -> i.requiredLevel(phase.id(), t.id()) > 0))
                    .count();
            int checks = (int) standard.securityCategories().stream()
                    .flatMap(c -> standard.checks().stream().filter(k -> k.category().equals(c.id())))
                    .filter(k -> {
                        int from = standard.phaseIndex(k.requiredFrom());
                        return from >= 0 && from <= index;
                    })
                    .count();
            scopes.add(new PhaseScope(phase, items, checks));
        }
        return scopes;
    }

    /** How the product fits a phase. */
    public PhaseFit fit(Product product, Phase phase) {
        List<ItemResult> items = standard.items().stream().map(item -> itemResult(product, item, phase)).toList();
        List<CheckResult> checks = standard.checks().stream().map(check -> checkResult(product, check, phase)).toList();
        return PhaseFit.of(phase, items, checks);
    }

    private ItemResult itemResult(Product product, QualityItem item, Phase phase) {
        ItemAssessment assessed = product.assessment().items().get(item.id());
        Optional<String> reason = Optional.ofNullable(assessed).flatMap(ItemAssessment::notApplicable)
                .map(n -> n.reason());
        Applicability applicability = applicability(product, item, reason.isPresent());
        int required = item.requiredLevel(phase.id(), tier(product));
        if (applicability.notApplicable()) {
            // Not a requirement (whatever the standard asks of others): not counted, never a gap, no waiver or plan needed.
            return new ItemResult(item, 0, required, ItemStatus.NOT_APPLICABLE, Optional.empty(),
                    DisplayStatus.NOT_APPLICABLE, 0, false, applicability, reason);
        }
        int level = assessed == null ? 0 : assessed.level(); // a challenged answer has no level: 0
        Optional<Waiver> waiver = product.assessment().waiverFor(item.id(), phase.id(), asOf);
        ItemStatus status;
        if (level > required) {
            status = ItemStatus.EXCEEDS;
        } else if (level == required) {
            status = ItemStatus.MEETS;
        } else {
            status = waiver.isPresent() ? ItemStatus.WAIVED : ItemStatus.MISSES;
        }
        boolean planOverdue = assessed != null && assessed.plan().isPresent()
                && assessed.plan().get().due().isBefore(asOf) && level < assessed.plan().get().targetFor(item);
        return new ItemResult(item, level, required, status, status == ItemStatus.WAIVED ? waiver : Optional.empty(),
                DisplayStatus.of(status, required), Math.max(0, required - level), planOverdue, applicability, reason);
    }

    /**
     * The standard's conditions decide first; without one, the team's not-applicable answer
     * stands (reviewers see it in the pull request), as for a security check.
     */
    private Applicability applicability(Product product, QualityItem item, boolean answeredNotApplicable) {
        if (!standard.applies(item, product.serviceDoc(), !product.slos().isEmpty())) {
            return Applicability.NOT_APPLICABLE_BY_STANDARD;
        }
        if (!answeredNotApplicable) {
            return Applicability.APPLIES;
        }
        return standard.conditions(item).isEmpty() ? Applicability.NOT_APPLICABLE_BY_TEAM : Applicability.CHALLENGED;
    }

    /** Expiring soon is judged with the review's notice period, so that the site and the review flag the same waivers. */
    private <W extends WaiverTerms> WaiverResult<W> waiverResult(W waiver) {
        WaiverResult.State state = !waiver.isValidOn(asOf) ? WaiverResult.State.EXPIRED
                : waiver.isExpiringOn(asOf, standard.info().review().waiversExpiringWithin()) ? WaiverResult.State.EXPIRING
                : WaiverResult.State.VALID;
        return new WaiverResult<>(waiver, state);
    }

    /**
     * A declared SLO against its latest final month (a provisional month may still change): met
     * when its attainment reaches the target, missed when not, not measured without a final month.
     */
    private SloResult sloResult(Product product, SloDeclaration slo) {
        Optional<SloMonth> latest = sloMonths.getOrDefault(product.id() + "/" + slo.name(), List.of()).stream()
                .filter(m -> m.status() == CostMonth.Status.FINAL && m.attainment().isPresent())
                .max(java.util.Comparator.comparing(SloMonth::month));
        SloResult.Status status = latest.flatMap(SloMonth::met)
                .map(met -> met ? SloResult.Status.MET : SloResult.Status.MISSED).orElse(SloResult.Status.NOT_MEASURED);
        return new SloResult(slo, latest, status);
    }

    /** As an item's gap: a required check answered 'no' that a valid waiver covers is waived, not failed. */
    private CheckResult checkResult(Product product, SecurityCheck check, Phase phase) {
        Optional<CheckAnswer> answered = Optional.ofNullable(product.security().checks().get(check.id()));
        Optional<Answer> answer = answered.map(CheckAnswer::answer);
        boolean required = standard.requires(check, phase.id(), tier(product));
        Optional<CheckWaiver> waiver = product.security().waiverFor(check.id(), phase.id(), asOf);
        CheckStatus status;
        if (answer.isPresent() && answer.get() == Answer.YES) {
            status = CheckStatus.PASSED;
        } else if (answer.isPresent() && answer.get() == Answer.NOT_APPLICABLE) {
            status = CheckStatus.NOT_APPLICABLE;
        } else if (!required) {
            status = CheckStatus.NOT_REQUIRED;
        } else {
            status = waiver.isPresent() ? CheckStatus.WAIVED : CheckStatus.FAILED;
        }
        boolean planOverdue = answered.flatMap(CheckAnswer::plan).map(p -> p.due().isBefore(asOf)).orElse(false)
                && answer.get() != Answer.YES;
        return new CheckResult(check, answer, required, status,
                status == CheckStatus.WAIVED ? waiver : Optional.empty(), planOverdue);
    }

    private Optional<Phase> nextPhase(Product product, Phase current) {
        Optional<Phase> target = product.phase().target().map(t -> phase(t.phase()));
        if (target.isPresent()) {
            return target;
        }
        List<Phase> phases = standard.phases();
        return phases.subList(standard.phaseIndex(current.id()) + 1, phases.size()).stream()
                .filter(p -> !p.retirement()).findFirst();
    }

    private Phase phase(String id) {
        return Optional.ofNullable(phasesById.get(id))
                .orElseThrow(() -> new IllegalArgumentException("unknown phase '" + id + "': validate the repository first"));
    }

    private static String tier(Product product) {
        return product.serviceDoc().tier().orElse("");
    }
}
