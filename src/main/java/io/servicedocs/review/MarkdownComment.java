package io.servicedocs.review;

import io.servicedocs.assess.CheckResult;
import io.servicedocs.assess.ItemResult;
import io.servicedocs.assess.PhaseFit;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.ReviewPolicy.Outcome;
import io.servicedocs.review.ReviewReport.Finding;
import io.servicedocs.review.ReviewReport.FindingKind;
import io.servicedocs.review.ReviewReport.PhaseChange;
import io.servicedocs.review.ReviewReport.PhaseChangeKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The review as one pull-request comment: the verdict, a short summary table, then one collapsed
 * {@code <details>} block per section, most important first. GitHub refuses a comment longer than
 * 65,536 characters, so the comment is written to a budget: whole rows and blocks only (never half
 * a table row, a {@code <details>} block or an escaped text), and once one does not fit, the rest
 * is left out and a closing line counts what was left out per section.
 *
 * <p>Every value that comes from the repository or the command line goes through {@link MarkdownText}.
 * Products, items and checks are shown by name beside their id ({@link ReviewNames}); the only
 * links of the comment are servicedocs' own, to their pages on the published site: the base's
 * {@code base_url} rebuilt from safe parts, plus a percent-encoded id.
 */
final class MarkdownComment {

    /** Below GitHub's 65,536, with room for the workflow's own framing. */
    static final int BUDGET = 60_000;

    /** Room kept for the closing line that says what was left out (section names and counts only). */
    private static final int NOTE_ROOM = 1_000;

    private static final String CLOSING = "</details>\n\n";

    private MarkdownComment() {
    }

    /** Rows or bullets under a fixed head (a table's header, or a sentence), each emitted whole or not at all. */
    private record Part(String head, List<String> items, String tail) {

        int count() {
            return Math.max(1, items.size());
        }
    }

    /** One collapsed section; {@code name} is how the closing line counts what it left out ("level changes"). */
    private record Section(String title, String name, boolean open, List<Part> parts) {

        String opening() {
            return "<details" + (open ? " open" : "") + "><summary>" + title + "</summary>\n\n";
        }
    }

    static String render(ReviewReport r, int budget) {
        StringBuilder md = new StringBuilder(ReportFormats.COMMENT_MARKER).append('\n');
        md.append("## servicedocs review: ").append(code(r.base())).append(" → ").append(code(r.head())).append("\n\n");
        md.append(verdict(r)).append("\n\n");
        md.append(summaryTable(r));
        md.append(untouched(r));
        List<Section> sections = sections(r);
        if (sections.isEmpty()) {
            md.append("No change to phases, levels, security answers, waivers, requirements or cost allocation.\n");
            return md.toString();
        }
        Map<String, Integer> leftOut = new LinkedHashMap<>();
        boolean cut = false;
        for (Section s : sections) {
            if (!cut) {
                cut = !emit(md, s, budget - NOTE_ROOM, leftOut);
            } else {
                leftOut.merge(s.name(), s.parts().stream().mapToInt(Part::count).sum(), Integer::sum);
            }
        }
        if (!leftOut.isEmpty()) {
            md.append("**✂️ Left out to stay within GitHub's comment limit:** ")
                    .append(leftOut.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                            .collect(Collectors.joining(", ")))
                    .append(". The full report, never cut: `review.json` in this run's `pr-review` artifact, or "
                            + "`servicedocs review --base REF --format json`.\n");
        }
        return md.toString();
    }

    /** Emits as much of {@code s} as fits in {@code limit}; false when something of it was left out. */
    private static boolean emit(StringBuilder md, Section s, int limit, Map<String, Integer> leftOut) {
        int start = md.length();
        md.append(s.opening());
        int emitted = 0;
        boolean cut = false;
        for (Part p : s.parts()) {
            int first = p.items().isEmpty() ? 0 : p.items().get(0).length();
            if (cut || md.length() + p.head().length() + first + p.tail().length() + CLOSING.length() > limit) {
                cut = true;
                leftOut.merge(s.name(), p.count(), Integer::sum);
                continue;
            }
            md.append(p.head());
            for (String item : p.items()) {
                if (cut || md.length() + item.length() + p.tail().length() + CLOSING.length() > limit) {
                    cut = true;
                    leftOut.merge(s.name(), 1, Integer::sum);
                } else {
                    md.append(item);
                }
            }
            md.append(p.tail());
            emitted++;
        }
        if (emitted == 0) {
            md.setLength(start);
        } else {
            md.append(CLOSING);
        }
        return !cut;
    }

    /** The first line: the verdict, and the reasons for it counted per kind (the findings list them). */
    private static String verdict(ReviewReport r) {
        return switch (r.verdict()) {
            case BLOCKED -> "**❌ Blocked:** " + reasons(r.findings(Outcome.BLOCKED)) + "."
                    + (r.findings(Outcome.NEEDS_ATTENTION).isEmpty() ? ""
                    : " Also needs attention: " + reasons(r.findings(Outcome.NEEDS_ATTENTION)) + ".");
            case NEEDS_ATTENTION -> "**⚠️ Needs attention:** " + reasons(r.findings(Outcome.NEEDS_ATTENTION)) + ".";
            case CLEAR -> "**✅ Clear.**";
        };
    }

    private static String reasons(List<Finding> findings) {
        Map<FindingKind, List<Finding>> byKind = new java.util.EnumMap<>(FindingKind.class);
        findings.forEach(f -> byKind.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f));
        return byKind.entrySet().stream().map(e -> reason(e.getKey(), e.getValue())).collect(Collectors.joining("; "));
    }

    /** A counted reason; counts only, so the line stays short whatever the repository holds. */
    private static String reason(FindingKind kind, List<Finding> findings) {
        int n = findings.size();
        return switch (kind) {
            case PROMOTION_NOT_MET -> n + " promotion(s) do not meet their new phase";
            case PROMOTION_STALE_ASSESSMENT -> n + " promotion(s) with an assessment older than the review interval";
            case PROMOTION_LEVEL_WITHOUT_EVIDENCE -> n + " level(s) of promoted products without evidence";
            case ERRORS_IN_CHANGED_FILES -> n + " validation error(s) in files this pull request changes"
                    + (findings.stream().anyMatch(f -> f.message().endsWith(ReviewFindings.UNCHANGED_FILE))
                    ? " or that it causes elsewhere" : "");
            case ERRORS_ELSEWHERE -> n + " validation error(s) in files this pull request does not change";
            case PRODUCTS_BELOW_PHASE -> findings.stream().map(Finding::subject).distinct().count()
                    + " product(s) below their phase after the standard change";
            case WAIVER_EXPIRING -> n + " waiver(s) expiring soon";
            case LEVEL_WITHOUT_EVIDENCE -> n + " raised level(s) without evidence";
        };
    }

    /** Counts only: no repository text, so the table is small for any pull request. */
    private static String summaryTable(ReviewReport r) {
        long promotions = r.phaseChanges().stream().filter(c -> c.kind() == PhaseChangeKind.PROMOTION).count();
        long failed = r.failedPromotions().size();
        long errors = r.headDiagnostics().stream().filter(Diagnostic::isError).count();
        long warnings = r.headDiagnostics().size() - errors;
        return "| Review | |\n|---|---|\n"
                + "| Products changed | " + r.productsChanged().size() + " |\n"
                + "| Promotions | ✅ " + (promotions - failed) + " met · ❌ " + failed + " not met |\n"
                + "| Problems at head | ❌ " + errors + " error(s) · ⚠️ " + warnings + " warning(s) |\n\n";
    }

    /**
     * The comment is about this pull request: problems in files it does not change, there before
     * it, are one line with their counts (never cut: it is above the sections).
     */
    private static String untouched(ReviewReport r) {
        if (r.untouchedDiagnostics().isEmpty()) {
            return "";
        }
        long errors = r.untouchedDiagnostics().stream().filter(Diagnostic::isError).count();
        return errors + " error(s) and " + (r.untouchedDiagnostics().size() - errors) + " warning(s) in files this "
                + "pull request does not change (run `servicedocs validate` to see them)\n\n";
    }

    /**
     * What blocks and what needs attention, one bullet per finding. Errors elsewhere are the line
     * above; errors of this change are counted here and listed in the validation section.
     */
    private static Optional<Section> findings(ReviewReport r, Outcome outcome, String title, String name, String mark) {
        List<Finding> listed = r.findings(outcome).stream().filter(f -> f.kind() != FindingKind.ERRORS_ELSEWHERE)
                .toList();
        List<String> items = new ArrayList<>();
        List<Finding> errors = listed.stream().filter(f -> f.kind() == FindingKind.ERRORS_IN_CHANGED_FILES).toList();
        if (!errors.isEmpty()) {
            items.add("- " + mark + " " + reason(FindingKind.ERRORS_IN_CHANGED_FILES, errors)
                    + ": listed under *Validation at head*\n");
        }
        // every finding but validation errors concerns a product: shown with its name, linked when it can be
        listed.stream().filter(f -> f.kind() != FindingKind.ERRORS_IN_CHANGED_FILES).forEach(f -> items.add("- " + mark
                + " " + product(r.names(), f.subject()) + ": " + text(f.message()) + f.place().map(p -> " (" + code(p.file() + ":"
                + p.position().line()) + ")").orElse("") + " [" + f.kind().key() + "]\n"));
        long shown = r.findings(outcome).stream().filter(f -> f.kind() != FindingKind.ERRORS_ELSEWHERE).count();
        return items.isEmpty() ? Optional.empty()
                : Optional.of(new Section(title + " (" + shown + ")", name, true, List.of(bullets(items))));
    }

    /** The sections in the order a reviewer needs them: what blocks first, bookkeeping last. */
    private static List<Section> sections(ReviewReport r) {
        ReviewNames n = r.names();
        List<Section> s = new ArrayList<>();
        findings(r, Outcome.BLOCKED, "Blocking", "blocking findings", "❌").ifPresent(s::add);
        findings(r, Outcome.NEEDS_ATTENTION, "Needs attention", "findings that need attention", "⚠️").ifPresent(s::add);
        if (!r.phaseChanges().isEmpty()) {
            s.add(new Section("Phase changes (" + r.phaseChanges().size() + ")", "phase changes", true, List.of(table(
                    "| Product | Change | Verdict |\n|---|---|---|\n", r.phaseChanges().stream().map(c -> "| " + product(n, c.product())
                            + " | " + (c.from().isEmpty() ? "new" : text(c.from())) + " → " + text(c.to()) + " ("
                            + ReportFormats.lower(c.kind().name()) + (c.skipped().isEmpty() ? "" : ", skips "
                            + c.skipped().stream().map(MarkdownText::text).collect(Collectors.joining(", "))) + ") | "
                            + ReportFormats.verdict(c, MarkdownText::text) + " |\n").toList()))));
            List<Part> fits = r.phaseChanges().stream().filter(c -> c.fit().isPresent())
                    .map(c -> requirements(c, c.fit().get(), n)).toList();
            if (!fits.isEmpty()) {
                s.add(new Section("Requirements of the new phases (" + fits.size() + ")", "requirement lists",
                        !r.failedPromotions().isEmpty(), fits));
            }
        }
        if (!r.changeDiagnostics().isEmpty()) {
            s.add(new Section("Validation at head (" + r.changeDiagnostics().size() + ")", "validation problems",
                    r.changeDiagnostics().stream().anyMatch(Diagnostic::isError),
                    List.of(bullets(r.changeDiagnostics().stream().map(d -> "- " + (d.isError() ? "❌" : "⚠️")
                            + " " + code(d.file() + ":" + d.line() + ":" + d.column()) + " " + text(d.message()) + " ["
                            + text(d.rule()) + "]\n").toList()))));
        }
        if (!r.campaignGoalsCompleted().isEmpty()) {
            s.add(new Section("Campaign goals completed (" + r.campaignGoalsCompleted().size() + ")",
                    "campaign goals completed", true, List.of(table("| Campaign | Product | Goal |\n|---|---|---|\n",
                    r.campaignGoalsCompleted().stream().map(g -> "| " + text(g.campaignTitle()) + " | "
                            + product(n, g.product()) + " | " + text(g.goal())
                            + (g.productDone() ? " (every goal of the campaign met)" : "") + " |\n").toList()))));
        }
        if (!r.raisedRequirements().isEmpty()) {
            s.add(new Section("Standard changes (" + r.raisedRequirements().size() + ")", "raised requirements", false,
                    List.of(table("| Requirement raised | Level | Products that no longer meet their phase |\n|---|---|---|\n",
                            r.raisedRequirements().stream().map(q -> "| " + item(n, q.item()) + " in " + text(q.phase())
                                    + (q.tier().isEmpty() ? "" : " (" + text(q.tier()) + ")") + " | " + n.requiredLevel(q.item(), q.from())
                                    + " → " + n.requiredLevel(q.item(), q.to()) + " | " + (q.productsNoLongerMeeting().isEmpty() ? "none"
                                    : q.productsNoLongerMeeting().stream().map(p -> product(n, p))
                                    .collect(Collectors.joining(", "))) + " |\n").toList()))));
        }
        if (!r.waiverChanges().isEmpty()) {
            s.add(new Section("Waivers (" + r.waiverChanges().size() + ")", "waiver changes", false, List.of(table(
                    "| Product | Change | Requirement | Expires | Reason |\n|---|---|---|---|---|\n",
                    r.waiverChanges().stream().map(w -> "| " + product(n, w.product()) + " | "
                            + ReportFormats.lower(w.kind().name()) + " | " + (w.ofCheck()
                            ? check(n, w.waiver().subject()) + " (security)" : item(n, w.waiver().subject())) + " in "
                            + text(w.waiver().phase()) + " | " + w.waiver().expires() + " | " + text(w.waiver().reason())
                            + " |\n").toList()))));
        }
        if (!r.levelChanges().isEmpty()) {
            s.add(new Section("Level changes (" + r.levelChanges().size() + ")", "level changes", false, List.of(table(
                    "| Product | Item | Level |\n|---|---|---|\n", r.levelChanges().stream().map(l -> "| " + product(n, l.product())
                            + " | " + item(n, l.item()) + " | " + levelLabel(n, l.item(), l.from(), l.fromNotApplicable())
                            + " → " + levelLabel(n, l.item(), l.to(), l.toNotApplicable())
                            + (l.isIncrease() ? " ⬆" : l.isDecrease() ? " ⬇" : "")
                            + " |\n").toList()))));
        }
        if (!r.checkChanges().isEmpty()) {
            s.add(new Section("Security checklist changes (" + r.checkChanges().size() + ")", "security answer changes",
                    false, List.of(table("| Product | Check | Answer |\n|---|---|---|\n", r.checkChanges().stream()
                            .map(c -> "| " + product(n, c.product()) + " | " + check(n, c.check()) + " | "
                                    + c.from().map(a -> ReportFormats.lower(a.name())).orElse("none") + " → "
                                    + c.to().map(a -> ReportFormats.lower(a.name())).orElse("none") + " |\n").toList()))));
        }
        if (!r.costs().isEmpty()) {
            s.add(costs(r.costs(), n));
        }
        int products = r.productsAdded().size() + r.productsRemoved().size() + r.productsNotCompared().size();
        if (products > 0) {
            s.add(new Section("Products added or removed (" + products + ")", "products added or removed", false,
                    List.of(bullets(Stream.of(r.productsAdded().stream().map(p -> "- added: " + product(n, p) + "\n"),
                            r.productsRemoved().stream().map(p -> "- removed: " + product(n, p) + "\n"),
                            r.productsNotCompared().stream().map(p -> "- not compared (a file did not load at the base or"
                                    + " the head): " + product(n, p) + "\n")).flatMap(x -> x).toList()))));
        }
        List<ReviewReport.FilesChanged> other = r.otherFilesChanged();
        if (!other.isEmpty()) {
            // e.g. a Service Doc's owners or cost elements: nothing above compares them, the diff shows them
            s.add(new Section("Other product files changed (" + other.size() + ")", "other product file changes", false,
                    List.of(table("| Product | Files (not compared here: read the diff) |\n|---|---|\n",
                            other.stream().map(f -> "| " + product(n, f.product()) + " | " + f.files().stream()
                                    .map(MarkdownComment::code).collect(Collectors.joining(", ")) + " |\n").toList()))));
        }
        return s;
    }

    /** The requirements a product misses or has waived in its new phase; met ones are only counted. */
    private static Part requirements(PhaseChange c, PhaseFit fit, ReviewNames n) {
        List<String> rows = new ArrayList<>();
        int met = 0;
        for (ItemResult i : fit.items()) {
            if (i.notApplicable() && i.required() > 0) {
                // asked of products it applies to: listed, so that reviewers see why it is not asked here
                rows.add("2| " + item(n, i.item()) + " | " + level(i.item(), i.required()) + " | – | ⊘ not applicable: "
                        + i.notApplicableReason().map(MarkdownComment::text)
                                .orElse("the standard's applies_if does not hold") + " |\n");
                continue;
            }
            if (!i.isRequirement()) {
                continue;
            }
            String challenged = i.applicability() == io.servicedocs.assess.Applicability.CHALLENGED
                    ? " (answered not applicable, but the standard says it applies)" : "";
            switch (i.status()) {
                case MISSES -> rows.add("0| " + item(n, i.item()) + " | " + level(i.item(), i.required()) + " | "
                        + level(i.item(), i.level()) + " | ❌ unmet" + challenged + " |\n");
                case WAIVED -> rows.add("1| " + item(n, i.item()) + " | " + level(i.item(), i.required()) + " | "
                        + level(i.item(), i.level())
                        + " | 🟡 waived until " + i.waiver().orElseThrow().expires() + ": "
                        + text(i.waiver().get().reason()) + challenged + " |\n");
                default -> met++;
            }
        }
        for (CheckResult check : fit.checks()) {
            if (!check.required()) {
                continue;
            }
            if (check.status() == io.servicedocs.assess.CheckStatus.WAIVED) {
                // as a waived item: listed, with the waiver's end and reason
                rows.add("1| " + check(n, check.check()) + " (security) | yes | "
                        + check.answer().map(a -> ReportFormats.lower(a.name())).orElse("none")
                        + " | 🟡 waived until " + check.waiver().orElseThrow().expires() + ": "
                        + text(check.waiver().get().reason()) + " |\n");
            } else if (check.status().satisfied()) {
                met++;
            } else {
                rows.add("0| " + check(n, check.check()) + " (security) | yes | "
                        + check.answer().map(a -> ReportFormats.lower(a.name())).orElse("none") + " | ❌ unmet |\n");
            }
        }
        String heading = "**" + product(n, c.product()) + "** against " + text(c.to()) + ": " + fit.satisfied() + "/"
                + fit.requirements() + " requirements met" + (met > 0 && !rows.isEmpty() ? " (the " + met
                + " met are not listed)" : "");
        if (rows.isEmpty()) {
            return new Part(heading + ".\n\n", List.of(), "");
        }
        return new Part(heading + "\n\n| Requirement | Required | Reached | Status |\n|---|---|---|---|\n",
                rows.stream().sorted().map(row -> row.substring(1)).toList(), "\n");
    }

    private static Section costs(ReviewReport.CostReview costs, ReviewNames n) {
        List<Part> parts = new ArrayList<>();
        costs.notCompared().ifPresent(why -> parts.add(new Part("⚠️ " + text(why) + "\n\n", List.of(), "")));
        if (!costs.settingChanges().isEmpty()) {
            parts.add(bullets(costs.settingChanges().stream().map(c -> "- " + text(c.subject()) + ": "
                    + text(c.description()) + " (" + code(c.place().file() + ":" + c.place().position().line()) + ")\n")
                    .toList()));
        }
        costs.impact().filter(i -> !i.products().isEmpty()).ifPresent(impact -> parts.add(new Part("Operating cost in "
                + impact.month() + " (the latest final month), " + text(impact.currency())
                + ":\n\n| Product | Before | After | Change |\n|---|---:|---:|---:|\n", impact.products().stream()
                .map(p -> "| " + product(n, p.product()) + " | " + p.before().amount().toPlainString() + " | "
                        + p.after().amount().toPlainString() + " | " + (p.difference().signum() > 0 ? "+" : "")
                        + p.difference().toPlainString() + " |\n").toList(), "\n")));
        costs.impact().filter(i -> !i.financeNotReportedAtBase().isEmpty()).ifPresent(impact -> parts.add(new Part(
                "Not compared, as the base had not reported their finance for " + impact.month() + " (the pull request"
                        + " reports it, and its labour would read as a change of cost):\n\n",
                impact.financeNotReportedAtBase().stream().map(id -> "- " + product(n, id) + "\n").toList(), "\n")));
        return new Section("Cost allocation", "cost allocation entries", costs.notCompared().isPresent(), parts);
    }

    /** A product as "Data API (`data-api`)", its name linked to its page on the published site when it has one. */
    private static String product(ReviewNames n, String id) {
        return named(n.productName(id), id, n.productUrl(id));
    }

    private static String item(ReviewNames n, String id) {
        return named(n.itemTitle(id), id, n.itemUrl(id));
    }

    /**
     * An item the assessor judged, from the head's standard: the names hold its display title
     * (the head's replaces the base's); its bare title when they do not know it.
     */
    private static String item(ReviewNames n, io.servicedocs.model.QualityItem item) {
        return named(n.itemTitle(item.id()).or(() -> Optional.of(item.title())), item.id(), n.itemUrl(item.id()));
    }

    /** A level the assessor judged, read by the item's kind at the head: a binary item's 0/1 is "not met" / "met". */
    /** A level in a level change: "not applicable" when so answered, else the level as {@link ReviewNames#level} reads it. */
    private static String levelLabel(ReviewNames n, String item, int level, boolean notApplicable) {
        return notApplicable ? "not applicable" : n.level(item, level);
    }

    private static String level(io.servicedocs.model.QualityItem item, int level) {
        return !item.isBinary() ? Integer.toString(level) : level >= 1 ? io.servicedocs.model.QualityItem.MET
                : io.servicedocs.model.QualityItem.NOT_MET;
    }

    private static String check(ReviewNames n, String id) {
        return named(n.checkTitle(id), id, n.checkUrl(id));
    }

    private static String check(ReviewNames n, io.servicedocs.model.SecurityCheck check) {
        return named(n.checkTitle(check.id()).or(() -> Optional.of(check.title())), check.id(), n.checkUrl(check.id()));
    }

    /**
     * "Name (`id`)", or the id alone when the name is unknown or says nothing more. The name is
     * repository text and goes through {@link MarkdownText#text}, which escapes every bracket,
     * backtick, {@code <} and {@code |}: it cannot end the link text, the link or the table cell.
     * The URL is servicedocs' own ({@link ReviewNames}: the configured base rebuilt from safe parts
     * plus a percent-encoded id), so it holds no space, parenthesis or {@code |}.
     */
    private static String named(Optional<String> name, String id, Optional<String> url) {
        Optional<String> label = name.filter(v -> !v.equals(id)).map(MarkdownText::text).filter(v -> !v.isBlank());
        if (label.isEmpty()) {
            return url.map(u -> "[" + code(id) + "](" + u + ")").orElse(code(id));
        }
        return url.map(u -> "[" + label.get() + "](" + u + ")").orElse(label.get()) + " (" + code(id) + ")";
    }

    private static Part table(String header, List<String> rows) {
        return new Part(header, rows, "\n");
    }

    private static Part bullets(List<String> items) {
        return new Part("", items, "\n");
    }

    private static String text(String value) {
        return MarkdownText.text(value);
    }

    private static String code(String value) {
        return MarkdownText.code(value);
    }
}
