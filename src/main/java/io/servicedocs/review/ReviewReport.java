package io.servicedocs.review;

import io.servicedocs.assess.PhaseFit;
import io.servicedocs.model.WaiverTerms;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Position;
import io.servicedocs.model.ReviewPolicy.Outcome;
import io.servicedocs.model.SecurityAnswers.Answer;
import java.util.List;
import java.util.Optional;

/**
 * What a pull request changes, for its reviewers: the verdict and the findings it rests on, phase
 * changes with the verdict of every promotion, level and security changes, products and waivers
 * added or removed, requirements the standard raised, and the head's validation problems, split
 * into those of this change ({@code changeDiagnostics}: in files it changes, or new with it) and
 * those it found in files it does not change ({@code untouchedDiagnostics}); {@code names} gives
 * the names and published pages to show beside the ids; {@code filesChanged} the files it changes
 * in each product's folder.
 */
public record ReviewReport(String base, String head, Verdict verdict, List<Finding> findings,
                           List<PhaseChange> phaseChanges, List<LevelChange> levelChanges,
                           List<CheckChange> checkChanges, List<String> productsAdded, List<String> productsRemoved,
                           List<String> productsNotCompared, List<WaiverChange> waiverChanges,
                           List<RaisedRequirement> raisedRequirements, CostReview costs,
                           List<Diagnostic> headDiagnostics, List<Diagnostic> changeDiagnostics,
                           List<Diagnostic> untouchedDiagnostics, ReviewNames names,
                           List<CampaignGoalCompleted> campaignGoalsCompleted, List<FilesChanged> filesChanged) {

    public ReviewReport {
        campaignGoalsCompleted = List.copyOf(campaignGoalsCompleted);
        filesChanged = List.copyOf(filesChanged);
        phaseChanges = List.copyOf(phaseChanges);
        levelChanges = List.copyOf(levelChanges);
        checkChanges = List.copyOf(checkChanges);
        productsAdded = List.copyOf(productsAdded);
        productsRemoved = List.copyOf(productsRemoved);
        productsNotCompared = List.copyOf(productsNotCompared);
        waiverChanges = List.copyOf(waiverChanges);
        raisedRequirements = List.copyOf(raisedRequirements);
        java.util.Objects.requireNonNull(costs, "costs");
        headDiagnostics = List.copyOf(headDiagnostics);
        java.util.Objects.requireNonNull(names, "names");
        java.util.Objects.requireNonNull(verdict, "verdict");
        findings = List.copyOf(findings);
        changeDiagnostics = List.copyOf(changeDiagnostics);
        untouchedDiagnostics = List.copyOf(untouchedDiagnostics);
    }

    /** What the pull request's check says: the most severe outcome among the findings. */
    public enum Verdict { BLOCKED, NEEDS_ATTENTION, CLEAR }

    /**
     * One thing the review found, of a kind the standard's review policy gives an outcome to.
     *
     * @param subject the product it concerns, or for validation errors the file
     * @param place where in the head it can be pointed at; empty when nowhere in particular
     */
    public record Finding(FindingKind kind, Outcome outcome, String subject, String message, Optional<Place> place) {
    }

    /** The kinds of finding, named as in standards/standard.yaml {@code review}. */
    public enum FindingKind {
        PROMOTION_NOT_MET, PROMOTION_STALE_ASSESSMENT, PROMOTION_LEVEL_WITHOUT_EVIDENCE, ERRORS_IN_CHANGED_FILES,
        ERRORS_ELSEWHERE, PRODUCTS_BELOW_PHASE, WAIVER_EXPIRING, LEVEL_WITHOUT_EVIDENCE;

        /** The key in standard.yaml and in the JSON report: {@code promotion_not_met}. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The findings with {@code outcome}, in the order they were found. */
    public List<Finding> findings(Outcome outcome) {
        return findings.stream().filter(f -> f.outcome() == outcome).toList();
    }

    /** Changes to who carries which cost, and their effect on each product's operating cost. */
    public record CostReview(List<CostSettingChange> settingChanges, Optional<CostImpact> impact,
                             Optional<String> notCompared) {

        public static final CostReview NONE = new CostReview(List.of(), Optional.empty(), Optional.empty());

        public CostReview {
            settingChanges = List.copyOf(settingChanges);
        }

        public CostReview(List<CostSettingChange> settingChanges, Optional<CostImpact> impact) {
            this(settingChanges, impact, Optional.empty());
        }

        /** The costs could not be compared, and why (a reviewer should not read silence as "no change"). */
        public static CostReview notCompared(String why) {
            return new CostReview(List.of(), Optional.empty(), Optional.of(why));
        }

        public boolean isEmpty() {
            return settingChanges.isEmpty() && impact.map(i -> i.products().isEmpty()).orElse(true)
                    && notCompared.isEmpty();
        }
    }

    /** One change of the cost settings: what it concerns ("pool shared-kubernetes"), what changed, where. */
    public record CostSettingChange(String subject, String description, Place place) {
    }

    /**
     * Operating costs that differ between base and head in {@code month}, the head's latest final
     * month; {@code financeNotReportedAtBase}: products not compared, since the base had not reported
     * their finance for the month (the pull request does), so that their labour would read as a change.
     */
    public record CostImpact(java.time.YearMonth month, String currency, List<ProductCostImpact> products,
                             List<String> financeNotReportedAtBase) {
        public CostImpact {
            products = List.copyOf(products);
            financeNotReportedAtBase = List.copyOf(financeNotReportedAtBase);
        }
    }

    public record ProductCostImpact(String product, io.servicedocs.model.Money before, io.servicedocs.model.Money after) {
        public java.math.BigDecimal difference() {
            return after.amount().subtract(before.amount());
        }
    }

    /** Where in the head a change can be pointed at (for annotations). */
    public record Place(String file, Position position) {
    }

    public enum PhaseChangeKind { PROMOTION, DEMOTION, RETIREMENT }

    /**
     * A product moving from one phase to another. For a promotion (and a retirement) {@code fit}
     * judges the product against its new phase; {@code skipped} names the phases jumped over.
     */
    public record PhaseChange(String product, String from, String to, PhaseChangeKind kind, List<String> skipped,
                              Optional<PhaseFit> fit, Place place) {

        public PhaseChange {
            skipped = List.copyOf(skipped);
        }

        /** A promotion passes when the product meets every requirement of its new phase (waivers count). */
        public boolean passes() {
            return kind != PhaseChangeKind.PROMOTION || fit.map(PhaseFit::meets).orElse(false);
        }
    }

    /**
     * A level changed, or an item was answered not applicable (its level then reads 0) or answered
     * with a level again.
     */
    public record LevelChange(String product, String item, int from, int to, Place place, boolean fromNotApplicable,
                              boolean toNotApplicable) {

        public LevelChange(String product, String item, int from, int to, Place place) {
            this(product, item, from, to, place, false, false);
        }

        public boolean isIncrease() {
            return to > from;
        }

        public boolean isDecrease() {
            return to < from;
        }

        /** The level before, or "not applicable"; a binary item's (as {@code names} know it) "not met" / "met". */
        public String fromLabel(ReviewNames names) {
            return fromNotApplicable ? "not applicable" : names.level(item, from);
        }

        /** The level after, or "not applicable"; a binary item's "not met" / "met". */
        public String toLabel(ReviewNames names) {
            return toNotApplicable ? "not applicable" : names.level(item, to);
        }
    }

    public record CheckChange(String product, String check, Optional<Answer> from, Optional<Answer> to, Place place) {
    }

    public enum WaiverChangeKind { ADDED, REMOVED, EXPIRED }

    /** A waiver of assessment.yaml (of an item) or of security.yaml (of a check) added, removed or expired. */
    public record WaiverChange(String product, WaiverTerms waiver, WaiverChangeKind kind, Place place) {

        /** The waiver exempts a security check rather than a quality item. */
        public boolean ofCheck() {
            return waiver instanceof io.servicedocs.model.SecurityAnswers.CheckWaiver;
        }
    }

    /** A requirement the standard raised, and the products that met their phase before and no longer do. */
    public record RaisedRequirement(String item, String phase, String tier, int from, int to,
                                    List<String> productsNoLongerMeeting, Place place) {

        public RaisedRequirement {
            productsNoLongerMeeting = List.copyOf(productsNoLongerMeeting);
        }
    }

    /**
     * A campaign goal a product meets at the head and did not at the base.
     *
     * @param goal the goal as people read it: "Runbooks level 3", "Status page met", "Admin MFA answered yes"
     * @param productDone the product now meets every goal of the campaign
     */
    public record CampaignGoalCompleted(String campaign, String campaignTitle, String product, String goal,
                                        boolean productDone) {
    }

    /**
     * The files a pull request changes in one product's folder (products/ID/), by their names in
     * it: a Service Doc's owners, links, SLOs or cost elements have no comparison of their own, and
     * a reviewer must still see that the product changed.
     */
    public record FilesChanged(String product, List<String> files) {

        public FilesChanged {
            files = List.copyOf(files);
        }
    }

    /**
     * The products whose files change with no other change of this report to show: no section
     * names them (a cost element claimed or released shows in the cost section's products).
     */
    public List<FilesChanged> otherFilesChanged() {
        java.util.Set<String> shown = compared();
        costs.impact().ifPresent(i -> i.products().forEach(p -> shown.add(p.product())));
        costs.impact().ifPresent(i -> shown.addAll(i.financeNotReportedAtBase()));
        return filesChanged.stream().filter(f -> !shown.contains(f.product())).toList();
    }

    /** Every product this pull request changes something of, in the order of the report's sections. */
    public java.util.Set<String> productsChanged() {
        java.util.Set<String> ids = compared();
        filesChanged.forEach(f -> ids.add(f.product()));
        return ids;
    }

    /** The products a section of the report compares (phase, levels, answers, waivers, added, removed). */
    private java.util.Set<String> compared() {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        phaseChanges.forEach(c -> ids.add(c.product()));
        levelChanges.forEach(c -> ids.add(c.product()));
        checkChanges.forEach(c -> ids.add(c.product()));
        waiverChanges.forEach(c -> ids.add(c.product()));
        ids.addAll(productsAdded);
        ids.addAll(productsRemoved);
        ids.addAll(productsNotCompared);
        return ids;
    }

    public List<PhaseChange> failedPromotions() {
        return phaseChanges.stream().filter(c -> !c.passes()).toList();
    }

    /** Whether the pull request should be blocked: the verdict, from the findings the policy makes blocking. */
    public boolean blocks() {
        return verdict == Verdict.BLOCKED;
    }
}
