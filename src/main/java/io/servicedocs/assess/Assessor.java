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
import io.servicedocs.model.SecurityCheck;
import io.servicedocs.model.Standard;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges products against the standard: for a phase, each item's level against the level the
 * phase requires of the product's tier (a valid waiver covers a gap), and each security check
 * the phase requires. Works on valid repositories: ids are known, levels in range.
 */
public final class Assessor {

    /** Waivers expiring within this many days are flagged. */
    public static final int EXPIRY_WARNING_DAYS = 30;

    private final Standard standard;
    private final LocalDate asOf;

    public Assessor(Standard standard, LocalDate asOf) {
        this.standard = standard;
        this.asOf = asOf;
    }

    public static Portfolio assess(Repository repository, LocalDate asOf) {
        Assessor assessor = new Assessor(repository.standard(), asOf);
        return new Portfolio(repository.standard(), asOf, repository.products().stream().map(assessor::assess).toList());
    }

    public ProductReadiness assess(Product product) {
        Phase phase = phase(product.phase().phase());
        Assessment assessment = product.assessment();
        List<ItemResult> overdue = new ArrayList<>();
        for (QualityItem item : standard.items()) {
            ItemAssessment assessed = assessment.items().get(item.id());
            if (assessed != null && assessed.plan().isPresent() && assessed.plan().get().due().isBefore(asOf)
                    && assessed.level() < assessed.plan().get().targetLevel()) {
                overdue.add(itemResult(product, item, phase));
            }
        }
        List<Waiver> expiring = assessment.waivers().stream()
                .filter(w -> w.isValidOn(asOf) && w.expires().isBefore(asOf.plusDays(EXPIRY_WARNING_DAYS))).toList();
        List<Waiver> expired = assessment.waivers().stream().filter(w -> !w.isValidOn(asOf)).toList();
        boolean stale = assessment.assessedOn().plus(standard.info().reviewInterval()).isBefore(asOf);
        return new ProductReadiness(product, phase, fit(product, phase), nextPhase(product, phase).map(p -> fit(product, p)),
                stale, overdue, expiring, expired);
    }

    /** How the product fits a phase. */
    public PhaseFit fit(Product product, Phase phase) {
        List<ItemResult> items = standard.items().stream().map(item -> itemResult(product, item, phase)).toList();
        List<CheckResult> checks = standard.checks().stream().map(check -> checkResult(product, check, phase)).toList();
        return new PhaseFit(phase, items, checks);
    }

    private ItemResult itemResult(Product product, QualityItem item, Phase phase) {
        ItemAssessment assessed = product.assessment().items().get(item.id());
        int level = assessed == null ? 0 : assessed.level();
        int required = item.requiredLevel(phase.id(), tier(product));
        Optional<Waiver> waiver = product.assessment().waivers().stream()
                .filter(w -> w.item().equals(item.id()) && w.phase().equals(phase.id()) && w.isValidOn(asOf))
                .findFirst();
        ItemStatus status;
        if (level > required) {
            status = ItemStatus.EXCEEDS;
        } else if (level == required) {
            status = ItemStatus.MEETS;
        } else {
            status = waiver.isPresent() ? ItemStatus.WAIVED : ItemStatus.MISSES;
        }
        return new ItemResult(item, level, required, status, status == ItemStatus.WAIVED ? waiver : Optional.empty());
    }

    private CheckResult checkResult(Product product, SecurityCheck check, Phase phase) {
        Optional<Answer> answer = Optional.ofNullable(product.security().checks().get(check.id())).map(CheckAnswer::answer);
        boolean required = standard.phaseIndex(phase.id()) >= standard.phaseIndex(check.requiredFrom())
                && check.appliesToTier(tier(product));
        CheckStatus status;
        if (answer.isPresent() && answer.get() == Answer.YES) {
            status = CheckStatus.PASSED;
        } else if (answer.isPresent() && answer.get() == Answer.NOT_APPLICABLE) {
            status = CheckStatus.NOT_APPLICABLE;
        } else {
            status = required ? CheckStatus.FAILED : CheckStatus.NOT_REQUIRED;
        }
        return new CheckResult(check, answer, required, status);
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
        return standard.phases().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown phase '" + id + "': validate the repository first"));
    }

    private static String tier(Product product) {
        return product.serviceDoc().tier().orElse("");
    }
}
