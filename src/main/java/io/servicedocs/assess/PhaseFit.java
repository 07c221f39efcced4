package io.servicedocs.assess;

import io.servicedocs.model.Phase;
import java.util.List;

/**
 * How a product fits one phase: every item and check against that phase's requirements, with the
 * counts the site, the review and the exports all show, computed once by {@link #of}.
 *
 * @param requirements items requiring a level above 0, and required checks
 * @param satisfied requirements met, counting those covered by a valid waiver
 * @param waived requirements covered by a valid waiver: items below their level and checks answered 'no'
 * @param percentSatisfied share of the requirements satisfied, 0..100, rounded down; 100 when there are none
 * @param gaps the items below their requirement (no waiver covers them)
 * @param failedChecks the required checks not passed
 * @param missing what stands between the product and the phase: gaps and failed checks
 * @param requiredChecks the checks this phase requires of the product
 * @param satisfiedChecks the required checks passed, not applicable or waived
 */
public record PhaseFit(Phase phase, List<ItemResult> items, List<CheckResult> checks, int requirements, int satisfied,
                       int waived, int percentSatisfied, boolean meets, List<ItemResult> gaps,
                       List<CheckResult> failedChecks, int missing, int requiredChecks, int satisfiedChecks) {

    public PhaseFit {
        items = List.copyOf(items);
        checks = List.copyOf(checks);
        gaps = List.copyOf(gaps);
        failedChecks = List.copyOf(failedChecks);
    }

    public static PhaseFit of(Phase phase, List<ItemResult> items, List<CheckResult> checks) {
        int requiredItems = (int) items.stream().filter(ItemResult::isRequirement).count();
        int satisfiedItems = (int) items.stream().filter(i -> i.isRequirement() && i.status().satisfied()).count();
        int requiredChecks = (int) checks.stream().filter(CheckResult::required).count();
        int satisfiedChecks = (int) checks.stream().filter(c -> c.required() && c.status().satisfied()).count();
        int requirements = requiredItems + requiredChecks;
        int satisfied = satisfiedItems + satisfiedChecks;
        int waived = (int) items.stream().filter(i -> i.status() == ItemStatus.WAIVED).count()
                + (int) checks.stream().filter(c -> c.status() == CheckStatus.WAIVED).count();
        List<ItemResult> gaps = items.stream().filter(i -> i.status() == ItemStatus.MISSES).toList();
        List<CheckResult> failed = checks.stream().filter(c -> c.status() == CheckStatus.FAILED).toList();
        return new PhaseFit(phase, items, checks, requirements, satisfied, waived,
                requirements == 0 ? 100 : satisfied * 100 / requirements, satisfied == requirements, gaps, failed,
                gaps.size() + failed.size(), requiredChecks, satisfiedChecks);
    }

    /** Every check this phase requires is passed or not applicable. */
    public boolean checksMet() {
        return satisfiedChecks == requiredChecks;
    }
}
