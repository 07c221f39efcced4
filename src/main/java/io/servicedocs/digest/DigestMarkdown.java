package io.servicedocs.digest;

import io.servicedocs.digest.Digest.CampaignDue;
import io.servicedocs.digest.Digest.Direction;
import io.servicedocs.digest.Digest.ExpiringWaiver;
import io.servicedocs.digest.Digest.PhaseMove;
import io.servicedocs.digest.Digest.PlanDue;
import io.servicedocs.review.MarkdownText;
import io.servicedocs.review.ReviewNames;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The digest as a short Markdown post for the team chat: what changed, then what needs attention,
 * each in groups, and only the groups that have something. Names and ids are repository text and
 * go through {@link MarkdownText}; links to the published site are made as the review makes them
 * ({@link ReviewNames}: only when site.yaml has a usable base_url).
 */
public final class DigestMarkdown {

    private DigestMarkdown() {
    }

    public static String render(Digest digest, ReviewNames names) {
        StringBuilder md = new StringBuilder();
        md.append("## servicedocs digest: ").append(digest.since()).append(" to ")
                .append(digest.asOf().minusDays(1)).append("\n\n");
        Digest.Changes c = digest.changed();
        if (c.none()) {
            md.append("Nothing changed since ").append(digest.since()).append(".\n");
        } else {
            md.append("### Changed\n");
            for (Direction direction : Direction.values()) {
                group(md, heading(direction), c.phaseChanges().stream().filter(m -> m.direction() == direction)
                        .map(m -> product(names, m.product()) + ": " + phase(m.from()) + " → " + phase(m.to())
                                + ", " + dates(m.since(), m.date(), "merged")).toList());
            }
            group(md, "New products", c.newProducts().stream().map(p -> product(names, p.product()) + " in "
                    + phase(p.phase()) + ", " + dates(p.since(), p.date(), "added")).toList());
            group(md, c.improvementCount() == 1 ? "1 level improvement" : c.improvementCount() + " level improvements",
                    c.improvements().stream().map(i -> product(names, i.product()) + ": " + item(names, i.item()) + " "
                            + MarkdownText.text(i.from()) + " → " + MarkdownText.text(i.to())).toList());
            group(md, "New gaps", c.newGaps().stream().map(g -> product(names, g.product()) + " in " + phase(g.phase())
                    + ": " + subject(names, g.kind(), g.id()) + " " + MarkdownText.text(g.gap())).toList());
        }
        Digest.Attention a = digest.attention();
        if (!a.none()) {
            md.append("\n### Needs attention\n");
            group(md, "Plans overdue", plans(names, a.plans(), true));
            group(md, "Plans due within " + DigestBuilder.PLANS_AHEAD + " days", plans(names, a.plans(), false));
            group(md, "Waivers expiring", lines(a.waivers(), (ExpiringWaiver w) -> product(names, w.product()) + ": "
                    + subject(names, w.kind(), w.id()) + " in " + phase(w.phase()) + ", expires " + w.expires()));
            group(md, "Stale assessments", a.staleAssessments().stream().map(s -> product(names, s.product())
                    + ": assessed " + s.assessedOn() + ", review was due " + s.reviewDue()).toList());
            group(md, "Campaigns due", lines(a.campaigns(), (CampaignDue k) -> MarkdownText.text(k.title()) + " ("
                    + MarkdownText.code(k.campaign()) + "), due " + k.due() + ": " + k.productsBehind().size()
                    + (k.productsBehind().size() == 1 ? " product" : " products") + " behind ("
                    + String.join(", ", k.productsBehind().stream().map(p -> product(names, p)).toList()) + ")"));
        }
        return md.toString();
    }

    /** The day it reached the branch; the declared since beside it when that is another day. */
    private static String dates(LocalDate since, LocalDate reached, String how) {
        return since.equals(reached) ? reached.toString() : "since " + since + " (" + how + " " + reached + ")";
    }

    private static String heading(Direction direction) {
        return switch (direction) {
            case PROMOTION -> "Promoted";
            case DEMOTION -> "Demoted";
            case RETIREMENT -> "Retiring";
            case CHANGE -> "Phase changed";
        };
    }

    private static List<String> plans(ReviewNames names, List<PlanDue> plans, boolean overdue) {
        return plans.stream().filter(p -> p.overdue() == overdue).map(p -> product(names, p.product()) + ": "
                + subject(names, p.kind(), p.id()) + ", due " + p.due() + " (" + MarkdownText.text(p.current())
                + " → " + MarkdownText.text(p.target()) + ")").toList();
    }

    private static <T> List<String> lines(List<T> values, Function<T, String> line) {
        return values.stream().map(line).toList();
    }

    /** A bold group title and its bullets; nothing at all when there are none. */
    private static void group(StringBuilder md, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        md.append("\n**").append(title).append("**\n");
        lines.forEach(line -> md.append("- ").append(line).append('\n'));
    }

    private static String phase(String id) {
        return MarkdownText.code(id);
    }

    private static String product(ReviewNames names, String id) {
        return named(names.productName(id), id, names.productUrl(id));
    }

    private static String item(ReviewNames names, String id) {
        return named(names.itemTitle(id), id, names.itemUrl(id));
    }

    private static String subject(ReviewNames names, String kind, String id) {
        return kind.equals("check") ? "check " + named(names.checkTitle(id), id, names.checkUrl(id)) : item(names, id);
    }

    /**
     * "Name (`id`)", linked when the site has the page, or the id alone when the name says nothing
     * more; as the review writes names ({@link ReviewNames} makes the URL from safe parts).
     */
    private static String named(Optional<String> name, String id, Optional<String> url) {
        Optional<String> label = name.filter(v -> !v.equals(id)).map(MarkdownText::text).filter(v -> !v.isBlank());
        if (label.isEmpty()) {
            return url.map(u -> "[" + MarkdownText.code(id) + "](" + u + ")").orElse(MarkdownText.code(id));
        }
        return url.map(u -> "[" + label.get() + "](" + u + ")").orElse(label.get()) + " ("
                + MarkdownText.code(id) + ")";
    }
}
