package io.servicedocs.review;

import io.servicedocs.assess.CheckResult;
import io.servicedocs.assess.ItemResult;
import io.servicedocs.assess.ItemStatus;
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
     * The report in markdown. Every value that comes from the repository or the command line
     * (ids, names, reasons, messages, file names, refs) goes through {@link MarkdownText}, so that
     * it shows as the text it is and adds no markup, link or mention.
     */
    public static String markdown(ReviewReport r) {
        StringBuilder md = new StringBuilder(COMMENT_MARKER).append('\n');
        md.append("## servicedocs review: ").append(code(r.base())).append(" → ").append(code(r.head())).append("\n\n");
        if (r.blocks()) {
            List<String> why = new ArrayList<>();
            if (!r.failedPromotions().isEmpty()) {
                why.add(r.failedPromotions().size() + " promotion(s) do not meet their new phase");
            }
            if (r.headInvalid()) {
                why.add(r.headDiagnostics().stream().filter(Diagnostic::isError).count() + " validation error(s)");
            }
            md.append("**❌ Blocked:** ").append(String.join("; ", why)).append(".\n\n");
        } else {
            md.append("**✅ No blocking problem.**").append(r.phaseChanges().isEmpty() ? "" : " Every promotion meets its new phase.")
                    .append("\n\n");
        }
        if (!r.phaseChanges().isEmpty()) {
            md.append("### Phase changes\n\n| Product | Change | Verdict |\n|---|---|---|\n");
            for (PhaseChange c : r.phaseChanges()) {
                md.append("| ").append(code(c.product())).append(" | ").append(c.from().isEmpty() ? "new" : text(c.from()))
                        .append(" → ").append(text(c.to())).append(" (").append(lower(c.kind().name()))
                        .append(c.skipped().isEmpty() ? "" : ", skips " + texts(c.skipped(), ", ")).append(") | ")
                        .append(verdict(c, MarkdownText::text)).append(" |\n");
            }
            md.append('\n');
            for (PhaseChange c : r.phaseChanges()) {
                c.fit().ifPresent(fit -> requirements(md, c, fit));
            }
        }
        if (!r.levelChanges().isEmpty()) {
            md.append("### Level changes\n\n| Product | Item | Level |\n|---|---|---|\n");
            r.levelChanges().forEach(l -> md.append("| ").append(code(l.product())).append(" | ").append(text(l.item())).append(" | ")
                    .append(l.from()).append(" → ").append(l.to()).append(l.isIncrease() ? " ⬆" : " ⬇").append(" |\n"));
            md.append('\n');
        }
        if (!r.checkChanges().isEmpty()) {
            md.append("### Security checklist changes\n\n| Product | Check | Answer |\n|---|---|---|\n");
            r.checkChanges().forEach(c -> md.append("| ").append(code(c.product())).append(" | ").append(text(c.check())).append(" | ")
                    .append(c.from().map(a -> lower(a.name())).orElse("none")).append(" → ")
                    .append(c.to().map(a -> lower(a.name())).orElse("none")).append(" |\n"));
            md.append('\n');
        }
        if (!r.productsAdded().isEmpty() || !r.productsRemoved().isEmpty() || !r.productsNotCompared().isEmpty()) {
            md.append("### Products\n\n");
            r.productsAdded().forEach(p -> md.append("- added: ").append(code(p)).append("\n"));
            r.productsRemoved().forEach(p -> md.append("- removed: ").append(code(p)).append("\n"));
            r.productsNotCompared().forEach(p -> md.append("- not compared (a file did not load at the base or the head): ")
                    .append(code(p)).append("\n"));
            md.append('\n');
        }
        if (!r.waiverChanges().isEmpty()) {
            md.append("### Waivers\n\n| Product | Change | Requirement | Expires | Reason |\n|---|---|---|---|---|\n");
            r.waiverChanges().forEach(w -> md.append("| ").append(code(w.product())).append(" | ").append(lower(w.kind().name()))
                    .append(" | ").append(text(w.waiver().item())).append(" in ").append(text(w.waiver().phase())).append(" | ")
                    .append(w.waiver().expires()).append(" | ").append(text(w.waiver().reason())).append(" |\n"));
            md.append('\n');
        }
        if (!r.raisedRequirements().isEmpty()) {
            md.append("### Standard changes\n\n| Requirement raised | Level | Products that no longer meet their phase |\n|---|---|---|\n");
            r.raisedRequirements().forEach(q -> md.append("| ").append(text(q.item())).append(" in ").append(text(q.phase()))
                    .append(q.tier().isEmpty() ? "" : " (" + text(q.tier()) + ")").append(" | ").append(q.from()).append(" → ")
                    .append(q.to()).append(" | ").append(q.productsNoLongerMeeting().isEmpty() ? "none"
                            : q.productsNoLongerMeeting().stream().map(MarkdownText::code).collect(Collectors.joining(", ")))
                    .append(" |\n"));
            md.append('\n');
        }
        if (!r.costs().isEmpty()) {
            costs(md, r.costs());
        }
        if (!r.headDiagnostics().isEmpty()) {
            md.append("### Validation at head\n\n");
            r.headDiagnostics().forEach(d -> md.append("- ").append(d.isError() ? "❌" : "⚠️").append(' ')
                    .append(code(d.file() + ":" + d.line() + ":" + d.column())).append(' ').append(text(d.message()))
                    .append(" [").append(text(d.rule())).append("]\n"));
            md.append('\n');
        }
        if (r.phaseChanges().isEmpty() && r.levelChanges().isEmpty() && r.checkChanges().isEmpty()
                && r.productsAdded().isEmpty() && r.productsRemoved().isEmpty() && r.productsNotCompared().isEmpty()
                && r.waiverChanges().isEmpty()
                && r.raisedRequirements().isEmpty() && r.costs().isEmpty()) {
            md.append("No change to phases, levels, security answers, waivers, requirements or cost allocation.\n");
        }
        return md.toString();
    }

    private static void costs(StringBuilder md, ReviewReport.CostReview costs) {
        md.append("### Cost allocation\n\n");
        costs.notCompared().ifPresent(why -> md.append("⚠️ ").append(text(why)).append("\n\n"));
        costs.settingChanges().forEach(c -> md.append("- ").append(text(c.subject())).append(": ").append(text(c.description()))
                .append(" (").append(code(c.place().file() + ":" + c.place().position().line())).append(")\n"));
        if (!costs.settingChanges().isEmpty()) {
            md.append('\n');
        }
        costs.impact().filter(i -> !i.products().isEmpty()).ifPresent(impact -> {
            md.append("Operating cost in ").append(impact.month()).append(" (the latest final month), ")
                    .append(text(impact.currency())).append(":\n\n| Product | Before | After | Change |\n|---|---:|---:|---:|\n");
            impact.products().forEach(p -> md.append("| ").append(code(p.product())).append(" | ")
                    .append(p.before().amount().toPlainString()).append(" | ").append(p.after().amount().toPlainString())
                    .append(" | ").append(p.difference().signum() > 0 ? "+" : "").append(p.difference().toPlainString())
                    .append(" |\n"));
            md.append('\n');
        });
    }

    /** The verdict of a phase change, with the repository's phase id through {@code escape}. */
    private static String verdict(PhaseChange c, UnaryOperator<String> escape) {
        if (c.kind() == PhaseChangeKind.DEMOTION) {
            return "demotion";
        }
        PhaseFit fit = c.fit().orElseThrow();
        String counts = fit.satisfied() + "/" + fit.requirements() + " requirements" + (fit.waived() > 0
                ? ", " + fit.waived() + " waived" : "");
        return (fit.meets() ? "✅ meets " : c.kind() == PhaseChangeKind.PROMOTION ? "❌ does not meet " : "⚠️ does not meet ")
                + escape.apply(c.to()) + " (" + counts + ")";
    }

    private static void requirements(StringBuilder md, PhaseChange c, PhaseFit fit) {
        md.append("<details").append(fit.meets() ? "" : " open").append("><summary><code>").append(html(c.product()))
                .append("</code> against ").append(html(c.to())).append(": ").append(fit.satisfied()).append('/')
                .append(fit.requirements()).append(" requirements met</summary>\n\n")
                .append("| Requirement | Required | Reached | Status |\n|---|---|---|---|\n");
        List<String> rows = new ArrayList<>();
        for (ItemResult i : fit.items()) {
            if (i.isRequirement()) {
                String status = switch (i.status()) {
                    case MISSES -> "❌ unmet";
                    case WAIVED -> "🟡 waived until " + i.waiver().orElseThrow().expires() + ": " + text(i.waiver().get().reason());
                    default -> "✅ met";
                };
                rows.add((i.status() == ItemStatus.MISSES ? "0" : "1") + "| " + text(i.item().title()) + " | " + i.required()
                        + " | " + i.level() + " | " + status + " |\n");
            }
        }
        for (CheckResult check : fit.checks()) {
            if (check.required()) {
                boolean met = check.status().satisfied();
                rows.add((met ? "1" : "0") + "| " + text(check.check().title()) + " (security) | yes | "
                        + check.answer().map(a -> lower(a.name())).orElse("none") + " | " + (met ? "✅ met" : "❌ unmet") + " |\n");
            }
        }
        rows.stream().sorted().forEach(row -> md.append(row.substring(1)));
        md.append("\n</details>\n\n");
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

    private static String text(String value) {
        return MarkdownText.text(value);
    }

    private static String code(String value) {
        return MarkdownText.code(value);
    }

    private static String html(String value) {
        return MarkdownText.html(value);
    }

    private static String texts(List<String> values, String separator) {
        return values.stream().map(MarkdownText::text).collect(Collectors.joining(separator));
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
