package io.servicedocs.review;

import io.servicedocs.assess.PhaseFit;
import io.servicedocs.load.YamlDocument;
import io.servicedocs.model.Assessment.ItemAssessment;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Position;
import io.servicedocs.model.Product;
import io.servicedocs.model.ReviewPolicy;
import io.servicedocs.model.ReviewPolicy.Outcome;
import io.servicedocs.model.WaiverTerms;
import io.servicedocs.review.ReviewReport.Finding;
import io.servicedocs.review.ReviewReport.FindingKind;
import io.servicedocs.review.ReviewReport.LevelChange;
import io.servicedocs.review.ReviewReport.PhaseChange;
import io.servicedocs.review.ReviewReport.PhaseChangeKind;
import io.servicedocs.review.ReviewReport.Place;
import io.servicedocs.review.ReviewReport.RaisedRequirement;
import io.servicedocs.review.ReviewReport.Verdict;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The findings of a review and its verdict, judged once by the standard's review policy: what a
 * pull request does that blocks it, needs the reviewers' attention, or is ignored. The rules are
 * the promotion guide's; which outcome each kind has is the policy's.
 */
final class ReviewFindings {

    /** Ends the message of an error new with the pull request in a file it does not change. */
    static final String UNCHANGED_FILE = " (new with this pull request; the file is unchanged)";

    private final ReviewPolicy policy;
    private final Period reviewInterval;
    private final LocalDate asOf;
    private final List<Finding> findings = new ArrayList<>();

    /**
     * @param policy the head's review policy: changing it changes standards/, which needs the
     *               review board's approval (CODEOWNERS), so the head's is the one the board accepts
     * @param reviewInterval how old an assessment may be on {@code asOf} (the head's standard)
     * @param asOf the day the review judges by: the merge date
     */
    ReviewFindings(ReviewPolicy policy, Period reviewInterval, LocalDate asOf) {
        this.policy = policy;
        this.reviewInterval = reviewInterval;
        this.asOf = asOf;
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** The most severe outcome among the findings; ignored ones do not count. */
    Verdict verdict() {
        if (findings.stream().anyMatch(f -> f.outcome() == Outcome.BLOCKED)) {
            return Verdict.BLOCKED;
        }
        return findings.stream().anyMatch(f -> f.outcome() == Outcome.NEEDS_ATTENTION) ? Verdict.NEEDS_ATTENTION
                : Verdict.CLEAR;
    }

    /** Promotions that do not meet their new phase, and promoted products whose assessment is stale. */
    void promotions(List<PhaseChange> phases, Map<String, Product> headProducts, HeadLocator locator) {
        for (PhaseChange c : phases) {
            if (c.kind() != PhaseChangeKind.PROMOTION) {
                continue;
            }
            if (!c.passes()) {
                add(FindingKind.PROMOTION_NOT_MET, c.product(), "promoted to " + c.to() + " without meeting it"
                        + c.fit().map(ReviewFindings::unmet).orElse(""), Optional.of(c.place()));
            }
            Product product = headProducts.get(c.product());
            if (product == null) {
                continue; // a phase change is only ever made of a head product; nothing to judge otherwise
            }
            LocalDate assessed = product.assessment().assessedOn();
            // as Assessor judges staleness, on the merge date rather than the day the branch was made
            if (product.assessment().isStaleOn(asOf, reviewInterval)) {
                add(FindingKind.PROMOTION_STALE_ASSESSMENT, c.product(), "promoted to " + c.to()
                        + " with an assessment of " + assessed + ", older than the review interval (" + reviewInterval
                        + ") on " + asOf, Optional.of(locator.place(assessmentFile(c.product()), "/assessed_on")));
            }
        }
    }

    /**
     * Levels this pull request sets (a new product's levels count as set from 0) that have no
     * evidence: in a promoted product any such level, elsewhere the raised ones.
     */
    void levelsWithoutEvidence(List<LevelChange> levels, List<String> added, Map<String, Product> headProducts,
                               Set<String> promoted, HeadLocator locator, ReviewNames names) {
        List<LevelChange> set = new ArrayList<>(levels);
        for (String id : added) {
            Product product = headProducts.get(id);
            if (product == null) {
                continue;
            }
            product.assessment().items().forEach((item, assessment) -> {
                if (assessment.level() > 0) {
                    set.add(new LevelChange(id, item, 0, assessment.level(), locator.place(assessmentFile(id),
                            YamlDocument.child(YamlDocument.child("/items", item), answerKey(assessment)))));
                }
            });
        }
        for (LevelChange l : set) {
            Product product = headProducts.get(l.product());
            ItemAssessment now = product == null ? null : product.assessment().items().get(l.item());
            if (l.to() < 1 || now == null || !now.evidence().isEmpty()) {
                continue;
            }
            // a binary item is set to "met" (was "not met"), not to level 1
            String what = l.item() + " set to " + (names.binaryItems().contains(l.item()) ? "" : "level ")
                    + names.level(l.item(), l.to()) + " (was " + l.fromLabel(names) + ") with no evidence";
            if (promoted.contains(l.product())) {
                add(FindingKind.PROMOTION_LEVEL_WITHOUT_EVIDENCE, l.product(), what + " in a promoted product",
                        Optional.of(l.place()));
            } else if (l.isIncrease()) {
                add(FindingKind.LEVEL_WITHOUT_EVIDENCE, l.product(), what, Optional.of(l.place()));
            }
        }
    }

    /** The key an item's answer is written under: 'met' for a binary item's answer, else 'level'. */
    static String answerKey(io.servicedocs.model.Assessment.ItemAssessment assessment) {
        return assessment.met().isPresent() ? "met" : "level";
    }

    /**
     * The head's validation diagnostics split in two: this change's (in a file it changes, or new
     * with it: a standard change can break products it does not touch) and the others, there
     * already at the base. Diagnostics of an untouched file are there already when the base has at
     * least as many of the same rule in that file: lines move when a file is edited, and messages
     * that list the valid values change with the standard, so neither can tell.
     */
    SplitDiagnostics diagnostics(List<Diagnostic> head, List<Diagnostic> base, Set<String> changedFiles) {
        Map<String, Long> before = base.stream().collect(Collectors.groupingBy(ReviewFindings::key, Collectors.counting()));
        Map<String, Long> now = head.stream().collect(Collectors.groupingBy(ReviewFindings::key, Collectors.counting()));
        List<Diagnostic> ofChange = new ArrayList<>();
        List<Diagnostic> elsewhere = new ArrayList<>();
        for (Diagnostic d : head) {
            boolean touched = touches(changedFiles, d.file());
            // cost data comes from its own branch (costs.yml keeps it), not from pull requests: its
            // problems are this change's only when the pull request edits that very file
            boolean costData = d.file().startsWith(COST_DATA);
            if (touched || !costData && now.get(key(d)) > before.getOrDefault(key(d), 0L)) {
                ofChange.add(d);
                if (d.isError()) {
                    add(FindingKind.ERRORS_IN_CHANGED_FILES, d.file(), d.message() + " [" + d.rule() + "]"
                            + (touched ? "" : UNCHANGED_FILE), place(d));
                }
            } else {
                elsewhere.add(d);
                if (d.isError()) {
                    add(FindingKind.ERRORS_ELSEWHERE, d.file(), d.message() + " [" + d.rule() + "]", place(d));
                }
            }
        }
        return new SplitDiagnostics(ofChange, elsewhere);
    }

    /** The head's diagnostics: this change's, and those in files it does not change that were there before it. */
    record SplitDiagnostics(List<Diagnostic> ofChange, List<Diagnostic> untouched) {
    }

    /** Products that met their phase before the standard raised a requirement, and no longer do. */
    void productsBelowPhase(List<RaisedRequirement> raised) {
        for (RaisedRequirement q : raised) {
            for (String product : q.productsNoLongerMeeting()) {
                add(FindingKind.PRODUCTS_BELOW_PHASE, product, "no longer meets " + q.phase() + ": the standard raises "
                        + q.item() + (q.tier().isEmpty() ? "" : " for " + q.tier()) + " from " + q.from() + " to "
                        + q.to(), Optional.of(q.place()));
            }
        }
    }

    /** Waivers of the products this pull request changes that are valid today and expire within the policy's period. */
    void expiringWaivers(Map<String, Product> headProducts, Set<String> changedFiles, HeadLocator locator) {
        for (Product product : headProducts.values()) {
            String folder = "products/" + product.id() + "/";
            if (changedFiles.stream().noneMatch(f -> f.startsWith(folder))) {
                continue;
            }
            expiring(product.id(), product.assessment().waivers(), "", assessmentFile(product.id()), locator);
            expiring(product.id(), product.security().waivers(), "security check ",
                    "products/" + product.id() + "/security.yaml", locator);
        }
    }

    /** @param what says what the subject of a waiver is, when it is not a quality item ("security check ") */
    private void expiring(String product, List<? extends WaiverTerms> waivers, String what, String file,
                          HeadLocator locator) {
        for (int i = 0; i < waivers.size(); i++) {
            WaiverTerms w = waivers.get(i);
            if (w.isExpiringOn(asOf, policy.waiversExpiringWithin())) {
                add(FindingKind.WAIVER_EXPIRING, product, "the waiver of " + what + w.subject() + " in " + w.phase()
                        + " expires on " + w.expires() + ", within " + within(policy.waiversExpiringWithin()),
                        Optional.of(locator.place(file, "/waivers/" + i + "/expires")));
            }
        }
    }

    /** ": 1/3 requirements met; unmet: slo 1/2, pentest" */
    private static final int UNMET_NAMED = 5;

    private static String unmet(PhaseFit fit) {
        List<String> gaps = new ArrayList<>();
        fit.gaps().forEach(i -> gaps.add(i.item().id() + " " + i.gapText()));
        fit.failedChecks().forEach(k -> gaps.add(k.check().id()));
        // the requirement list of the report has them all; a finding names the first few
        String named = gaps.size() <= UNMET_NAMED ? String.join(", ", gaps)
                : String.join(", ", gaps.subList(0, UNMET_NAMED)) + " and " + (gaps.size() - UNMET_NAMED) + " more";
        return ": " + fit.satisfied() + "/" + fit.requirements() + " requirements met"
                + (gaps.isEmpty() ? "" : "; unmet: " + named);
    }

    /** "30 days" for the usual period, else its ISO form. */
    static String within(Period period) {
        return period.getYears() == 0 && period.getMonths() == 0 ? period.getDays() + " days" : period.toString();
    }

    private void add(FindingKind kind, String subject, String message, Optional<Place> place) {
        findings.add(new Finding(kind, outcome(kind), subject, message, place));
    }

    private Outcome outcome(FindingKind kind) {
        return switch (kind) {
            case PROMOTION_NOT_MET -> policy.promotionNotMet();
            case PROMOTION_STALE_ASSESSMENT -> policy.promotionStaleAssessment();
            case PROMOTION_LEVEL_WITHOUT_EVIDENCE -> policy.promotionLevelWithoutEvidence();
            case ERRORS_IN_CHANGED_FILES -> policy.errorsInChangedFiles();
            case ERRORS_ELSEWHERE -> policy.errorsElsewhere();
            case PRODUCTS_BELOW_PHASE -> policy.productsBelowPhase();
            case WAIVER_EXPIRING -> policy.waiverExpiring();
            case LEVEL_WITHOUT_EVIDENCE -> policy.levelWithoutEvidence();
        };
    }

    /** Whether a diagnostic's file (or folder: a missing file is reported on its product's folder) is changed. */
    private static boolean touches(Set<String> changedFiles, String file) {
        return changedFiles.contains(file) || changedFiles.stream().anyMatch(f -> f.startsWith(file + "/"));
    }

    private static final String COST_DATA = "cost-data/";

    private static String key(Diagnostic d) {
        return d.file() + '\0' + d.rule() + '\0' + d.severity();
    }

    private static Optional<Place> place(Diagnostic d) {
        return Optional.of(new Place(d.file(), new Position(d.line(), d.column())));
    }

    private static String assessmentFile(String product) {
        return "products/" + product + "/assessment.yaml";
    }
}
