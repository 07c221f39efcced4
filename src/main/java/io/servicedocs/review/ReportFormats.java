package io.servicedocs.review;

import io.servicedocs.assess.PhaseFit;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.ReviewPolicy.Outcome;
import io.servicedocs.review.ReviewReport.PhaseChange;
import io.servicedocs.review.ReviewReport.PhaseChangeKind;
import io.servicedocs.review.ReviewReport.Place;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

    /**
     * GitHub annotations, each problem once and most important first, within GitHub's limit per
     * step ({@link GithubAnnotation#withinLimits}): errors (failed promotions, then the head's
     * validation errors of this change, with the review's blocking findings), warnings (demotions,
     * lowered levels, raised requirements that products no longer meet, findings that need
     * attention, then validation warnings), notices (promotions and retirements that pass).
     * Problems of files the pull request does not change are not annotated: the comment counts them.
     * A validation problem at the very place of a phase change is told in that change's
     * annotation rather than in one of its own. When some are left out, a closing plain line
     * counts them; review.json lists them all.
     */
    private static final Set<ReviewReport.FindingKind> OWN_ANNOTATION = java.util.EnumSet.of(
            ReviewReport.FindingKind.PROMOTION_STALE_ASSESSMENT, ReviewReport.FindingKind.PROMOTION_LEVEL_WITHOUT_EVIDENCE,
            ReviewReport.FindingKind.WAIVER_EXPIRING, ReviewReport.FindingKind.LEVEL_WITHOUT_EVIDENCE);

    public static List<String> github(ReviewReport r, UnaryOperator<String> displayPath) {
        List<GithubAnnotation> failedPromotions = new ArrayList<>();
        List<GithubAnnotation> reviewWarnings = new ArrayList<>();
        List<GithubAnnotation> notices = new ArrayList<>();
        Set<Diagnostic> told = new HashSet<>();
        // what the policy makes of a failed promotion decides its annotation's level
        String failed = r.findings().stream().filter(f -> f.kind() == ReviewReport.FindingKind.PROMOTION_NOT_MET)
                .findFirst().map(f -> level(f.outcome())).orElse("error");
        for (PhaseChange c : r.phaseChanges()) {
            String level = c.passes() ? (c.kind() == PhaseChangeKind.DEMOTION ? "warning" : "notice") : failed;
            StringBuilder message = new StringBuilder(c.kind() == PhaseChangeKind.DEMOTION
                    ? c.product() + " is demoted from " + c.from() + " to " + c.to()
                    : c.product() + " " + withoutMark(verdict(c, UnaryOperator.identity())) + (c.skipped().isEmpty() ? ""
                    : "; skips " + String.join(", ", c.skipped())) + gapsText(c.fit().orElseThrow()));
            for (Diagnostic d : r.headDiagnostics()) {
                if (d.file().equals(c.place().file()) && d.line() == c.place().position().line()
                        && d.column() == c.place().position().column() && told.add(d)) {
                    message.append("; ").append(d.message()).append(" [").append(d.rule()).append(']');
                    if (d.isError() || level.equals("notice")) {
                        level = d.isError() ? "error" : "warning";
                    }
                }
            }
            GithubAnnotation a = annotation(level, c.place(), "servicedocs " + lower(c.kind().name()), message.toString(),
                    displayPath);
            (c.passes() ? (level.equals("notice") ? notices : reviewWarnings) : failedPromotions).add(a);
        }
        // only a real decrease: n/a <-> level 0 and 0 -> n/a change the answer, not the level
        r.levelChanges().stream().filter(l -> l.isDecrease()).forEach(l -> reviewWarnings.add(annotation("warning",
                l.place(), "servicedocs level lowered", l.product() + ": " + l.item() + " lowered from " + l.fromLabel(r.names())
                        + " to " + l.toLabel(r.names()), displayPath)));
        r.raisedRequirements().stream().filter(q -> !q.productsNoLongerMeeting().isEmpty()).forEach(q -> reviewWarnings.add(
                annotation("warning", q.place(), "servicedocs requirement raised", q.item() + " in " + q.phase()
                        + (q.tier().isEmpty() ? "" : " (" + q.tier() + ")") + " raised from "
                        + r.names().requiredLevel(q.item(), q.from()) + " to " + r.names().requiredLevel(q.item(), q.to())
                        + "; no longer met by " + String.join(", ", q.productsNoLongerMeeting()), displayPath)));
        List<GithubAnnotation> all = new ArrayList<>(failedPromotions);
        // the review's own findings that no other annotation tells: stale assessments, levels
        // without evidence, expiring waivers (failed promotions, errors and raised requirements have theirs)
        Set<Place> findingPlaces = new HashSet<>();
        for (ReviewReport.Finding f : r.findings()) {
            if (f.outcome() == Outcome.IGNORED || f.place().isEmpty() || !OWN_ANNOTATION.contains(f.kind())) {
                continue;
            }
            GithubAnnotation a = annotation(level(f.outcome()), f.place().get(),
                    "servicedocs " + f.kind().key().replace('_', '-'), f.subject() + ": " + f.message(), displayPath);
            (f.outcome() == Outcome.BLOCKED ? all : reviewWarnings).add(a);
            findingPlaces.add(f.place().get());
        }
        // the validation warning of the very same thing (level-without-evidence, assessment-stale)
        // is told by the finding's annotation: each problem once
        r.changeDiagnostics().stream().filter(d -> !d.isError()
                && findingPlaces.contains(new Place(d.file(), new io.servicedocs.model.Position(d.line(), d.column()))))
                .forEach(told::add);
        List<GithubAnnotation> validationWarnings = new ArrayList<>();
        // the problems of this change; those of files it does not change are counted in the comment
        for (Diagnostic d : r.changeDiagnostics()) {
            if (!told.contains(d)) {
                GithubAnnotation a = new GithubAnnotation(d.isError() ? "error" : "warning", displayPath.apply(d.file()),
                        d.line(), d.column(), "servicedocs " + d.rule(), d.message());
                (d.isError() ? all : validationWarnings).add(a);
            }
        }
        all.addAll(reviewWarnings);
        all.addAll(validationWarnings);
        all.addAll(notices);
        // withinLimits sorts by level only, keeping this order within each level
        return GithubAnnotation.withinLimits(all, "review.json in the run's pr-review artifact lists all of them");
    }

    /** "❌ does not meet ga (…)" without its mark ("⚠️" is two chars, "❌" one). */
    private static String withoutMark(String verdict) {
        return verdict.substring(verdict.indexOf(' ') + 1);
    }

    private static String gapsText(PhaseFit fit) {
        List<String> gaps = new ArrayList<>();
        fit.gaps().forEach(i -> gaps.add(i.item().id() + " " + i.gapText()));
        fit.failedChecks().forEach(c -> gaps.add(c.check().id()));
        return gaps.isEmpty() ? "" : "; unmet: " + String.join(", ", gaps);
    }

    private static String level(Outcome outcome) {
        return switch (outcome) {
            case BLOCKED -> "error";
            case NEEDS_ATTENTION -> "warning";
            case IGNORED -> "notice";
        };
    }

    private static GithubAnnotation annotation(String level, Place place, String title, String message,
                                               UnaryOperator<String> displayPath) {
        return new GithubAnnotation(level, displayPath.apply(place.file()), place.position().line(), place.position().column(),
                title, message);
    }

    public static String json(ReviewReport r) {
        ReviewNames names = r.names();
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
            change.put("product_name", names.productName(c.product()).orElse(null));
            change.put("from", c.from().isEmpty() ? null : c.from());
            change.put("to", c.to());
            change.put("kind", lower(c.kind().name()));
            change.put("skipped", c.skipped());
            change.put("passes", c.passes());
            c.fit().ifPresent(fit -> {
                change.put("requirements", fit.requirements());
                change.put("satisfied", fit.satisfied());
                change.put("waived", fit.waived());
                change.put("unmet_items", fit.gaps().stream().map(i -> fields("item", i.item().id(), "level", i.level(),
                        "required", i.required())).toList());
                change.put("unmet_checks", fit.failedChecks().stream().map(k -> k.check().id()).toList());
                change.put("waived_items", fit.items().stream().filter(i -> i.waiver().isPresent())
                        .map(i -> fields("item", i.item().id(), "expires", i.waiver().get().expires().toString())).toList());
                change.put("waived_checks", fit.checks().stream().filter(k -> k.waiver().isPresent())
                        .map(k -> fields("check", k.check().id(), "expires", k.waiver().get().expires().toString())).toList());
            });
            return change;
        }).toList());
        m.put("level_changes", r.levelChanges().stream().map(l -> {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("product", l.product());
            change.put("product_name", names.productName(l.product()).orElse(null));
            change.put("item", l.item());
            change.put("item_title", names.itemTitle(l.item()).orElse(null));
            change.put("from", l.from());
            change.put("to", l.to());
            change.put("from_not_applicable", l.fromNotApplicable());
            change.put("to_not_applicable", l.toNotApplicable());
            return change;
        }).toList());
        m.put("check_changes", r.checkChanges().stream().map(c -> {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("product", c.product());
            change.put("product_name", names.productName(c.product()).orElse(null));
            change.put("check", c.check());
            change.put("check_title", names.checkTitle(c.check()).orElse(null));
            change.put("from", c.from().map(a -> lower(a.name())).orElse(null));
            change.put("to", c.to().map(a -> lower(a.name())).orElse(null));
            return change;
        }).toList());
        m.put("products_added", r.productsAdded());
        m.put("products_removed", r.productsRemoved());
        m.put("products_not_compared", r.productsNotCompared());
        m.put("product_files_changed", r.filesChanged().stream()
                .map(f -> fields("product", f.product(), "files", f.files())).toList());
        m.put("product_names", productNames(r));
        m.put("waiver_changes", r.waiverChanges().stream().map(w -> {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("product", w.product());
            change.put("product_name", names.productName(w.product()).orElse(null));
            change.put("kind", lower(w.kind().name()));
            // one of item (assessment.yaml) and check (security.yaml); the other is null
            String subject = w.waiver().subject();
            change.put("item", w.ofCheck() ? null : subject);
            change.put("item_title", w.ofCheck() ? null : names.itemTitle(subject).orElse(null));
            change.put("check", w.ofCheck() ? subject : null);
            change.put("check_title", w.ofCheck() ? names.checkTitle(subject).orElse(null) : null);
            change.put("phase", w.waiver().phase());
            change.put("expires", w.waiver().expires().toString());
            return change;
        }).toList());
        m.put("raised_requirements", r.raisedRequirements().stream().map(q -> fields("item", q.item(), "phase", q.phase(),
                "tier", q.tier(), "from", q.from(), "to", q.to(), "products_no_longer_meeting", q.productsNoLongerMeeting()))
                .toList());
        m.put("campaign_goals_completed", r.campaignGoalsCompleted().stream().map(g -> fields("campaign", g.campaign(),
                "campaign_title", g.campaignTitle(), "product", g.product(), "goal", g.goal(),
                "product_done", g.productDone())).toList());
        m.put("cost_changes", r.costs().settingChanges().stream().map(c -> fields("subject", c.subject(),
                "description", c.description(), "file", c.place().file(), "line", c.place().position().line())).toList());
        m.put("cost_not_compared", r.costs().notCompared().orElse(null));
        m.put("cost_impact", r.costs().impact().map(i -> fields("month", i.month().toString(), "currency", i.currency(),
                "products", i.products().stream().map(p -> fields("product", p.product(),
                        "before", p.before().amount().toPlainString(), "after", p.after().amount().toPlainString(),
                        "change", p.difference().toPlainString())).toList(),
                "finance_not_reported_at_base", i.financeNotReportedAtBase())).orElse(null));
        m.put("head_diagnostics", r.headDiagnostics().stream().map(d -> fields("severity", d.isError() ? "error" : "warning",
                "file", d.file(), "line", d.line(), "column", d.column(), "rule", d.rule(), "message", d.message())).toList());
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(m) + "\n";
    }

    /** The name of every product the report mentions, by id: the lists of ids (products added...) have no room for one. */
    private static Map<String, String> productNames(ReviewReport r) {
        java.util.Set<String> ids = new java.util.TreeSet<>(r.productsChanged());
        r.raisedRequirements().forEach(q -> ids.addAll(q.productsNoLongerMeeting()));
        r.costs().impact().ifPresent(i -> i.products().forEach(p -> ids.add(p.product())));
        r.costs().impact().ifPresent(i -> ids.addAll(i.financeNotReportedAtBase()));
        Map<String, String> names = new java.util.TreeMap<>();
        ids.forEach(id -> r.names().productName(id).ifPresent(name -> names.put(id, name)));
        return names;
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * A JSON object's fields in the order given: review.json is read by people and diffed by
     * scripts, so the same report must print the same bytes ({@code Map.of} has no order).
     */
    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
