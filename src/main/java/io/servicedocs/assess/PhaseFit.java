package io.servicedocs.assess;

import io.servicedocs.model.Phase;
import java.util.List;

/** How a product fits one phase: every item and check against that phase's requirements. */
public record PhaseFit(Phase phase, List<ItemResult> items, List<CheckResult> checks) {

    public PhaseFit {
        items = List.copyOf(items);
        checks = List.copyOf(checks);
    }

    /** Requirements of the phase: items requiring a level above 0, and required checks. */
    public int requirements() {
        return (int) (items.stream().filter(ItemResult::isRequirement).count() + checks.stream().filter(CheckResult::required).count());
    }

    /** Requirements met, counting those covered by a valid waiver. */
    public int satisfied() {
        return (int) (items.stream().filter(i -> i.isRequirement() && i.status().satisfied()).count()
                + checks.stream().filter(c -> c.required() && c.status().satisfied()).count());
    }

    public int waived() {
        return (int) items.stream().filter(i -> i.status() == ItemStatus.WAIVED).count();
    }

    /** Share of the phase's requirements satisfied, 0..100, rounded down; 100 when there are none. */
    public int percentSatisfied() {
        int requirements = requirements();
        return requirements == 0 ? 100 : satisfied() * 100 / requirements;
    }

    public boolean meets() {
        return satisfied() == requirements();
    }

    public List<ItemResult> gaps() {
        return items.stream().filter(i -> i.status() == ItemStatus.MISSES).toList();
    }

    public List<CheckResult> failedChecks() {
        return checks.stream().filter(c -> c.status() == CheckStatus.FAILED).toList();
    }
}
