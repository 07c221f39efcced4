package io.servicedocs.review;

import io.servicedocs.assess.PhaseFit;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.review.ReviewReport.PhaseChange;
import io.servicedocs.review.ReviewReport.PhaseChangeKind;
import io.servicedocs.review.ReviewReport.Place;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The review report for people (markdown, for the PR comment and job summary), for GitHub annotations, as JSON. */
public final class ReportFormats {

    /** Marks the pull-request comment, so that the workflow updates it instead of adding one per push. */
    public static final String COMMENT_MARKER = "<!-- servicedocs-review -->";

    private ReportFormats() {
    }

    /**
     * The report in markdown, for the pull-request comment: within {@link MarkdownComment#BUDGET}
     * characters, below GitHub's limit for a comment. Repository text goes through {@link MarkdownText}.
     */
    public static String markdown(ReviewReport r) {
        return MarkdownComment.render(r, MarkdownComment.BUDGET);
    }

    /** The markdown within {@code budget} characters; what does not fit is counted in a closing line. */
    public static String markdown(ReviewReport r, int budget) {
        return MarkdownComment.render(r, budget);
    }

    /** The verdict of a phase change, with the repository's phase id through {@code escape}. */
    static String verdict(PhaseChange c, UnaryOperator<String> escape) {
        if (c.kind() == PhaseChangeKind.DEMOTION) {
            return "demotion";
        }
        PhaseFit fit = c.fit().orElseThrow();
        String counts = fit.satisfied() + "/" + fit.requirements() + " requirements" + (fit.waived() > 0
                ? ", " + fit.waived() + " waived" : "");
        return (fit.meets() ? "✅ meets " : c.kind() == PhaseChangeKind.PROMOTION ? "❌ does not meet " : "⚠️ does not meet ")
                + escape.apply(c.to()) + " (" + counts + ")";
    }

    /** GitHub annotations: head problems, failed and passed promotions, lowered levels, raised requirements. */
    public static List<String> github(ReviewReport r, UnaryOperator<String> displayPath) {
        List<String> lines = new ArrayList<>();
        for (Diagnostic d : r.headDiagnostics()) {
            lines.add(new GithubAnnotation(d.isError() ? "error" : "warning", displayPath.apply(d.file()), d.line(),
                    d.column(), "servicedocs " + d.rule(), d.message()).toString());
        }
        for (PhaseChange c : r.phaseChanges()) {
            String level = c.passes() ? (c.kind() == PhaseChangeKind.DEMOTION ? "warning" : "notice") : "error";
            String message = c.kind() == PhaseChangeKind.DEMOTION ? c.product() + " is demoted from " + c.from() + " to " + c.to()
                    : c.product() + " " + verdict(c, UnaryOperator.identity()).substring(2) + (c.skipped().isEmpty() ? "" : "; skips " + String.join(", ", c.skipped()))
                    + gapsText(c.fit().orElseThrow());
            lines.add(annotation(level, c.place(), "servicedocs " + lower(c.kind().name()), message, displayPath));
        }
        r.levelChanges().stream().filter(l -> !l.isIncrease()).forEach(l -> lines.add(annotation("warning", l.place(),
                "servicedocs level lowered", l.product() + ": " + l.item() + " lowered from " + l.from() + " to " + l.to(), displayPath)));
        r.raisedRequirements().stream().filter(q -> !q.productsNoLongerMeeting().isEmpty()).forEach(q -> lines.add(annotation(
                "warning", q.place(), "servicedocs requirement raised", q.item() + " in " + q.phase()
                        + (q.tier().isEmpty() ? "" : " (" + q.tier() + ")") + " raised from " + q.from() + " to " + q.to()
                        + "; no longer met by " + String.join(", ", q.productsNoLongerMeeting()), displayPath)));
        return lines;
    }

    private static String gapsText(PhaseFit fit) {
        List<String> gaps = new ArrayList<>();
        fit.gaps().forEach(i -> gaps.add(i.item().id() + " " + i.level() + "/" + i.required()));
        fit.failedChecks().forEach(c -> gaps.add(c.check().id()));
        return gaps.isEmpty() ? "" : "; unmet: " + String.join(", ", gaps);
    }

    private static String annotation(String level, Place place, String title, String message, UnaryOperator<String> displayPath) {
        return new GithubAnnotation(level, displayPath.apply(place.file()), place.position().line(), place.position().column(),
                title, message).toString();
    }

    public static String json(ReviewReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("base", r.base());
        m.put("head", r.head());
        m.put("blocks", r.blocks());
        m.put("verdict", lower(r.verdict().name()));
        m.put("findings", r.findings().stream().map(f -> {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("kind", f.kind().key());
            finding.put("outcome", lower(f.outcome().name()));
            finding.put("subject", f.subject());
            finding.put("message", f.message());
            finding.put("file", f.place().map(Place::file).orElse(null));
            finding.put("line", f.place().map(p -> p.position().line()).orElse(null));
            return finding;
        }).toList());
        m.put("phase_changes", r.phaseChanges().stream().map(c -> {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("product", c.product());
            change.put("from", c.from().isEmpty() ? null : c.from());
            change.put("to", c.to());
            change.put("kind", lower(c.kind().name()));
            change.put("skipped", c.skipped());
            change.put("passes", c.passes());
            c.fit().ifPresent(fit -> {
                change.put("requirements", fit.requirements());
                change.put("satisfied", fit.satisfied());
                change.put("waived", fit.waived());
                change.put("unmet_items", fit.gaps().stream().map(i -> Map.of("item", i.item().id(), "level", i.level(),
                        "required", i.required())).toList());
                change.put("unmet_checks", fit.failedChecks().stream().map(k -> k.check().id()).toList());
            });
            return change;
        }).toList());
        m.put("level_changes", r.levelChanges().stream().map(l -> Map.of("product", l.product(), "item", l.item(),
                "from", l.from(), "to", l.to())).toList());
        m.put("check_changes", r.checkChanges().stream().map(c -> {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("product", c.product());
            change.put("check", c.check());
            change.put("from", c.from().map(a -> lower(a.name())).orElse(null));
            change.put("to", c.to().map(a -> lower(a.name())).orElse(null));
            return change;
        }).toList());
        m.put("products_added", r.productsAdded());
        m.put("products_removed", r.productsRemoved());
        m.put("products_not_compared", r.productsNotCompared());
        m.put("waiver_changes", r.waiverChanges().stream().map(w -> Map.of("product", w.product(), "kind",
                lower(w.kind().name()), "item", w.waiver().item(), "phase", w.waiver().phase(), "expires",
                w.waiver().expires().toString())).toList());
        m.put("raised_requirements", r.raisedRequirements().stream().map(q -> Map.of("item", q.item(), "phase", q.phase(),
                "tier", q.tier(), "from", q.from(), "to", q.to(), "products_no_longer_meeting", q.productsNoLongerMeeting()))
                .toList());
        m.put("cost_changes", r.costs().settingChanges().stream().map(c -> Map.of("subject", c.subject(),
                "description", c.description(), "file", c.place().file(), "line", c.place().position().line())).toList());
        m.put("cost_not_compared", r.costs().notCompared().orElse(null));
        m.put("cost_impact", r.costs().impact().map(i -> Map.of("month", i.month().toString(), "currency", i.currency(),
                "products", i.products().stream().map(p -> Map.of("product", p.product(),
                        "before", p.before().amount().toPlainString(), "after", p.after().amount().toPlainString(),
                        "change", p.difference().toPlainString())).toList())).orElse(null));
        m.put("head_diagnostics", r.headDiagnostics().stream().map(d -> Map.of("severity", d.isError() ? "error" : "warning",
                "file", d.file(), "line", d.line(), "column", d.column(), "rule", d.rule(), "message", d.message())).toList());
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(m) + "\n";
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
