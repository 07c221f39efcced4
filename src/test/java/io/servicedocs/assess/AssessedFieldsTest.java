package io.servicedocs.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.model.Assessment;
import io.servicedocs.model.Assessment.ImprovementPlan;
import io.servicedocs.model.Assessment.ItemAssessment;
import io.servicedocs.model.Assessment.Waiver;
import io.servicedocs.model.Category;
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
import io.servicedocs.model.SecurityAnswers.Answer;
import io.servicedocs.model.SecurityAnswers.CheckAnswer;
import io.servicedocs.model.SecurityCheck;
import io.servicedocs.model.ServiceDoc;
import io.servicedocs.model.CostMonth;
import io.servicedocs.model.Slo;
import io.servicedocs.model.SloDeclaration;
import io.servicedocs.model.SloMonth;
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
 * What assess decides once for every page and export, on a standard and products made in memory:
 * displayed status and shortfall, overdue plans and targets, waiver states, objectives met, the
 * counts of a phase fit and of the portfolio, and what each phase asks.
 */
class AssessedFieldsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

    private static final Phase BETA = new Phase("beta", "Beta", "Early users.", "Best effort.", false);
    private static final Phase GA = new Phase("ga", "GA", "Everyone.", "Supported.", false);
    private static final Phase SUNSET = new Phase("sunset", "Sunset", "Going away.", "Migrate.", true);

    /** slo: 1 in beta, 2 in GA. backup: nothing in beta, tier-1 level 1 in GA. */
    private static final Standard STANDARD = new Standard(
            new StandardInfo("Standard", "1", Optional.empty(), Period.ofMonths(6),
                    List.of(new Tier("tier-1", "Critical", "c"), new Tier("tier-2", "Normal", "n"))),
            List.of(BETA, GA, SUNSET),
            List.of(new Category("ops", "Operations", Optional.empty())),
            List.of(item("slo", Map.of("beta", all(1), "ga", all(2))),
                    item("backup", Map.of("ga", new RequiredLevel(OptionalInt.empty(), Map.of("tier-1", 1))))),
            List.of(new Category("sec", "Security", Optional.empty())),
            List.of(new SecurityCheck("mfa", "sec", "MFA", "d", "beta", List.of()),
                    new SecurityCheck("pentest", "sec", "Pen test", "d", "ga", List.of("tier-1"))));

    private static QualityItem item(String id, Map<String, RequiredLevel> required) {
        return new QualityItem(id, "ops", id, "d", List.of(new Level(0, "none", "c"), new Level(1, "some", "c"),
                new Level(2, "good", "c")), required);
    }

    private static RequiredLevel all(int level) {
        return new RequiredLevel(OptionalInt.of(level), Map.of());
    }

    private static Product product(String id, String phase, Optional<PhaseStatus.Target> target,
                                   Map<String, ItemAssessment> items, List<Waiver> waivers,
                                   Map<String, CheckAnswer> answers, List<Slo> slos) {
        return product(id, "team", phase, target, items, waivers, answers, slos);
    }

    private static Product product(String id, String team, String phase, Optional<PhaseStatus.Target> target,
                                   Map<String, ItemAssessment> items, List<Waiver> waivers,
                                   Map<String, CheckAnswer> answers, List<Slo> slos) {
        Person person = new Person("P", Optional.empty(), Optional.empty());
        ServiceDoc doc = new ServiceDoc(id, id, "s", Optional.empty(), Optional.of("tier-1"),
                new Owners(team, person, person, List.of(), Optional.empty()),
                new Users(Users.Audience.INTERNAL, "u"),
                new Links("https://git.example/" + id, Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                        Optional.empty()),
                slos, Dependencies.NONE, List.of(), List.of(), List.of(), Optional.empty());
        return new Product(doc, new PhaseStatus(phase, LocalDate.of(2026, 1, 1), target),
                new Assessment(LocalDate.of(2026, 3, 1), "A", items, waivers),
                new SecurityAnswers(Optional.empty(), Optional.empty(), answers), new Finance(Map.of()));
    }

    private static ItemAssessment level(int level) {
        return new ItemAssessment(level, List.of(), Optional.empty(), Optional.empty());
    }

    private static CheckAnswer answer(Answer answer) {
        return new CheckAnswer(answer, Optional.empty(), List.of(), Optional.empty());
    }

    private static ItemResult item(PhaseFit fit, String id) {
        return fit.items().stream().filter(i -> i.item().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void anItemNothingIsRequiredOfShowsNoneUnlessItFallsShort() {
        Product beta = product("b", "beta", Optional.empty(), Map.of("slo", level(2)), List.of(),
                Map.of("mfa", answer(Answer.YES)), List.of());
        PhaseFit fit = new Assessor(STANDARD, AS_OF).assess(beta).current();
        assertEquals(ItemStatus.EXCEEDS, item(fit, "slo").status());
        assertEquals(DisplayStatus.EXCEEDS, item(fit, "slo").displayStatus());
        assertEquals(ItemStatus.MEETS, item(fit, "backup").status(), "0 of 0 meets the requirement");
        assertEquals(DisplayStatus.NONE, item(fit, "backup").displayStatus(), "but nothing was asked");
        assertEquals(0, item(fit, "backup").shortfall());
    }

    @Test
    void aGapShowsItsShortfallAndAWaiverItsState() {
        Waiver backup = new Waiver("backup", "ga", "later", "board", Optional.empty(), AS_OF.plusDays(10));
        Waiver old = new Waiver("slo", "beta", "was", "board", Optional.empty(), AS_OF.minusDays(1));
        Waiver far = new Waiver("slo", "ga", "far", "board", Optional.empty(), AS_OF.plusDays(30));
        Product ga = product("g", "ga", Optional.empty(), Map.of("slo", level(0), "backup", level(0)),
                List.of(backup, old, far), Map.of(), List.of());
        ProductReadiness readiness = new Assessor(STANDARD, AS_OF).assess(ga);
        ItemResult slo = item(readiness.current(), "slo");
        assertEquals(DisplayStatus.WAIVED, slo.displayStatus());
        assertEquals(2, slo.shortfall(), "a waiver covers the gap, the levels are still missing");
        ItemResult backupResult = item(readiness.current(), "backup");
        assertEquals(DisplayStatus.WAIVED, backupResult.displayStatus());
        assertEquals(List.of(WaiverResult.State.EXPIRING, WaiverResult.State.EXPIRED, WaiverResult.State.VALID),
                readiness.waivers().stream().map(WaiverResult::state).toList(),
                "30 days ahead is no longer 'expiring'; the day after the expiry date is 'expired'");
        assertTrue(readiness.waivers().get(0).expiring());
        assertTrue(readiness.waivers().get(1).expired());
        assertEquals(List.of(backup), readiness.expiringWaivers());
        assertEquals(List.of(old), readiness.expiredWaivers());
    }

    @Test
    void aPlanIsOverdueOnlyPastItsDateAndBelowItsTarget() {
        ItemAssessment late = new ItemAssessment(0, List.of(), Optional.empty(),
                Optional.of(new ImprovementPlan(1, AS_OF.minusDays(1), Optional.empty())));
        ItemAssessment dueToday = new ItemAssessment(0, List.of(), Optional.empty(),
                Optional.of(new ImprovementPlan(2, AS_OF, Optional.empty())));
        Product beta = product("b", "beta", Optional.empty(), Map.of("slo", dueToday, "backup", late), List.of(),
                Map.of(), List.of());
        ProductReadiness readiness = new Assessor(STANDARD, AS_OF).assess(beta);
        assertFalse(item(readiness.current(), "slo").planOverdue(), "due today is not overdue yet");
        assertTrue(item(readiness.current(), "backup").planOverdue());
        assertTrue(item(readiness.next().orElseThrow(), "backup").planOverdue(), "the plan is the item's, whatever the phase");
        assertEquals(List.of("backup"), readiness.overduePlans().stream().map(i -> i.item().id()).toList());

        ItemAssessment reached = new ItemAssessment(1, List.of(), Optional.empty(),
                Optional.of(new ImprovementPlan(1, AS_OF.minusDays(1), Optional.empty())));
        Product done = product("d", "beta", Optional.empty(), Map.of("backup", reached), List.of(), Map.of(), List.of());
        assertFalse(item(new Assessor(STANDARD, AS_OF).assess(done).current(), "backup").planOverdue());
    }

    @Test
    void aPhaseTargetIsOverdueTheDayAfterItsDate() {
        Assessor assessor = new Assessor(STANDARD, AS_OF);
        Product onTime = product("a", "beta", Optional.of(new PhaseStatus.Target("ga", AS_OF)), Map.of(), List.of(),
                Map.of(), List.of());
        Product late = product("b", "beta", Optional.of(new PhaseStatus.Target("ga", AS_OF.minusDays(1))), Map.of(),
                List.of(), Map.of(), List.of());
        Product none = product("c", "beta", Optional.empty(), Map.of(), List.of(), Map.of(), List.of());
        assertFalse(assessor.assess(onTime).targetOverdue());
        assertTrue(assessor.assess(late).targetOverdue());
        assertFalse(assessor.assess(none).targetOverdue());
    }

    /**
     * SLOs are declared in slos.yaml and measured per month (slo-data/): each is judged on its
     * latest final month; a provisional month may still change and is not judged. (Before slos.yaml,
     * the Service Doc's own 'measured' value was judged: a floor for availability, a ceiling for latency.)
     */
    @Test
    void anObjectiveIsJudgedOnItsLatestFinalMonth() {
        Product written = product("s", "beta", Optional.empty(), Map.of(), List.of(), Map.of(), List.of());
        Product p = new Product(written.serviceDoc(), written.phase(), written.assessment(), written.security(),
                written.finance(), List.of(declared("up"), declared("down"), declared("unknown")));
        List<SloMonth> months = List.of(
                month("s", "up", "2026-09", CostMonth.Status.FINAL, "0.9985"),
                month("s", "up", "2026-10", CostMonth.Status.FINAL, "0.999"), // exactly the target: met
                month("s", "down", "2026-10", CostMonth.Status.FINAL, "0.9989"),
                month("s", "down", "2026-11", CostMonth.Status.PROVISIONAL, "1"),
                month("s", "unknown", "2026-11", CostMonth.Status.PROVISIONAL, "1"),
                month("other", "unknown", "2026-10", CostMonth.Status.FINAL, "1")); // another product's SLO of that name
        List<SloResult> results = new Assessor(STANDARD, AS_OF, months).assess(p).slos();
        assertEquals(List.of(SloResult.Status.MET, SloResult.Status.MISSED, SloResult.Status.NOT_MEASURED),
                results.stream().map(SloResult::status).toList());
        assertEquals(List.of(Optional.of(java.time.YearMonth.of(2026, 10)), Optional.of(java.time.YearMonth.of(2026, 10)),
                Optional.empty()), results.stream().map(r -> r.latestFinal().map(SloMonth::month)).toList());
        assertEquals(List.of(), new Assessor(STANDARD, AS_OF).assess(written).slos());
    }

    private static SloDeclaration declared(String name) {
        SloDeclaration.DataSource prom = new SloDeclaration.DataSource("prom", SloDeclaration.DataSource.Type.PROMETHEUS, Map.of());
        return new SloDeclaration(name, Optional.empty(), Optional.empty(), "s", new SloDeclaration.Sli(name,
                Optional.empty(), Map.of(), prom, Optional.of("good"), Optional.empty(), Optional.of("total"), Optional.empty()),
                new BigDecimal("0.999"), SloDeclaration.BudgetingMethod.OCCURRENCES, "products/s/slos.yaml",
                new io.servicedocs.model.Position(1, 1));
    }

    private static SloMonth month(String product, String slo, String month, CostMonth.Status status, String attainment) {
        return new SloMonth(product, slo, "prometheus", java.time.YearMonth.parse(month), status, Optional.empty(),
                Optional.empty(), Optional.of(new BigDecimal(attainment)), new BigDecimal("0.999"),
                java.time.Instant.parse("2026-12-01T00:00:00Z"), Optional.empty());
    }

    @Test
    void aFitCountsWhatIsMissingAndTheChecksItRequires() {
        // In GA, tier-1: slo 2, backup 1, mfa and the pen test.
        Product p = product("g", "ga", Optional.empty(), Map.of("slo", level(2)), List.of(),
                Map.of("mfa", answer(Answer.NOT_APPLICABLE), "pentest", answer(Answer.NO)), List.of());
        PhaseFit fit = new Assessor(STANDARD, AS_OF).assess(p).current();
        assertEquals(4, fit.requirements());
        assertEquals(2, fit.satisfied());
        assertEquals(50, fit.percentSatisfied());
        assertEquals(List.of("backup"), fit.gaps().stream().map(i -> i.item().id()).toList());
        assertEquals(List.of("pentest"), fit.failedChecks().stream().map(c -> c.check().id()).toList());
        assertEquals(2, fit.missing(), "one gap and one failed check");
        assertEquals(2, fit.requiredChecks());
        assertEquals(1, fit.satisfiedChecks(), "not applicable satisfies a check");
        assertFalse(fit.checksMet());
        assertFalse(fit.meets());
    }

    @Test
    void thePortfolioCountsItsProductsAndFindsThemById() {
        Product meetsAndReady = product("ready", "beta", Optional.empty(), Map.of("slo", level(2), "backup", level(1)),
                List.of(), Map.of("mfa", answer(Answer.YES), "pentest", answer(Answer.YES)), List.of());
        Product below = product("below", "beta", Optional.empty(), Map.of(), List.of(), Map.of(), List.of());
        Assessor assessor = new Assessor(STANDARD, AS_OF);
        Portfolio portfolio = Portfolio.of(STANDARD, AS_OF,
                List.of(assessor.assess(meetsAndReady), assessor.assess(below)), assessor.phaseScopes());
        assertEquals(1, portfolio.meeting());
        assertEquals(1, portfolio.below());
        assertEquals(1, portfolio.ready());
        assertEquals("below", portfolio.product("below").orElseThrow().id());
        assertTrue(portfolio.product("nope").isEmpty());
    }

    @Test
    void readinessPutsTheReadyFirstThenTheClosestToTheirNextPhaseAndTeamsCountWhoMeetsTheirPhase() {
        Map<String, CheckAnswer> allYes = Map.of("mfa", answer(Answer.YES), "pentest", answer(Answer.YES));
        Assessor assessor = new Assessor(STANDARD, AS_OF);
        List<ProductReadiness> products = List.of(
                // GA asks slo 2 and backup 1: half of it met, below beta's slo 1 too
                assessor.assess(product("half", "blue", "beta", Optional.empty(), Map.of("backup", level(1)),
                        List.of(), allYes, List.of())),
                // sunset is the last phase: no next phase, so last
                assessor.assess(product("last", "blue", "sunset", Optional.empty(), Map.of(), List.of(), allYes,
                        List.of())),
                assessor.assess(product("ready", "red", "beta", Optional.empty(),
                        Map.of("slo", level(2), "backup", level(1)), List.of(), allYes, List.of())),
                assessor.assess(product("none", "blue", "beta", Optional.empty(), Map.of(), List.of(), allYes,
                        List.of())));
        Portfolio portfolio = Portfolio.of(STANDARD, AS_OF, products, assessor.phaseScopes());
        assertEquals(List.of("ready", "half", "none", "last"),
                portfolio.byReadiness().stream().map(ProductReadiness::id).toList());
        List<OwnerTeam> teams = portfolio.teams();
        assertEquals(List.of("blue", "red"), teams.stream().map(OwnerTeam::id).toList());
        assertEquals(List.of("blue", "red"), teams.stream().map(OwnerTeam::name).toList(), "no teams.yaml: the id is the name");
        assertEquals(List.of("half", "last", "none"), teams.get(0).products().stream().map(ProductReadiness::id).toList());
        assertEquals(1, teams.get(0).meeting(), "only the sunset product meets its phase (it asks nothing)");
        assertFalse(teams.get(0).allMeeting());
        assertTrue(teams.get(1).allMeeting());
    }

    @Test
    void declaredTeamsGoByTheirNamesAndShowEvenWithoutProducts() {
        Person lead = new Person("L", Optional.empty(), Optional.empty());
        Standard withTeams = new Standard(STANDARD.info(), STANDARD.phases(), STANDARD.categories(), STANDARD.items(),
                STANDARD.securityCategories(), STANDARD.checks(), List.of(
                new io.servicedocs.model.Team("red", "Zeta squad", Optional.empty(), lead,
                        new io.servicedocs.model.ChatChannel("#zeta", Optional.empty()), Optional.empty()),
                new io.servicedocs.model.Team("blue", "alpha squad", Optional.empty(), lead,
                        new io.servicedocs.model.ChatChannel("#alpha", Optional.empty()), Optional.empty()),
                new io.servicedocs.model.Team("idle", "Idle squad", Optional.empty(), lead,
                        new io.servicedocs.model.ChatChannel("#idle", Optional.empty()), Optional.empty())));
        Assessor assessor = new Assessor(withTeams, AS_OF);
        Portfolio portfolio = Portfolio.of(withTeams, AS_OF, List.of(
                assessor.assess(product("one", "red", "beta", Optional.empty(), Map.of(), List.of(), Map.of(), List.of())),
                assessor.assess(product("two", "blue", "beta", Optional.empty(), Map.of(), List.of(), Map.of(), List.of()))),
                assessor.phaseScopes());
        assertEquals(List.of("blue alpha squad 1", "idle Idle squad 0", "red Zeta squad 1"), portfolio.teams().stream()
                .map(t -> t.id() + " " + t.name() + " " + t.products().size()).toList(), "by name, ignoring case");
        assertEquals("Zeta squad", portfolio.teamName("red"));
        assertEquals("ghost", portfolio.teamName("ghost"), "an undeclared team is named by its id");
    }

    @Test
    void eachPhaseAsksForTheItemsAnyTierNeedsAndTheChecksRequiredSoFar() {
        List<PhaseScope> scopes = new Assessor(STANDARD, AS_OF).phaseScopes();
        assertEquals(List.of("beta 1 items 1 checks", "ga 2 items 2 checks", "sunset 0 items 2 checks"),
                scopes.stream().map(s -> s.phase().id() + " " + s.itemsRequired() + " items " + s.checksRequired()
                        + " checks").toList());
    }
}
