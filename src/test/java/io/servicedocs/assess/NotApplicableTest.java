package io.servicedocs.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.model.AppliesIf;
import io.servicedocs.model.Assessment;
import io.servicedocs.model.Assessment.ItemAssessment;
import io.servicedocs.model.Assessment.NotApplicable;
import io.servicedocs.model.Assessment.Waiver;
import io.servicedocs.model.Category;
import io.servicedocs.model.DemandMetric;
import io.servicedocs.model.Dependencies;
import io.servicedocs.model.Finance;
import io.servicedocs.model.Level;
import io.servicedocs.model.Links;
import io.servicedocs.model.Owners;
import io.servicedocs.model.Person;
import io.servicedocs.model.Phase;
import io.servicedocs.model.PhaseStatus;
import io.servicedocs.model.Product;
import io.servicedocs.model.QualityItem;
import io.servicedocs.model.RequiredLevel;
import io.servicedocs.model.SecurityAnswers;
import io.servicedocs.model.ServiceDoc;
import io.servicedocs.model.SloDeclaration;
import io.servicedocs.model.Standard;
import io.servicedocs.model.StandardInfo;
import io.servicedocs.model.Tier;
import io.servicedocs.model.Users;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Items that do not apply: the standard's applies_if (on an item, on a category) over the Service
 * Doc, the team's not_applicable answer accepted where the standard is silent, and challenged
 * (level 0, a gap unless waived) where the standard's condition holds; and the counts of the fit.
 */
class NotApplicableTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
    private static final Phase BETA = new Phase("beta", "Beta", "Early users.", "Best effort.", false);

    /** Every item requires level 1 in beta. backup: only with a demand metric; the data category: only with SLOs. */
    private static final Standard STANDARD = new Standard(
            new StandardInfo("Standard", "1", Optional.empty(), Period.ofMonths(6),
                    List.of(new Tier("tier-1", "Critical", "c"))),
            List.of(BETA),
            List.of(new Category("ops", "Operations", Optional.empty()),
                    new Category("data", "Data", Optional.empty(), Optional.of(AppliesIf.field(AppliesIf.Field.SLOS)))),
            List.of(item("runbook", "ops", Optional.empty()),
                    item("backup", "ops", Optional.of(AppliesIf.field(AppliesIf.Field.DEMAND_METRIC))),
                    item("retention", "data", Optional.empty())),
            List.of(), List.of());

    private static QualityItem item(String id, String category, Optional<AppliesIf> appliesIf) {
        return new QualityItem(id, category, id, "d", List.of(new Level(0, "none", "c"), new Level(1, "some", "c")),
                Map.of("beta", new RequiredLevel(OptionalInt.of(1), Map.of())), appliesIf);
    }

    private static Product product(boolean demandMetric, boolean slos, Map<String, ItemAssessment> items,
                                   List<Waiver> waivers) {
        Person person = new Person("P", Optional.empty(), Optional.empty());
        // the condition 'slos' holds when slos.yaml declares SLOs (the Service Doc's own section is no longer read)
        List<SloDeclaration> objectives = slos ? List.of(new SloDeclaration("up", Optional.empty(), Optional.empty(), "p",
                new SloDeclaration.Sli("up", Optional.empty(), Map.of(), new SloDeclaration.DataSource("prom",
                        SloDeclaration.DataSource.Type.PROMETHEUS, Map.of()), Optional.of("good"), Optional.empty(),
                        Optional.of("total"), Optional.empty()), new BigDecimal("0.99"),
                SloDeclaration.BudgetingMethod.OCCURRENCES, "products/p/slos.yaml", new io.servicedocs.model.Position(1, 1)))
                : List.of();
        ServiceDoc doc = new ServiceDoc("p", "P", "s", Optional.empty(), Optional.of("tier-1"),
                new Owners("team", person, person, List.of(), Optional.empty()),
                new Users(Users.Audience.INTERNAL, "u"),
                new Links("https://git.example/p", Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                        Optional.empty()),
                List.of(), Dependencies.NONE, List.of(), List.of(), List.of(),
                demandMetric ? Optional.of(new DemandMetric("devices", "device")) : Optional.empty());
        return new Product(doc, new PhaseStatus("beta", LocalDate.of(2026, 1, 1), Optional.empty()),
                new Assessment(LocalDate.of(2026, 3, 1), "A", items, waivers),
                new SecurityAnswers(Optional.empty(), Optional.empty(), Map.of()), new Finance(Map.of()), objectives);
    }

    private static ItemAssessment level(int level) {
        return new ItemAssessment(level, List.of(), Optional.empty(), Optional.empty());
    }

    private static ItemAssessment notApplicable(String reason) {
        return new ItemAssessment(0, List.of(), Optional.empty(), Optional.empty(), Optional.of(new NotApplicable(reason)));
    }

    private static PhaseFit fit(Product product) {
        return new Assessor(STANDARD, AS_OF).assess(product).current();
    }

    private static ItemResult item(PhaseFit fit, String id) {
        return fit.items().stream().filter(i -> i.item().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void anItemWhoseConditionDoesNotHoldIsNotApplicableAndNotCounted() {
        PhaseFit fit = fit(product(false, false, Map.of("runbook", level(1), "backup", level(0), "retention", level(0)),
                List.of()));
        ItemResult backup = item(fit, "backup");
        assertEquals(ItemStatus.NOT_APPLICABLE, backup.status());
        assertEquals(DisplayStatus.NOT_APPLICABLE, backup.displayStatus());
        assertEquals(Applicability.NOT_APPLICABLE_BY_STANDARD, backup.applicability());
        assertEquals(1, backup.required(), "what the standard asks where the item applies, shown beside it");
        assertEquals(0, backup.shortfall());
        assertFalse(backup.isRequirement());
        assertEquals(Applicability.NOT_APPLICABLE_BY_STANDARD, item(fit, "retention").applicability(),
                "the category's condition (slos) holds for none of its items");
        assertEquals(1, fit.requirements(), "only runbook is asked for");
        assertEquals(1, fit.satisfied());
        assertEquals(100, fit.percentSatisfied());
        assertTrue(fit.meets());
        assertEquals(List.of(), fit.gaps());
    }

    @Test
    void anItemWhoseConditionHoldsIsJudgedAsAnyOther() {
        PhaseFit fit = fit(product(true, true, Map.of("runbook", level(1), "backup", level(0), "retention", level(1)),
                List.of()));
        assertEquals(Applicability.APPLIES, item(fit, "backup").applicability());
        assertEquals(ItemStatus.MISSES, item(fit, "backup").status());
        assertEquals(ItemStatus.MEETS, item(fit, "retention").status());
        assertEquals(3, fit.requirements());
        assertEquals(2, fit.satisfied());
        assertEquals(List.of("backup"), fit.gaps().stream().map(i -> i.item().id()).toList());
    }

    @Test
    void theTeamsAnswerStandsWhereTheStandardDeclaresNoCondition() {
        PhaseFit fit = fit(product(false, false, Map.of("runbook", notApplicable("No operations: a library."),
                "backup", level(0), "retention", level(0)), List.of()));
        ItemResult runbook = item(fit, "runbook");
        assertEquals(ItemStatus.NOT_APPLICABLE, runbook.status());
        assertEquals(Applicability.NOT_APPLICABLE_BY_TEAM, runbook.applicability());
        assertEquals(Optional.of("No operations: a library."), runbook.notApplicableReason());
        assertEquals(0, fit.requirements(), "nothing applies: no requirement at all");
        assertEquals(100, fit.percentSatisfied());
        assertTrue(fit.meets());
    }

    @Test
    void aNotApplicableAnswerTheStandardsConditionContradictsIsAGapAtLevelZero() {
        PhaseFit fit = fit(product(true, false, Map.of("runbook", level(1), "backup", notApplicable("We think so."),
                "retention", level(0)), List.of()));
        ItemResult backup = item(fit, "backup");
        assertEquals(Applicability.CHALLENGED, backup.applicability());
        assertEquals(ItemStatus.MISSES, backup.status());
        assertEquals(DisplayStatus.MISSES, backup.displayStatus());
        assertEquals(0, backup.level());
        assertEquals(1, backup.required());
        assertEquals(1, backup.shortfall());
        assertEquals(Optional.of("We think so."), backup.notApplicableReason(), "shown, so that reviewers see what was claimed");
        assertEquals(2, fit.requirements());
        assertEquals(1, fit.satisfied());
        assertFalse(fit.meets());
    }

    @Test
    void aWaiverCoversAChallengedAnswer() {
        Waiver waiver = new Waiver("backup", "beta", "Migrating storage.", "Board", Optional.empty(), AS_OF.plusDays(90));
        PhaseFit fit = fit(product(true, false, Map.of("runbook", level(1), "backup", notApplicable("We think so."),
                "retention", level(0)), List.of(waiver)));
        ItemResult backup = item(fit, "backup");
        assertEquals(Applicability.CHALLENGED, backup.applicability());
        assertEquals(ItemStatus.WAIVED, backup.status());
        assertEquals(Optional.of(waiver), backup.waiver());
        assertEquals(2, fit.requirements());
        assertEquals(2, fit.satisfied());
        assertEquals(1, fit.waived());
        assertTrue(fit.meets());
    }

    @Test
    void theStandardsConditionWinsOverALevelClaimed() {
        PhaseFit fit = fit(product(false, false, Map.of("runbook", level(1), "backup", level(1), "retention", level(0)),
                List.of()));
        assertEquals(ItemStatus.NOT_APPLICABLE, item(fit, "backup").status());
        assertEquals(0, item(fit, "backup").level(), "a level claimed for an item that does not apply is not shown as reached");
    }
}
