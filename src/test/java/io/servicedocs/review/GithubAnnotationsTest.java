package io.servicedocs.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.assess.PhaseFit;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Phase;
import io.servicedocs.model.Position;
import io.servicedocs.review.ReviewReport.PhaseChange;
import io.servicedocs.review.ReviewReport.PhaseChangeKind;
import io.servicedocs.review.ReviewReport.Place;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link ReportFormats#github}: each problem once, most important first, within GitHub's 10
 * annotations of each level per step (actions/toolkit#734), and a plain line counting the rest.
 */
class GithubAnnotationsTest {

    private static final Phase GA = new Phase("ga", "GA", "", "", false);

    private static PhaseChange promotion(String product, boolean meets) {
        PhaseFit fit = new PhaseFit(GA, List.of(), List.of(), 3, meets ? 3 : 1, 0, meets ? 100 : 33, meets, List.of(),
                List.of(), meets ? 0 : 2, 0, 0);
        return new PhaseChange(product, "beta", "ga", PhaseChangeKind.PROMOTION, List.of(), Optional.of(fit),
                new Place("products/" + product + "/phase.yaml", new Position(1, 8)));
    }

    private static Diagnostic error(int n) {
        return Diagnostic.error("products/p" + n + "/service-doc.yaml", new Position(n, 3), "unknown-tier", "problem " + n);
    }

    private static Diagnostic warning(int n) {
        return Diagnostic.warning("products/w" + n + "/assessment.yaml", new Position(2, 1), "assessment-stale", "old " + n);
    }

    private static ReviewReport report(List<PhaseChange> changes, List<Diagnostic> diagnostics) {
        // the annotations do not depend on the verdict; the report says blocked, as its errors would make it
        return new ReviewReport("main (abc)", "head (def)", ReviewReport.Verdict.BLOCKED, List.of(), changes, List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), ReviewReport.CostReview.NONE,
                diagnostics, diagnostics, List.of(), ReviewNames.NONE, List.of(), List.of());
    }

    @Test
    void twentyFiveErrorsAndFifteenWarningsGiveTenOfEachErrorsFirstAndACount() {
        List<Diagnostic> diagnostics = new ArrayList<>();
        // warnings first in the report: the annotations still put every error before them
        IntStream.rangeClosed(1, 15).mapToObj(GithubAnnotationsTest::warning).forEach(diagnostics::add);
        IntStream.rangeClosed(1, 23).mapToObj(GithubAnnotationsTest::error).forEach(diagnostics::add);
        List<PhaseChange> changes = List.of(promotion("ready", true), promotion("early", false), promotion("hasty", false));

        List<String> lines = ReportFormats.github(report(changes, diagnostics), UnaryOperator.identity());

        assertEquals(22, lines.size(), String.join("\n", lines));
        List<String> annotations = lines.subList(0, 20);
        assertTrue(annotations.subList(0, 10).stream().allMatch(l -> l.startsWith("::error ")), String.join("\n", lines));
        assertTrue(annotations.subList(10, 20).stream().allMatch(l -> l.startsWith("::warning ")), String.join("\n", lines));
        assertEquals("::error file=products/early/phase.yaml,line=1,col=8,title=servicedocs promotion::early does not "
                + "meet ga (1/3 requirements)", lines.get(0), "failed promotions come before validation errors");
        assertEquals("::error file=products/hasty/phase.yaml,line=1,col=8,title=servicedocs promotion::hasty does not "
                + "meet ga (1/3 requirements)", lines.get(1));
        assertEquals("::error file=products/p1/service-doc.yaml,line=1,col=3,title=servicedocs unknown-tier::problem 1",
                lines.get(2));
        assertEquals("::error file=products/p8/service-doc.yaml,line=8,col=3,title=servicedocs unknown-tier::problem 8",
                lines.get(9));
        assertEquals("::warning file=products/w1/assessment.yaml,line=2,col=1,title=servicedocs assessment-stale::old 1",
                lines.get(10));
        assertEquals("::warning file=products/w10/assessment.yaml,line=2,col=1,title=servicedocs assessment-stale::old 10",
                lines.get(19));
        // 25 errors (2 promotions + 23) and 15 warnings; the 1 notice (the promotion that meets ga) is within its limit
        assertEquals("servicedocs: 15 errors and 5 warnings are not annotated (GitHub shows at most 10 of "
                + "each level per step); review.json in the run's pr-review artifact lists all of them.", lines.get(21));
        assertEquals("::notice file=products/ready/phase.yaml,line=1,col=8,title=servicedocs promotion::ready meets ga "
                + "(3/3 requirements)", lines.get(20), "notices are annotated too, after the warnings");
        assertEquals(lines.size(), new HashSet<>(lines).size(), "no line twice");
    }

    @Test
    void withinTheLimitsThereIsNoCountLine() {
        List<String> lines = ReportFormats.github(report(List.of(promotion("early", false)),
                List.of(error(1), warning(1))), UnaryOperator.identity());
        assertEquals(List.of(
                "::error file=products/early/phase.yaml,line=1,col=8,title=servicedocs promotion::early does not meet ga "
                        + "(1/3 requirements)",
                "::error file=products/p1/service-doc.yaml,line=1,col=3,title=servicedocs unknown-tier::problem 1",
                "::warning file=products/w1/assessment.yaml,line=2,col=1,title=servicedocs assessment-stale::old 1"), lines);
    }

    @Test
    void eachProblemIsAnnotatedOnce() {
        Diagnostic atThePromotion = Diagnostic.error("products/early/phase.yaml", new Position(1, 8), "phase-skipped",
                "beta is skipped");
        Diagnostic stale = Diagnostic.warning("products/ready/phase.yaml", new Position(1, 8), "assessment-stale",
                "assessment is old");
        List<String> lines = ReportFormats.github(report(List.of(promotion("early", false), promotion("ready", true)),
                List.of(error(1), error(1), atThePromotion, stale)), UnaryOperator.identity());
        assertEquals(List.of(
                "::error file=products/early/phase.yaml,line=1,col=8,title=servicedocs promotion::early does not meet ga "
                        + "(1/3 requirements); beta is skipped [phase-skipped]",
                "::error file=products/p1/service-doc.yaml,line=1,col=3,title=servicedocs unknown-tier::problem 1",
                "::warning file=products/ready/phase.yaml,line=1,col=8,title=servicedocs promotion::ready meets ga "
                        + "(3/3 requirements); assessment is old [assessment-stale]"), lines,
                "the same diagnostic twice is one annotation; one at the place of a promotion is told in its annotation,"
                        + " which takes the higher level");
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("servicedocs:")), "nothing left out");
    }

    @Test
    void theCountLineNamesEachLevelLeftOut() {
        List<GithubAnnotation> many = new ArrayList<>();
        IntStream.rangeClosed(1, 11).forEach(n -> many.add(new GithubAnnotation("notice", "f.yaml", n, 1, "t", "n" + n)));
        many.add(new GithubAnnotation("warning", "f.yaml", 1, 1, "t", "w"));
        List<String> lines = GithubAnnotation.withinLimits(many, "see the summary");
        assertEquals(12, lines.size());
        assertTrue(lines.get(0).startsWith("::warning "), lines.get(0));
        assertEquals("servicedocs: 1 notice is not annotated (GitHub shows at most 10 of each level per step); "
                + "see the summary.", lines.get(11));
    }
}
