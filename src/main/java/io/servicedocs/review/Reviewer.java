package io.servicedocs.review;

import io.servicedocs.assess.CampaignProgress;
import io.servicedocs.assess.Assessor;
import io.servicedocs.assess.ItemResult;
import io.servicedocs.assess.ItemStatus;
import io.servicedocs.assess.PhaseFit;
import io.servicedocs.cost.allocation.CostReport;
import io.servicedocs.load.YamlDocument;
import io.servicedocs.load.FileKind;
import io.servicedocs.model.Assessment.ItemAssessment;
import io.servicedocs.model.WaiverTerms;
import io.servicedocs.model.Phase;
import io.servicedocs.model.Product;
import io.servicedocs.model.QualityItem;
import io.servicedocs.model.RequiredLevel;
import io.servicedocs.model.Repository;
import io.servicedocs.model.ReviewPolicy;
import io.servicedocs.model.SecurityAnswers.Answer;
import io.servicedocs.model.SecurityAnswers.CheckAnswer;
import io.servicedocs.model.Standard;
import io.servicedocs.model.Tier;
import io.servicedocs.review.ReviewReport.CheckChange;
import io.servicedocs.review.ReviewReport.LevelChange;
import io.servicedocs.review.ReviewReport.PhaseChange;
import io.servicedocs.review.ReviewReport.PhaseChangeKind;
import io.servicedocs.review.ReviewReport.RaisedRequirement;
import io.servicedocs.review.ReviewReport.WaiverChange;
import io.servicedocs.review.ReviewReport.WaiverChangeKind;
import io.servicedocs.source.SnapshotSource;
import io.servicedocs.validate.ValidationResult;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Compares two validated snapshots of a repository: what a pull request changes, judged as of a day. */
public final class Reviewer {

    private final LocalDate asOf;

    public Reviewer(LocalDate asOf) {
        this.asOf = asOf;
    }

    /**
     * @param base the merge base, validated; its repository may be absent if it was invalid
     * @param head the head, validated, with the cost stage's findings
     * @param headCosts the head's cost report from the cost stage; empty when it has no cost
     *                  settings or is invalid
     * @param baseSource where the base was read from, to tell a removed product from an unreadable one
     * @param headSource where the head was read from, to place annotations
     * @param changedFiles the repository paths the pull request changes, to tell its problems from older ones
     */
    public ReviewReport compare(String baseName, ValidationResult base, SnapshotSource baseSource, String headName,
                                ValidationResult head, Optional<CostReport> headCosts, SnapshotSource headSource,
                                Set<String> changedFiles)
            throws IOException {
        HeadLocator locator = new HeadLocator(headSource);
        List<PhaseChange> phases = new ArrayList<>();
        List<LevelChange> levels = new ArrayList<>();
        List<CheckChange> checks = new ArrayList<>();
        List<WaiverChange> waivers = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> notCompared = new ArrayList<>();
        Set<String> baseFolders = productFolders(baseSource);
        Set<String> headFolders = productFolders(headSource);
        List<RaisedRequirement> raised = new ArrayList<>();
        ReviewReport.CostReview costs = ReviewReport.CostReview.NONE;
        if (head.repository().isPresent() && !head.hasErrors() && !base.hasErrors()) {
            costs = CostChanges.compare(base.repository(), head.repository().get(), headCosts, locator);
        } else if (hasCostSettings(baseSource) || hasCostSettings(headSource)) {
            // with errors a side's costs are not loaded at all: comparing would report them removed
            costs = ReviewReport.CostReview.notCompared("not compared: the " + (head.hasErrors() ? "head" : "base")
                    + " has validation errors, so what this change does to each product's costs is unknown"
                    + (head.hasErrors() ? "; fix them to see it" : ""));
        }
        if (head.repository().isPresent()) {
            Repository after = head.repository().get();
            Map<String, Product> before = base.repository().map(r -> byId(r.products())).orElse(Map.of());
            Map<String, Product> now = byId(after.products());
            Assessor assessor = new Assessor(after.standard(), asOf);
            for (Product product : now.values()) {
                Product old = before.get(product.id());
                if (old == null && baseFolders.contains(product.id())) {
                    // It existed but did not load at the base: comparing would invent changes.
                    notCompared.add(product.id());
                    continue;
                }
                if (old == null) {
                    added.add(product.id());
                }
                phaseChange(after.standard(), assessor, old, product, locator).ifPresent(phases::add);
                if (old != null) {
                    levels.addAll(levelChanges(old, product, locator));
                    checks.addAll(checkChanges(old, product, locator));
                }
                waivers.addAll(waiverChanges(old, product, locator));
            }
            before.keySet().stream().filter(id -> !now.containsKey(id))
                    .forEach(id -> (headFolders.contains(id) ? notCompared : removed).add(id));
            base.repository().ifPresent(b -> raised.addAll(raisedRequirements(b.standard(), after, locator)));
        }
        // The stricter of the base's and the head's policy: a pull request that relaxes the policy
        // is judged by the rules it would relax (the board approves the relaxation itself, through
        // CODEOWNERS on standards/, and it applies from the next pull request on).
        ReviewPolicy basePolicy = base.repository().map(r -> r.standard().info().review()).orElse(ReviewPolicy.DEFAULT);
        ReviewFindings findings = head.repository()
                .map(r -> new ReviewFindings(r.standard().info().review().stricter(basePolicy),
                        shorter(r.standard().info().reviewInterval(), base.repository()
                                .map(b -> b.standard().info().reviewInterval())), asOf))
                .orElseGet(() -> new ReviewFindings(basePolicy, java.time.Period.ZERO, asOf));
        Map<String, Product> headProducts = head.repository().map(r -> byId(r.products())).orElse(Map.of());
        Set<String> promoted = phases.stream().filter(c -> c.kind() == PhaseChangeKind.PROMOTION)
                .map(PhaseChange::product).collect(Collectors.toSet());
        findings.promotions(phases, headProducts, locator);
        ReviewNames names = ReviewNames.of(base.repository(), head.repository());
        findings.levelsWithoutEvidence(levels, added, headProducts, promoted, locator, names);
        ReviewFindings.SplitDiagnostics split = findings.diagnostics(head.diagnostics(), base.diagnostics(), changedFiles);
        findings.productsBelowPhase(raised);
        findings.expiringWaivers(headProducts, changedFiles, locator);
        List<ReviewReport.CampaignGoalCompleted> goals = head.repository().isPresent() && base.repository().isPresent()
                ? campaignGoalsCompleted(base.repository().get(), head.repository().get()) : List.of();
        return new ReviewReport(baseName, headName, findings.verdict(), findings.findings(), phases, levels, checks,
                added, removed, notCompared, waivers, raised, costs, head.diagnostics(), split.ofChange(),
                split.untouched(), names, goals, filesChanged(changedFiles));
    }

    /**
     * The changed files under products/ID/, by product (sorted) and by their paths in its folder:
     * the pull request changes each of these products, whatever the comparisons find in them.
     */
    static List<ReviewReport.FilesChanged> filesChanged(Set<String> changedFiles) {
        Map<String, Set<String>> byProduct = new java.util.TreeMap<>();
        for (String file : changedFiles) {
            String[] parts = file.split("/", 3);
            if (parts.length == 3 && parts[0].equals("products") && !parts[1].isEmpty() && !parts[2].isEmpty()) {
                byProduct.computeIfAbsent(parts[1], id -> new TreeSet<>()).add(parts[2]);
            }
        }
        return byProduct.entrySet().stream()
                .map(e -> new ReviewReport.FilesChanged(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    /**
     * The goals of the head's campaigns that a product meets at the head and did not at the base.
     * The base is judged by the head's campaigns, so a campaign added or widened by this pull
     * request completes nothing: only what the products' files changed counts. A product that
     * was not in the campaign at the base (new, or promoted into its scope) completes nothing either.
     */
    private List<ReviewReport.CampaignGoalCompleted> campaignGoalsCompleted(Repository base, Repository head) {
        if (head.campaigns().isEmpty()) {
            return List.of();
        }
        io.servicedocs.assess.Portfolio before = Assessor.assess(base, asOf);
        io.servicedocs.assess.Portfolio after = Assessor.assess(head, asOf);
        Standard standard = head.standard();
        List<ReviewReport.CampaignGoalCompleted> completed = new ArrayList<>();
        for (io.servicedocs.model.Campaign campaign : head.campaigns()) {
            CampaignProgress was = CampaignProgress.of(campaign, before);
            CampaignProgress now = CampaignProgress.of(campaign, after);
            for (CampaignProgress.ProductPart part : now.products()) {
                Optional<CampaignProgress.ProductPart> old = was.product(part.product());
                for (CampaignProgress.GoalState goal : part.goals()) {
                    boolean unmetBefore = old.flatMap(o -> o.goal(goal.goal())).filter(g -> !g.met()).isPresent();
                    if (goal.met() && unmetBefore) {
                        completed.add(new ReviewReport.CampaignGoalCompleted(campaign.id(), campaign.title(),
                                part.product(), goalText(standard, goal), part.done()));
                    }
                }
            }
        }
        return completed;
    }

    /** "Runbooks level 3", "Status page met", "Admin MFA answered yes". */
    static String goalText(Standard standard, CampaignProgress.GoalState goal) {
        if (goal.goal().isCheck()) {
            return goal.title() + " answered yes";
        }
        boolean binary = standard.item(goal.goal().subject()).map(io.servicedocs.model.QualityItem::isBinary).orElse(false);
        return goal.title() + (binary ? " met" : " level " + goal.goal().requiredLevel());
    }

    /** The shorter of two review intervals, as of the review's day (P6M against P180D, say). */
    private java.time.Period shorter(java.time.Period head, Optional<java.time.Period> base) {
        return base.filter(b -> asOf.plus(b).isBefore(asOf.plus(head))).orElse(head);
    }

    private Optional<PhaseChange> phaseChange(Standard standard, Assessor assessor, Product old, Product product,
                                              HeadLocator locator) {
        int to = standard.phaseIndex(product.phase().phase());
        // A new product entering beyond the first phase must meet that phase as a promotion would.
        int from = old == null ? 0 : standard.phaseIndex(old.phase().phase());
        String fromId = old == null ? "" : old.phase().phase();
        if (to == from || to < 0 || (old != null && from < 0)) {
            return Optional.empty();
        }
        Phase target = standard.phases().get(to);
        PhaseChangeKind kind = to < from ? PhaseChangeKind.DEMOTION
                : target.retirement() ? PhaseChangeKind.RETIREMENT : PhaseChangeKind.PROMOTION;
        List<String> skipped = kind == PhaseChangeKind.PROMOTION
                ? standard.phases().subList(from + 1, to).stream().filter(p -> !p.retirement()).map(Phase::id).toList()
                : List.of();
        if (old == null && kind == PhaseChangeKind.PROMOTION) {
            skipped = List.of(); // a new product has no phase to skip from
        }
        Optional<PhaseFit> fit = kind == PhaseChangeKind.DEMOTION ? Optional.empty()
                : Optional.of(assessor.fit(product, target));
        return Optional.of(new PhaseChange(product.id(), fromId, target.id(), kind, skipped, fit,
                locator.place(path(product, "phase.yaml"), "/phase")));
    }

    private static List<LevelChange> levelChanges(Product old, Product product, HeadLocator locator) {
        List<LevelChange> changes = new ArrayList<>();
        for (Map.Entry<String, ItemAssessment> item : product.assessment().items().entrySet()) {
            ItemAssessment before = old.assessment().items().get(item.getKey());
            int from = before == null ? 0 : before.level();
            boolean fromNotApplicable = before != null && before.answeredNotApplicable();
            boolean toNotApplicable = item.getValue().answeredNotApplicable();
            if (from != item.getValue().level() || fromNotApplicable != toNotApplicable) {
                changes.add(new LevelChange(product.id(), item.getKey(), from, item.getValue().level(),
                        locator.place(path(product, "assessment.yaml"), YamlDocument.child(
                                YamlDocument.child("/items", item.getKey()), toNotApplicable ? "not_applicable"
                                        : ReviewFindings.answerKey(item.getValue()))),
                        fromNotApplicable, toNotApplicable));
            }
        }
        return changes;
    }

    private static List<CheckChange> checkChanges(Product old, Product product, HeadLocator locator) {
        List<CheckChange> changes = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>(product.security().checks().keySet());
        ids.addAll(old.security().checks().keySet());
        for (String id : ids) {
            Optional<Answer> from = Optional.ofNullable(old.security().checks().get(id)).map(CheckAnswer::answer);
            Optional<Answer> to = Optional.ofNullable(product.security().checks().get(id)).map(CheckAnswer::answer);
            if (!from.equals(to)) {
                changes.add(new CheckChange(product.id(), id, from, to, locator.place(path(product, "security.yaml"),
                        YamlDocument.child(YamlDocument.child("/checks", id), "answer"))));
            }
        }
        return changes;
    }

    /** The waivers of both files: the assessment's (items) and the security answers' (checks). */
    private List<WaiverChange> waiverChanges(Product old, Product product, HeadLocator locator) {
        List<WaiverChange> changes = waiverChanges(old == null ? List.of() : old.assessment().waivers(),
                product.assessment().waivers(), product, path(product, "assessment.yaml"), locator);
        changes.addAll(waiverChanges(old == null ? List.of() : old.security().waivers(), product.security().waivers(),
                product, path(product, "security.yaml"), locator));
        return changes;
    }

    private List<WaiverChange> waiverChanges(List<? extends WaiverTerms> before, List<? extends WaiverTerms> now,
                                             Product product, String file, HeadLocator locator) {
        List<WaiverChange> changes = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            WaiverTerms waiver = now.get(i);
            if (!before.contains(waiver)) {
                changes.add(new WaiverChange(product.id(), waiver, WaiverChangeKind.ADDED, locator.place(file, "/waivers/" + i)));
            } else if (!waiver.isValidOn(asOf)) {
                changes.add(new WaiverChange(product.id(), waiver, WaiverChangeKind.EXPIRED,
                        locator.place(file, "/waivers/" + i + "/expires")));
            }
        }
        for (WaiverTerms waiver : before) {
            if (!now.contains(waiver)) {
                changes.add(new WaiverChange(product.id(), waiver, WaiverChangeKind.REMOVED, locator.place(file, "/waivers")));
            }
        }
        return changes;
    }

    /** Requirements the head's standard raises over the base's, with the products that no longer meet them. */
    private List<RaisedRequirement> raisedRequirements(Standard before, Repository after, HeadLocator locator) {
        Standard now = after.standard();
        List<String> tiers = now.info().tiers().isEmpty() ? List.of("") : now.info().tiers().stream().map(Tier::id).toList();
        Assessor judgeNow = new Assessor(now, asOf);
        Assessor judgeBefore = new Assessor(before, asOf);
        List<RaisedRequirement> raised = new ArrayList<>();
        for (int index = 0; index < now.items().size(); index++) {
            QualityItem item = now.items().get(index);
            Optional<QualityItem> old = before.item(item.id());
            for (Phase phase : now.phases()) {
                RequiredLevel required = item.required().get(phase.id());
                RequiredLevel requiredBefore = old.map(o -> o.required().get(phase.id())).orElse(null);
                boolean sameForEveryTier = (required == null || required.allTiers().isPresent())
                        && (requiredBefore == null || requiredBefore.allTiers().isPresent());
                for (String tier : sameForEveryTier ? List.of("") : tiers) {
                    int from = old.map(o -> o.requiredLevel(phase.id(), tier)).orElse(0);
                    int to = item.requiredLevel(phase.id(), tier);
                    if (to <= from) {
                        continue;
                    }
                    List<String> affected = new ArrayList<>();
                    for (Product product : after.products()) {
                        if (!product.phase().phase().equals(phase.id())
                                || !(tier.isEmpty() || product.serviceDoc().tier().orElse("").equals(tier))) {
                            continue;
                        }
                        ItemStatus statusNow = status(judgeNow.fit(product, phase), item.id());
                        Optional<Phase> oldPhase = before.phases().stream().filter(p -> p.id().equals(phase.id())).findFirst();
                        boolean metBefore = oldPhase.map(p -> status(judgeBefore.fit(product, p), item.id()).satisfied())
                                .orElse(true);
                        if (statusNow == ItemStatus.MISSES && metBefore) {
                            affected.add(product.id());
                        }
                    }
                    String pointer = YamlDocument.child("/items/" + index + "/required", phase.id());
                    raised.add(new RaisedRequirement(item.id(), phase.id(), tier, from, to, affected,
                            locator.place("standards/quality-items.yaml", tier.isEmpty() ? pointer : YamlDocument.child(pointer, tier))));
                }
            }
        }
        return raised;
    }

    private static ItemStatus status(PhaseFit fit, String item) {
        return fit.items().stream().filter(i -> i.item().id().equals(item)).map(ItemResult::status).findFirst()
                .orElse(ItemStatus.MEETS);
    }

    private static boolean hasCostSettings(SnapshotSource source) throws IOException {
        String path = FileKind.COSTS.standardPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        return listed(source, path.substring(0, path.lastIndexOf('/'))).stream()
                .anyMatch(e -> e.kind() == SnapshotSource.Kind.FILE && e.name().equals(name));
    }

    private static Set<String> productFolders(SnapshotSource source) throws IOException {
        Set<String> folders = new TreeSet<>();
        for (SnapshotSource.Entry entry : listed(source, "products")) {
            if (entry.kind() == SnapshotSource.Kind.FOLDER) {
                folders.add(entry.name());
            }
        }
        return folders;
    }

    /** A folder's entries; none when it may not be read (validation has reported it, naming the link). */
    private static List<SnapshotSource.Entry> listed(SnapshotSource source, String folder) throws IOException {
        try {
            return source.list(folder);
        } catch (io.servicedocs.source.RefusedFolderException e) {
            return List.of();
        }
    }

    private static String path(Product product, String file) {
        return "products/" + product.id() + "/" + file;
    }

    private static Map<String, Product> byId(List<Product> products) {
        return products.stream().collect(Collectors.toMap(Product::id, Function.identity(), (a, b) -> a, TreeMap::new));
    }
}
