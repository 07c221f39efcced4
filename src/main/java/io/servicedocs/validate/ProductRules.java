package io.servicedocs.validate;

import io.servicedocs.load.FileKind;
import io.servicedocs.load.Suggestions;
import io.servicedocs.load.YamlDocument;
import io.servicedocs.model.AppliesIf;
import io.servicedocs.model.Assessment;
import io.servicedocs.model.Assessment.ItemAssessment;
import io.servicedocs.model.Assessment.Waiver;
import io.servicedocs.model.Finance;
import io.servicedocs.model.PhaseStatus;
import io.servicedocs.model.QualityItem;
import io.servicedocs.model.SecurityAnswers;
import io.servicedocs.model.SecurityCheck;
import io.servicedocs.model.ServiceDoc;
import io.servicedocs.model.Slo;
import io.servicedocs.model.Standard;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules one product folder must follow: ids and references known to the standard and the
 * repository, levels in range, dates that make sense as of a given day.
 */
final class ProductRules {

    static final Pattern PRODUCT_ID = Pattern.compile("^[a-z][a-z0-9-]{0,61}[a-z0-9]$");

    private final Optional<Standard> standard;
    private final Set<String> productIds;
    private final LocalDate asOf;

    ProductRules(Optional<Standard> standard, Set<String> productIds, LocalDate asOf) {
        this.standard = standard;
        this.productIds = productIds;
        this.asOf = asOf;
    }

    void check(LoadedProduct product, Findings findings) {
        String folder = product.folder();
        if (!PRODUCT_ID.matcher(folder).matches()) {
            findings.errorAtFile("products/" + folder, "product-id-format", "product folder name '" + folder
                    + "' is not a valid product id; expected lowercase letters, digits and hyphens, starting with a letter");
        }
        product.serviceDoc().ifPresent(doc -> checkServiceDoc(product, doc, findings));
        if (standard.isEmpty()) {
            return; // every other rule needs the standard, whose own problems are already reported
        }
        Standard std = standard.get();
        Optional<String> tier = knownTier(std, product);
        product.phase().ifPresent(phase -> checkPhase(product.document(FileKind.PHASE), std, phase, findings));
        product.assessment().ifPresent(a -> checkAssessment(product.document(FileKind.ASSESSMENT), std, a,
                tier, absentOnlyByPruning(product, FileKind.ASSESSMENT, "/items", itemIds(std)), findings));
        product.assessment().ifPresent(a -> product.serviceDoc().ifPresent(doc ->
                checkNotApplicable(product.document(FileKind.ASSESSMENT), std, a, doc, product.declaresSlos(),
                        product.phase().map(PhaseStatus::phase), findings)));
        product.security().ifPresent(s -> checkSecurity(product.document(FileKind.SECURITY), std, s, tier,
                absentOnlyByPruning(product, FileKind.SECURITY, "/checks",
                        std.checks().stream().map(SecurityCheck::id).toList()), findings));
        // a demand_metric pruned for its own problem is not a missing one
        boolean hasDemandMetric = product.serviceDoc().map(d -> d.demandMetric().isPresent()).orElse(true)
                || product.pruned(FileKind.SERVICE_DOC, "/demand_metric");
        product.finance().ifPresent(f -> checkFinance(product.document(FileKind.FINANCE), f, hasDemandMetric, findings));
        new FindingPolicyRules(std, asOf).check(product, tier, findings);
    }

    /**
     * The ids of a map (assessment items, security answers) whose absence from a salvaged file
     * is only the pruning: an entry pruned for its own schema problem, the id a pruned key of the
     * wrong form is a misspelling of ('Slo' for 'slo'), or every id when it resembles none.
     */
    private static java.util.function.Predicate<String> absentOnlyByPruning(LoadedProduct product, FileKind kind,
                                                                           String map, List<String> known) {
        Set<String> keys = new HashSet<>();
        for (String pointer : product.pruned(kind)) {
            if (pointer.startsWith(map + "/") && pointer.indexOf('/', map.length() + 1) < 0) {
                keys.add(pointer.substring(map.length() + 1).replace("~1", "/").replace("~0", "~"));
            }
        }
        if (product.pruned(kind, map)) {
            return id -> true;
        }
        Set<String> absent = new HashSet<>();
        for (String key : keys) {
            if (known.contains(key)) {
                absent.add(key);
            } else {
                Optional<String> meant = Suggestions.closest(key, known);
                if (meant.isEmpty()) {
                    return id -> true; // a key of the wrong form that resembles no id: any could be the one meant
                }
                absent.add(meant.get());
            }
        }
        return absent::contains;
    }

    /**
     * A reference that fails its id pattern ('phase: Beta') never reaches the rules above, so its
     * schema error gains what they would say: a likely match and the ids the standard or the
     * repository defines. Same rule, same place, one diagnostic.
     */
    void hintSchemaErrors(Map<FileKind, YamlDocument> files, Findings findings) {
        List<String> phases = standard.map(s -> s.phases().stream().map(p -> p.id()).toList()).orElse(List.of());
        List<String> tiers = standard.map(s -> s.info().tiers().stream().map(t -> t.id()).toList()).orElse(List.of());
        List<String> items = standard.map(ProductRules::itemIds).orElse(List.of());
        hint(files.get(FileKind.PHASE), List.of("/phase", "/target/phase"), phases, findings);
        hint(files.get(FileKind.SERVICE_DOC), List.of("/tier"), tiers, findings);
        hint(files.get(FileKind.SERVICE_DOC), List.of("/owners/team"),
                standard.map(StandardRules::teamIds).orElse(List.of()), findings);
        YamlDocument serviceDoc = files.get(FileKind.SERVICE_DOC);
        if (serviceDoc != null) {
            hint(serviceDoc, indexed(serviceDoc, "/dependencies/products", "/id"), productIds, findings);
        }
        YamlDocument assessment = files.get(FileKind.ASSESSMENT);
        if (assessment != null) {
            hint(assessment, indexed(assessment, "/waivers", "/phase"), phases, findings);
            hint(assessment, indexed(assessment, "/waivers", "/item"), items, findings);
        }
        YamlDocument security = files.get(FileKind.SECURITY);
        if (security != null) {
            hint(security, indexed(security, "/waivers", "/phase"), phases, findings);
            hint(security, indexed(security, "/waivers", "/check"),
                    standard.map(s -> s.checks().stream().map(SecurityCheck::id).toList()).orElse(List.of()), findings);
        }
    }

    private static List<String> indexed(YamlDocument doc, String list, String field) {
        int size = doc.root().at(list).isArray() ? doc.root().at(list).size() : 0;
        return java.util.stream.IntStream.range(0, size).mapToObj(i -> list + "/" + i + field).toList();
    }

    private static void hint(YamlDocument doc, List<String> pointers, java.util.Collection<String> known,
                             Findings findings) {
        if (doc == null || known.isEmpty()) {
            return;
        }
        for (String pointer : pointers) {
            tools.jackson.databind.JsonNode value = doc.root().at(pointer);
            if (!value.isString() || known.contains(value.asString())) {
                continue;
            }
            io.servicedocs.model.Position at = doc.locate(pointer);
            findings.list().replaceAll(d -> d.rule().equals("schema-pattern") && d.file().equals(doc.path())
                    && d.line() == at.line() && d.column() == at.column()
                    ? new io.servicedocs.model.Diagnostic(d.severity(), d.file(), d.line(), d.column(), d.rule(),
                    d.message() + "; " + Suggestions.expectedOneOf(value.asString(), known))
                    : d);
        }
    }

    /**
     * The tier that decides the product's requirements: "" when the standard has no tiers, empty
     * when it has tiers but the product's is missing, unknown, or in a file that did not load (its
     * problem is reported there; judging requirements without it would only add false alarms).
     */
    private static Optional<String> knownTier(Standard std, LoadedProduct product) {
        if (std.info().tiers().isEmpty()) {
            return Optional.of("");
        }
        return product.serviceDoc().flatMap(ServiceDoc::tier).filter(std::hasTier);
    }

    private void checkServiceDoc(LoadedProduct product, ServiceDoc doc, Findings findings) {
        YamlDocument yaml = product.document(FileKind.SERVICE_DOC);
        doc.description().flatMap(AsciidocPassthrough::find).ifPresent(found ->
                findings.error(yaml, "/description", "asciidoc-passthrough", found.message()));
        doc.description().flatMap(AsciidocSize::fieldTooLong).ifPresent(tooLong ->
                findings.error(yaml, "/description", "asciidoc-too-long", tooLong));
        if (!doc.id().equals(product.folder())) {
            findings.error(yaml, "/id", "product-id-mismatch", "id '" + doc.id() + "' differs from the folder name '"
                    + product.folder() + "'; expected them to be equal (rename the folder or fix the id)");
        }
        standard.ifPresent(std -> {
            // Without teams.yaml a team is a free id: a company adopts the file when it is ready.
            if (std.declaresTeams() && std.team(doc.owners().team()).isEmpty()) {
                findings.error(yaml, "/owners/team", "unknown-team", StandardRules.unknownTeam(std, doc.owners().team()));
            }
            if (doc.tier().isPresent() && !std.hasTier(doc.tier().get())) {
                findings.error(yaml, "/tier", "unknown-tier", StandardRules.unknownTier(std, doc.tier().get()));
            }
            if (doc.tier().isEmpty() && !std.info().tiers().isEmpty() && !product.pruned(FileKind.SERVICE_DOC, "/tier")) {
                findings.error(yaml, "", "missing-tier", "missing property 'tier'; the standard defines tiers, expected one of: "
                        + Suggestions.list(std.info().tiers().stream().map(t -> t.id()).toList()));
            }
        });
        if (!doc.slos().isEmpty()) {
            // SLOs (issue 16): the section is read so that old files stay valid, and said to be ignored
            findings.warning(yaml, "/slos", "slos-moved", "the Service Doc's 'slos' section is no longer read: a product's"
                    + " SLOs are declared in products/" + product.folder() + "/slos.yaml (OpenSLO v1, beside this file);"
                    + " move these " + doc.slos().size() + " SLO(s) there (id as metadata.name, target_percent as"
                    + " objectives[0].targetPercent, a calendar-month window) and remove this section");
        }
        Set<String> sloIds = new HashSet<>();
        for (int i = 0; i < doc.slos().size(); i++) {
            Slo slo = doc.slos().get(i);
            if (!sloIds.add(slo.id())) {
                findings.error(yaml, "/slos/" + i + "/id", "duplicate-id", "SLO id '" + slo.id() + "' is used twice");
            }
            if (slo.measured().isPresent() && slo.measured().get().to().isBefore(slo.measured().get().from())) {
                findings.error(yaml, "/slos/" + i + "/measured/to", "date-order", "measurement window ends ("
                        + slo.measured().get().to() + ") before it starts (" + slo.measured().get().from() + ")");
            }
        }
        Set<String> storeIds = new HashSet<>();
        for (int i = 0; i < doc.dataStores().size(); i++) {
            if (!storeIds.add(doc.dataStores().get(i).id())) {
                findings.error(yaml, "/data_stores/" + i + "/id", "duplicate-id", "data store id '"
                        + doc.dataStores().get(i).id() + "' is used twice");
            }
        }
        // a tag listed twice is harmless to conditions but a sign of a merge gone wrong: say where
        List<String> tags = doc.tags();
        for (int i = 0; i < tags.size(); i++) {
            int first = tags.indexOf(tags.get(i));
            if (first < i) {
                findings.error(yaml, "/tags/" + i, "duplicate-tag", "tag '" + tags.get(i) + "' is listed twice (first at line "
                        + yaml.locate("/tags/" + first).line() + ")");
            }
        }
        for (int i = 0; i < doc.dependencies().products().size(); i++) {
            String dependency = doc.dependencies().products().get(i).id();
            String at = "/dependencies/products/" + i + "/id";
            if (dependency.equals(doc.id())) {
                findings.error(yaml, at, "self-dependency", "product '" + dependency + "' depends on itself");
            } else if (!productIds.contains(dependency)) {
                findings.error(yaml, at, "unknown-product", "unknown product '" + dependency
                        + "' (the id of a folder under products/); " + Suggestions.expectedOneOf(dependency, productIds));
            }
        }
    }

    private void checkPhase(YamlDocument yaml, Standard std, PhaseStatus phase, Findings findings) {
        int current = std.phaseIndex(phase.phase());
        if (current < 0) {
            findings.error(yaml, "/phase", "unknown-phase", StandardRules.unknownPhase(std, phase.phase()));
        }
        if (phase.since().isAfter(asOf)) {
            findings.error(yaml, "/since", "date-in-future", "since " + phase.since() + " is after today (" + asOf
                    + "); expected the day the product entered the phase");
        }
        phase.target().ifPresent(target -> {
            int next = std.phaseIndex(target.phase());
            if (next < 0) {
                findings.error(yaml, "/target/phase", "unknown-phase", StandardRules.unknownPhase(std, target.phase()));
            } else if (current >= 0 && next <= current) {
                findings.error(yaml, "/target/phase", "target-not-later", "target phase '" + target.phase()
                        + "' is not after the current phase '" + phase.phase() + "'; expected a later phase ("
                        + String.join(", ", std.phases().subList(current + 1, std.phases().size()).stream()
                        .map(p -> p.id()).toList()) + ")");
            }
            if (!target.date().isAfter(phase.since())) {
                findings.error(yaml, "/target/date", "date-order", "target date " + target.date()
                        + " is not after since (" + phase.since() + ")");
            } else if (target.date().isBefore(asOf)) {
                findings.warning(yaml, "/target/date", "target-date-passed", "target date " + target.date()
                        + " has passed; set a new date or promote the product");
            }
        });
        checkPhaseHistory(yaml, std, phase, findings);
    }

    /**
     * The declared transitions form one chain, oldest first, up to since. Whether the chain ends in
     * the current phase is the history's to judge: a later commit of the repository may have moved
     * the product on (git shows that change), which this one file cannot tell.
     */
    private void checkPhaseHistory(YamlDocument yaml, Standard std, PhaseStatus phase, Findings findings) {
        List<PhaseStatus.PastTransition> history = phase.history();
        for (int i = 0; i < history.size(); i++) {
            PhaseStatus.PastTransition transition = history.get(i);
            String at = "/history/" + i;
            transition.from().filter(from -> std.phaseIndex(from) < 0).ifPresent(from ->
                    findings.error(yaml, at + "/from", "unknown-phase", StandardRules.unknownPhase(std, from)));
            if (std.phaseIndex(transition.to()) < 0) {
                findings.error(yaml, at + "/to", "unknown-phase", StandardRules.unknownPhase(std, transition.to()));
            }
            if (transition.from().filter(transition.to()::equals).isPresent()) {
                findings.error(yaml, at + "/to", "history-chain", "transition of " + transition.date()
                        + " goes from '" + transition.to() + "' to itself; expected another phase");
            }
            if (i > 0) {
                PhaseStatus.PastTransition before = history.get(i - 1);
                if (!transition.date().isAfter(before.date())) {
                    findings.error(yaml, at + "/date", "date-order", "transition date " + transition.date()
                            + " is not after the one before (" + before.date() + "); list the transitions oldest first");
                }
                if (transition.from().isEmpty()) {
                    findings.error(yaml, at, "history-chain", "transition of " + transition.date()
                            + " has no 'from'; only the first entry may leave it out (where the product started); expected from: "
                            + before.to());
                } else if (!transition.from().get().equals(before.to())) {
                    findings.error(yaml, at + "/from", "history-chain", "transition of " + transition.date()
                            + " starts from '" + transition.from().get() + "', but the one before (" + before.date()
                            + ") went to '" + before.to() + "'; expected from: " + before.to());
                }
            }
            if (transition.date().isAfter(phase.since())) {
                findings.error(yaml, at + "/date", "date-order", "transition date " + transition.date()
                        + " is after since (" + phase.since() + "); the history lists what came before the current phase");
            }
        }
    }

    /**
     * Past results are the company's earlier surveys: dated, oldest first, not after the current
     * assessment, each level within its item's range and in its item's form (a binary item true / false).
     */
    private void checkPastResults(YamlDocument yaml, Standard std, Assessment assessment, Findings findings) {
        List<Assessment.PastResult> history = assessment.history();
        for (int i = 0; i < history.size(); i++) {
            Assessment.PastResult result = history.get(i);
            String at = "/history/" + i;
            if (result.date().isAfter(asOf)) {
                findings.error(yaml, at + "/date", "date-in-future", "result date " + result.date()
                        + " is after today (" + asOf + ")");
            } else if (result.date().isAfter(assessment.assessedOn())) {
                findings.error(yaml, at + "/date", "date-order", "result date " + result.date()
                        + " is after assessed_on (" + assessment.assessedOn()
                        + "); past results come before the current assessment");
            }
            if (i > 0 && !result.date().isAfter(history.get(i - 1).date())) {
                findings.error(yaml, at + "/date", "date-order", "result date " + result.date()
                        + " is not after the one before (" + history.get(i - 1).date() + "); list the results oldest first");
            }
            for (Map.Entry<String, Object> entry : result.items().entrySet()) {
                String itemAt = YamlDocument.child(at + "/items", entry.getKey());
                Optional<QualityItem> item = std.item(entry.getKey());
                if (item.isEmpty()) {
                    findings.errorAtKey(yaml, itemAt, "unknown-item", "unknown quality item '" + entry.getKey()
                            + "' (standards/quality-items.yaml); " + Suggestions.expectedOneOf(entry.getKey(), itemIds(std)));
                } else if (item.get().isBinary() && !(entry.getValue() instanceof Boolean)) {
                    findings.error(yaml, itemAt, "item-kind", "'" + entry.getKey()
                            + "' is a binary item: give true (met) or false (not met)");
                } else if (!item.get().isBinary() && entry.getValue() instanceof Boolean) {
                    findings.error(yaml, itemAt, "item-kind", "'" + entry.getKey()
                            + "' is a level item: give its level 0.." + item.get().maxLevel());
                } else if (entry.getValue() instanceof Number level && level.intValue() > item.get().maxLevel()) {
                    findings.error(yaml, itemAt, "level-out-of-range", "level " + level
                            + " is above the highest level " + item.get().maxLevel() + " of '" + entry.getKey() + "'");
                }
            }
        }
    }

    private void checkAssessment(YamlDocument yaml, Standard std, Assessment assessment, Optional<String> tier,
                                 java.util.function.Predicate<String> pruned, Findings findings) {
        if (assessment.assessedOn().isAfter(asOf)) {
            findings.error(yaml, "/assessed_on", "date-in-future", "assessed_on " + assessment.assessedOn()
                    + " is after today (" + asOf + ")");
        } else if (assessment.assessedOn().plus(std.info().reviewInterval()).isBefore(asOf)) {
            findings.warning(yaml, "/assessed_on", "assessment-stale", "assessment of " + assessment.assessedOn()
                    + " is older than the review interval " + std.info().reviewInterval()
                    + "; review every level and update assessed_on");
        }
        for (Map.Entry<String, ItemAssessment> entry : assessment.items().entrySet()) {
            String at = YamlDocument.child("/items", entry.getKey());
            Optional<QualityItem> item = std.item(entry.getKey());
            if (item.isEmpty()) {
                findings.errorAtKey(yaml, at, "unknown-item", "unknown quality item '" + entry.getKey()
                        + "' (standards/quality-items.yaml); " + Suggestions.expectedOneOf(entry.getKey(), itemIds(std)));
                continue;
            }
            checkItemLevel(yaml, at, item.get(), entry.getValue(), findings);
        }
        // an unknown key that is a misspelling of a missing item is that item: its "did you mean" says so once
        Set<String> misspelt = misspelt(assessment.items().keySet(), itemIds(std));
        for (QualityItem item : std.items()) {
            if (!assessment.items().containsKey(item.id()) && !pruned.test(item.id()) && !misspelt.contains(item.id())) {
                findings.error(yaml, "/items", "missing-item", "no entry for quality item '" + item.id() + "' ("
                        + item.title() + "); expected every item of the standard, with level 0 if nothing is in place");
            }
        }
        checkPastResults(yaml, std, assessment, findings);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < assessment.waivers().size(); i++) {
            checkWaiver(yaml, "/waivers/" + i, std, assessment, assessment.waivers().get(i), tier, seen, i, findings);
        }
    }

    /**
     * A not-applicable answer for an item the standard says applies to this product (its
     * applies_if holds) is contradicted by the repository itself, so it is an error, not a
     * judgement call: answer a level, or get a waiver for the current phase. Without a condition
     * the standard leaves the answer to the team (reviewers see it in the pull request).
     */
    private void checkNotApplicable(YamlDocument yaml, Standard std, Assessment assessment, ServiceDoc doc,
                                    boolean declaresSlos, Optional<String> phase, Findings findings) {
        for (Map.Entry<String, ItemAssessment> entry : assessment.items().entrySet()) {
            Optional<QualityItem> item = std.item(entry.getKey());
            if (item.isEmpty() || !entry.getValue().answeredNotApplicable() || std.conditions(item.get()).isEmpty()
                    || !std.applies(item.get(), doc, declaresSlos)) {
                continue;
            }
            boolean waived = phase.flatMap(p -> assessment.waiverFor(item.get().id(), p, asOf)).isPresent();
            if (!waived) {
                findings.error(yaml, YamlDocument.child(YamlDocument.child("/items", entry.getKey()), "not_applicable"),
                        "not-applicable-challenged", "'" + entry.getKey() + "' is answered not_applicable, but the standard"
                                + " says it applies to this product: " + holding(std.conditions(item.get()))
                                + "; answer a level (the item counts as level 0 until then) or add a waiver for the current phase");
            }
        }
    }

    /**
     * The conditions that hold, as the product meets them: "service-doc.yaml sets 'data_stores'
     * and lists the tag 'pci'"; the condition 'slos' is met by slos.yaml: "slos.yaml declares SLOs".
     */
    private static String holding(List<AppliesIf> conditions) {
        List<String> parts = new ArrayList<>();
        String fields = conditions.stream().flatMap(c -> c.serviceDoc().stream()).filter(f -> f != AppliesIf.Field.SLOS)
                .map(f -> "'" + f.path() + "'").collect(java.util.stream.Collectors.joining(" and "));
        if (!fields.isEmpty()) {
            parts.add("sets " + fields);
        }
        conditions.stream().flatMap(c -> c.tag().stream()).forEach(t -> parts.add("lists the tag '" + t + "'"));
        boolean slos = conditions.stream().flatMap(c -> c.serviceDoc().stream()).anyMatch(f -> f == AppliesIf.Field.SLOS);
        String serviceDoc = parts.isEmpty() ? "" : "service-doc.yaml " + String.join(" and ", parts);
        return slos ? (serviceDoc.isEmpty() ? "slos.yaml declares SLOs" : serviceDoc + ", and slos.yaml declares SLOs")
                : serviceDoc;
    }

    private void checkItemLevel(YamlDocument yaml, String at, QualityItem item, ItemAssessment assessed,
                                Findings findings) {
        if (!answeredInItsForm(yaml, at, item, findings)) {
            return;
        }
        if (item.isBinary()) {
            checkBinaryPlan(yaml, at, item, assessed, findings);
            return;
        }
        if (assessed.level() > item.maxLevel()) {
            findings.error(yaml, at + "/level", "level-out-of-range", "level " + assessed.level()
                    + " is above the highest level " + item.maxLevel() + " of '" + item.id() + "'");
        }
        assessed.plan().ifPresent(plan -> {
            if (plan.targetLevel().isEmpty()) {
                findings.error(yaml, at + "/plan", "plan-without-target", "plan for '" + item.id()
                        + "' has no target_level; give the level it reaches by its due date");
                return;
            }
            int target = plan.targetLevel().getAsInt();
            if (target > item.maxLevel()) {
                findings.error(yaml, at + "/plan/target_level", "level-out-of-range", "target level " + target
                        + " is above the highest level " + item.maxLevel() + " of '" + item.id() + "'");
            } else if (target <= assessed.level()) {
                findings.error(yaml, at + "/plan/target_level", "plan-target-not-higher", "target level "
                        + target + " is not above the current level " + assessed.level()
                        + "; remove the plan or raise its target");
            }
            if (plan.due().isBefore(asOf)) {
                findings.warning(yaml, at + "/plan/due", "plan-overdue", "improvement plan to reach level "
                        + target + " was due on " + plan.due());
            }
        });
    }

    /**
     * Whether the item is answered in the form of its kind: 'met: true|false' for a binary item,
     * 'level: N' for a level item. The assessment schema cannot tell (the kind is in the standard);
     * it only asks for 'level' where 'met' is absent, so that a wrong level still prunes its item.
     */
    private static boolean answeredInItsForm(YamlDocument yaml, String at, QualityItem item, Findings findings) {
        boolean hasLevel = !yaml.root().at(at + "/level").isMissingNode();
        boolean hasMet = !yaml.root().at(at + "/met").isMissingNode();
        if (item.isBinary() && hasLevel) {
            findings.errorAtKey(yaml, at + "/level", "item-kind", "'" + item.id()
                    + "' is a binary item (met / not met): answer it with 'met: true' or 'met: false', not a level");
            return false;
        }
        if (!item.isBinary() && hasMet) {
            findings.errorAtKey(yaml, at + "/met", "item-kind", "'" + item.id() + "' has levels 0.." + item.maxLevel()
                    + ": answer it with 'level: N'; 'met' is for binary items only");
            return false;
        }
        // neither: the schema asks for 'level' (an item without 'met' needs one)
        return hasLevel || hasMet;
    }

    /** A binary item's plan reads "met by DATE": it has no target level, and a met item needs none. */
    private void checkBinaryPlan(YamlDocument yaml, String at, QualityItem item, ItemAssessment assessed,
                                 Findings findings) {
        assessed.plan().ifPresent(plan -> {
            boolean kindError = plan.targetLevel().isPresent();
            if (kindError) {
                findings.errorAtKey(yaml, at + "/plan/target_level", "item-kind", "'" + item.id()
                        + "' is a binary item: its plan reads 'met by DATE', so give only 'due' (and 'note'), no target_level");
            }
            checkMetByPlan(yaml, at, item.id(), plan, assessed.level() >= 1, !kindError, findings);
        });
    }

    /**
     * A plan that reads "met by DATE" (a binary item's, a security check's): one that is already
     * met needs none, and one past its date without being met is overdue.
     *
     * @param judgeMet whether to say that a met one needs no plan (not when the plan has a worse problem)
     */
    private void checkMetByPlan(YamlDocument yaml, String at, String id, Assessment.ImprovementPlan plan, boolean met,
                                boolean judgeMet, Findings findings) {
        if (met && judgeMet) {
            findings.error(yaml, at + "/plan", "plan-target-not-higher", "'" + id + "' is already met; remove the plan");
        }
        if (plan.due().isBefore(asOf) && !met) {
            findings.warning(yaml, at + "/plan/due", "plan-overdue", "plan to meet '" + id + "' was due on " + plan.due());
        }
    }

    private void checkWaiver(YamlDocument yaml, String at, Standard std, Assessment assessment, Waiver waiver,
                             Optional<String> knownTier, Map<String, Integer> seen, int index, Findings findings) {
        Optional<QualityItem> item = std.item(waiver.item());
        boolean phaseKnown = std.phaseIndex(waiver.phase()) >= 0;
        if (item.isEmpty()) {
            findings.error(yaml, at + "/item", "unknown-item", "waiver for unknown quality item '" + waiver.item()
                    + "' (standards/quality-items.yaml); " + Suggestions.expectedOneOf(waiver.item(), itemIds(std)));
        }
        if (!phaseKnown) {
            findings.error(yaml, at + "/phase", "unknown-phase", StandardRules.unknownPhase(std, waiver.phase()));
        }
        if (item.isPresent() && phaseKnown && knownTier.isPresent()) {
            String tier = knownTier.get();
            int required = item.get().requiredLevel(waiver.phase(), tier);
            if (required == 0) {
                findings.error(yaml, at, "waiver-without-requirement", "'" + waiver.item() + "' requires nothing in phase '"
                        + waiver.phase() + "'" + (tier.isEmpty() ? "" : " for " + tier)
                        + "; a waiver must refer to a real requirement");
            } else {
                ItemAssessment assessed = assessment.items().get(waiver.item());
                if (assessed != null && assessed.level() >= required) {
                    findings.warning(yaml, at, "waiver-unneeded", (item.get().isBinary()
                            ? "'" + waiver.item() + "' is already met, as '" + waiver.phase() + "' requires"
                            : "level " + assessed.level() + " of '" + waiver.item() + "' already meets the required level "
                                    + required + " in '" + waiver.phase() + "'") + "; the waiver can be removed");
                }
            }
        }
        checkWaiverTerms(yaml, at, waiver, seen, index, findings);
    }

    /**
     * What every waiver must get right whatever it exempts (see {@link io.servicedocs.model.WaiverTerms}):
     * one waiver per requirement, not expired, dates in order.
     */
    private void checkWaiverTerms(YamlDocument yaml, String at, io.servicedocs.model.WaiverTerms waiver,
                                  Map<String, Integer> seen, int index, Findings findings) {
        Integer earlier = seen.putIfAbsent(waiver.subject() + "@" + waiver.phase(), index);
        if (earlier != null) {
            findings.error(yaml, at, "duplicate-waiver", "a waiver for '" + waiver.subject() + "' in phase '" + waiver.phase()
                    + "' already exists at line " + yaml.locate("/waivers/" + earlier).line());
        }
        if (waiver.expires().isBefore(asOf)) {
            findings.error(yaml, at + "/expires", "waiver-expired", "waiver expired on " + waiver.expires()
                    + "; renew it with the review board's approval or remove it");
        }
        waiver.approvedOn().ifPresent(approved -> {
            if (waiver.expires().isBefore(approved)) {
                findings.error(yaml, at + "/expires", "date-order", "waiver expires (" + waiver.expires()
                        + ") before it was approved (" + approved + ")");
            }
            if (approved.isAfter(asOf)) {
                findings.error(yaml, at + "/approved_on", "date-in-future", "approved_on " + approved
                        + " is after today (" + asOf + ")");
            }
        });
    }

    private void checkSecurity(YamlDocument yaml, Standard std, SecurityAnswers answers, Optional<String> tier,
                               java.util.function.Predicate<String> pruned, Findings findings) {
        for (Map.Entry<String, SecurityAnswers.CheckAnswer> entry : answers.checks().entrySet()) {
            String id = entry.getKey();
            if (std.check(id).isEmpty()) {
                findings.errorAtKey(yaml, YamlDocument.child("/checks", id), "unknown-check", "unknown security check '"
                        + id + "' (standards/security-checklist.yaml); "
                        + Suggestions.expectedOneOf(id, std.checks().stream().map(SecurityCheck::id).toList()));
                continue;
            }
            // the schema keeps plans off not-applicable answers; a 'yes' is met like a met binary item
            entry.getValue().plan().ifPresent(plan -> checkMetByPlan(yaml, YamlDocument.child("/checks", id), id, plan,
                    entry.getValue().answer() == SecurityAnswers.Answer.YES, true, findings));
        }
        List<String> checkIds = std.checks().stream().map(SecurityCheck::id).toList();
        Set<String> misspelt = misspelt(answers.checks().keySet(), checkIds);
        for (SecurityCheck check : std.checks()) {
            if (!answers.checks().containsKey(check.id()) && !pruned.test(check.id()) && !misspelt.contains(check.id())) {
                findings.error(yaml, "/checks", "missing-check", "no answer for security check '" + check.id() + "' ("
                        + check.title() + "); expected yes, no or not-applicable for every check");
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < answers.waivers().size(); i++) {
            checkCheckWaiver(yaml, "/waivers/" + i, std, answers, answers.waivers().get(i), tier, seen, i, findings);
        }
        answers.reviewedOn().ifPresent(day -> {
            if (day.isAfter(asOf)) {
                findings.error(yaml, "/reviewed_on", "date-in-future", "reviewed_on " + day + " is after today (" + asOf + ")");
            }
        });
    }

    /** A security check's waiver, judged as an item's ({@link #checkWaiver}) against the check's requirement. */
    private void checkCheckWaiver(YamlDocument yaml, String at, Standard std, SecurityAnswers answers,
                                  SecurityAnswers.CheckWaiver waiver, Optional<String> knownTier, Map<String, Integer> seen,
                                  int index, Findings findings) {
        Optional<SecurityCheck> check = std.check(waiver.check());
        boolean phaseKnown = std.phaseIndex(waiver.phase()) >= 0;
        if (check.isEmpty()) {
            findings.error(yaml, at + "/check", "unknown-check", "waiver for unknown security check '" + waiver.check()
                    + "' (standards/security-checklist.yaml); "
                    + Suggestions.expectedOneOf(waiver.check(), std.checks().stream().map(SecurityCheck::id).toList()));
        }
        if (!phaseKnown) {
            findings.error(yaml, at + "/phase", "unknown-phase", StandardRules.unknownPhase(std, waiver.phase()));
        }
        if (check.isPresent() && phaseKnown && knownTier.isPresent()) {
            String tier = knownTier.get();
            if (!std.requires(check.get(), waiver.phase(), tier)) {
                findings.error(yaml, at, "waiver-without-requirement", "'" + waiver.check() + "' is not required in phase '"
                        + waiver.phase() + "'" + (tier.isEmpty() ? "" : " for " + tier)
                        + "; a waiver must refer to a real requirement");
            } else {
                SecurityAnswers.CheckAnswer answer = answers.checks().get(waiver.check());
                if (answer != null && answer.answer() != SecurityAnswers.Answer.NO) {
                    findings.warning(yaml, at, "waiver-unneeded", "'" + waiver.check() + "' is answered '"
                            + (answer.answer() == SecurityAnswers.Answer.YES ? "yes" : "not-applicable")
                            + "', which satisfies phase '" + waiver.phase() + "'; the waiver can be removed");
                }
            }
        }
        checkWaiverTerms(yaml, at, waiver, seen, index, findings);
    }

    /** The known ids that the unknown ones among {@code keys} are likely misspellings of. */
    private static Set<String> misspelt(Set<String> keys, List<String> known) {
        Set<String> meant = new HashSet<>();
        for (String key : keys) {
            if (!known.contains(key)) {
                Suggestions.closest(key, known).ifPresent(meant::add);
            }
        }
        return meant;
    }

    private static java.util.List<String> itemIds(Standard std) {
        return std.items().stream().map(QualityItem::id).toList();
    }

    private void checkFinance(YamlDocument yaml, Finance finance, boolean hasDemandMetric, Findings findings) {
        YearMonth thisMonth = YearMonth.from(asOf);
        for (Map.Entry<YearMonth, Finance.Month> month : finance.months().entrySet()) {
            String at = YamlDocument.child("/months", month.getKey().toString());
            if (month.getKey().isAfter(thisMonth)) {
                findings.warning(yaml, at, "month-in-future", "month " + month.getKey()
                        + " is in the future; expected actual figures, not a forecast");
            }
            if (month.getValue().demand().isPresent() && !hasDemandMetric) {
                findings.warning(yaml, at + "/demand", "demand-without-metric", "demand is given but service-doc.yaml "
                        + "has no demand_metric saying what it counts");
            }
        }
    }
}
