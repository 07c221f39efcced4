package io.servicedocs.validate;

import io.servicedocs.load.Suggestions;
import io.servicedocs.load.YamlDocument;
import io.servicedocs.model.SliTemplate;
import io.servicedocs.model.SloDeclaration;
import io.servicedocs.model.SloDeclaration.BudgetingMethod;
import io.servicedocs.model.SloDeclaration.DataSource;
import io.servicedocs.model.SloDeclaration.Sli;
import io.servicedocs.model.Standard;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The rules of a product's slos.yaml (OpenSLO v1) beyond its schema, and its resolution into
 * {@link SloDeclaration}s: each SLO's service is this product; its window is a calendar month;
 * it has one objective, with target or targetPercent; its indicator is inline or an SLI
 * document of the file; every SLI reads one DataSource document of the file, of type Prometheus
 * or Datadog; an SLI made from a template of standards/sli-templates.yaml names one that exists
 * and gives each of its parameters, in the parameter's form (so that no value can change a
 * query). Names are unique per kind. Every finding stands at its node in its own document.
 */
final class SloRules {

    /** The annotation of an SLO reading a Datadog source: the Datadog SLO whose history is fetched. */
    static final String DATADOG_SLO_ID = "datadoghq.com/slo-id";

    private static final java.util.regex.Pattern DATADOG_ID = java.util.regex.Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final Map<String, DataSource.Type> TYPES = Map.of("Prometheus", DataSource.Type.PROMETHEUS,
            "Datadog", DataSource.Type.DATADOG);
    private static final Map<String, BudgetingMethod> METHODS = Map.of("Occurrences", BudgetingMethod.OCCURRENCES,
            "Timeslices", BudgetingMethod.TIMESLICES, "RatioTimeslices", BudgetingMethod.RATIO_TIMESLICES);
    private static final String MONTHLY = "timeWindow: [{duration: 1M, isRolling: false, calendar: "
            + "{startTime: '2026-01-01 00:00:00', timeZone: UTC}}]";

    private final Optional<Standard> standard;

    SloRules(Optional<Standard> standard) {
        this.standard = standard;
    }

    /**
     * The SLOs of a schema-valid slos.yaml, in file order, when the file breaks none of the
     * rules; empty (and every problem in {@code findings}) when it breaks one.
     */
    Optional<List<SloDeclaration>> check(YamlDocument doc, String productId, Findings findings) {
        return new FileCheck(doc, productId, findings).run();
    }

    private final class FileCheck {
        final YamlDocument doc;
        final String productId;
        final Findings findings;
        boolean broken;
        int errors;
        /** Document pointers by name, per kind, in file order. */
        final Map<String, String> dataSourceAt = new LinkedHashMap<>();
        final Map<String, String> sliAt = new LinkedHashMap<>();
        final Map<String, DataSource> dataSources = new HashMap<>();
        /** Each SLI document resolved once: its problems are reported once, however many SLOs use it. */
        final Map<String, Optional<Sli>> resolvedSlis = new HashMap<>();
        final Set<String> usedDataSources = new TreeSet<>();
        final Set<String> usedSlis = new TreeSet<>();

        FileCheck(YamlDocument doc, String productId, Findings findings) {
            this.doc = doc;
            this.productId = productId;
            this.findings = findings;
        }

        void error(String pointer, String rule, String message) {
            findings.error(doc, pointer, rule, message);
            broken = true;
            errors++;
        }

        Optional<List<SloDeclaration>> run() {
            JsonNode root = doc.root();
            Map<String, Map<String, String>> seen = new HashMap<>();
            for (int i = 0; i < root.size(); i++) {
                String at = "/" + i;
                String kind = root.get(i).path("kind").asString();
                String name = root.get(i).path("metadata").path("name").asString();
                Map<String, String> names = seen.computeIfAbsent(kind, k -> new HashMap<>());
                if (names.containsKey(name)) {
                    io.servicedocs.model.Position first = doc.locate(names.get(name) + "/metadata/name");
                    error(at + "/metadata/name", "slo-duplicate-name", kind + " name '" + name
                            + "' is already used at line " + first.line() + ", column " + first.column()
                            + "; names are unique per kind in slos.yaml");
                    continue;
                }
                names.put(name, at);
                switch (kind) {
                    case "DataSource" -> dataSourceAt.put(name, at);
                    case "SLI" -> sliAt.put(name, at);
                    default -> { }
                }
            }
            dataSourceAt.forEach((name, at) -> dataSource(name, at).ifPresent(d -> dataSources.put(name, d)));
            List<SloDeclaration> slos = new ArrayList<>();
            for (int i = 0; i < root.size(); i++) {
                String at = "/" + i;
                if (root.get(i).path("kind").asString().equals("SLO")
                        && seen.get("SLO").get(root.get(i).path("metadata").path("name").asString()).equals(at)) {
                    slo(at).ifPresent(slos::add);
                }
            }
            sliAt.forEach((name, at) -> {
                if (!usedSlis.contains(name)) {
                    findings.warning(doc, at + "/metadata/name", "slo-unused", "SLI '" + name
                            + "' is not the indicatorRef of any SLO; remove it or refer to it");
                }
            });
            dataSourceAt.forEach((name, at) -> {
                if (!usedDataSources.contains(name)) {
                    findings.warning(doc, at + "/metadata/name", "slo-unused", "DataSource '" + name
                            + "' is not the metricSourceRef of any SLI; remove it or refer to it");
                }
            });
            return broken ? Optional.empty() : Optional.of(slos);
        }

        Optional<DataSource> dataSource(String name, String at) {
            JsonNode spec = doc.root().at(at + "/spec");
            String type = spec.path("type").asString();
            DataSource.Type known = TYPES.get(type);
            if (known == null) {
                error(at + "/spec/type", "slo-data-source-type", "data source type '" + type
                        + "' is not read by servicedocs; " + Suggestions.expectedOneOf(type, new TreeSet<>(TYPES.keySet())));
                return Optional.empty();
            }
            Map<String, String> connection = new LinkedHashMap<>();
            spec.path("connectionDetails").properties().forEach(e -> connection.put(e.getKey(), e.getValue().asString()));
            return Optional.of(new DataSource(name, known, connection));
        }

        Optional<SloDeclaration> slo(String at) {
            JsonNode slo = doc.root().at(at);
            JsonNode spec = slo.path("spec");
            String name = slo.path("metadata").path("name").asString();
            int before = errors;
            String service = spec.path("service").asString();
            if (!service.equals(productId)) {
                error(at + "/spec/service", "slo-service", "SLO '" + name + "' is of service '" + service
                        + "'; expected '" + productId + "', this product's id (slos.yaml declares the SLOs of its own product)");
            }
            window(at, name);
            Optional<BigDecimal> target = target(at, name);
            BudgetingMethod method = METHODS.get(spec.path("budgetingMethod").asString());
            Optional<Sli> sli = indicator(at, name);
            Optional<String> datadogId = Optional.ofNullable(slo.path("metadata").path("annotations").get(DATADOG_SLO_ID))
                    .map(JsonNode::asString);
            if (sli.isPresent() && sli.get().dataSource().type() == DataSource.Type.DATADOG) {
                if (datadogId.isEmpty()) {
                    error(at + "/metadata", "slo-datadog-id", "SLO '" + name + "' reads Datadog data source '"
                            + sli.get().dataSource().name() + "' but names no Datadog SLO; add metadata.annotations: {"
                            + DATADOG_SLO_ID + ": ID}, the id of the Datadog SLO whose monthly history is fetched");
                } else if (!DATADOG_ID.matcher(datadogId.get()).matches()) {
                    error(at + "/metadata/annotations/" + DATADOG_SLO_ID.replace("/", "~1"), "slo-datadog-id",
                            "'" + datadogId.get() + "' is not a Datadog SLO id; expected letters and digits,"
                                    + " e.g. 9a7f2c41e0b34d6d8f6c3b1a2e5d7c90");
                }
            }
            if (errors > before || sli.isEmpty() || target.isEmpty()) {
                return Optional.empty();
            }
            Sli resolved = sli.get();
            if (datadogId.isPresent()) {
                resolved = new Sli(resolved.name(), resolved.template(), resolved.parameters(), resolved.dataSource(),
                        resolved.good(), resolved.bad(), resolved.total(), datadogId);
            }
            return Optional.of(new SloDeclaration(name, text(slo.path("metadata").path("displayName")),
                    text(spec.path("description")), service, resolved, target.get(), method, doc.path(),
                    doc.locate(at + "/metadata/name")));
        }

        /** A calendar month: duration 1M, not rolling, aligned on a month's first instant in a known time zone. */
        void window(String at, String name) {
            String w = at + "/spec/timeWindow/0";
            JsonNode window = doc.root().at(w);
            if (window.path("isRolling").asBoolean(false)) {
                error(w + "/isRolling", "slo-window-rolling", "SLO '" + name + "' has a rolling window; servicedocs"
                        + " measures SLOs per calendar month, so the window must be calendar-aligned: " + MONTHLY);
                return;
            }
            if (!window.path("duration").asString().equals("1M")) {
                error(w + "/duration", "slo-window", "SLO '" + name + "' has a window of '" + window.path("duration").asString()
                        + "'; expected '1M', a calendar month: " + MONTHLY);
                return;
            }
            if (!window.has("calendar")) {
                error(w, "slo-window", "SLO '" + name + "' has no calendar; a monthly window is calendar-aligned: " + MONTHLY);
                return;
            }
            String startTime = window.path("calendar").path("startTime").asString();
            try {
                LocalDateTime start = LocalDateTime.parse(startTime, START_TIME.withResolverStyle(java.time.format.ResolverStyle.STRICT));
                if (start.getDayOfMonth() != 1 || !start.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
                    error(w + "/calendar/startTime", "slo-window", "calendar.startTime '" + startTime
                            + "' is not the first instant of a month; expected e.g. '"
                            + start.toLocalDate().withDayOfMonth(1) + " 00:00:00'");
                }
            } catch (DateTimeParseException e) {
                error(w + "/calendar/startTime", "slo-window", "calendar.startTime '" + startTime
                        + "' is not a date and time; expected 'YYYY-MM-DD HH:MM:SS', e.g. '2026-01-01 00:00:00'");
            }
            String zone = window.path("calendar").path("timeZone").asString();
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                error(w + "/calendar/timeZone", "slo-window", "calendar.timeZone '" + zone + "' is not an IANA time zone; "
                        + Suggestions.closest(zone, ZoneId.getAvailableZoneIds()).map(z -> "did you mean '" + z + "'? ")
                        .orElse("") + "expected e.g. UTC or Asia/Tokyo");
            }
        }

        Optional<BigDecimal> target(String at, String name) {
            JsonNode objectives = doc.root().at(at + "/spec/objectives");
            if (objectives.size() != 1) {
                error(at + "/spec/objectives", "slo-objectives", "SLO '" + name + "' has " + objectives.size()
                        + " objectives; servicedocs judges each month against one target: write one objective"
                        + " (a second target is a second SLO)");
                return Optional.empty();
            }
            JsonNode objective = objectives.get(0);
            boolean ratio = objective.has("target");
            boolean percent = objective.has("targetPercent");
            if (ratio == percent) {
                error(at + "/spec/objectives/0", "slo-target", "SLO '" + name + "' has "
                        + (ratio ? "both target and targetPercent" : "neither target nor targetPercent")
                        + "; give one: target between 0 and 1 (e.g. 0.999) or targetPercent between 0 and 100 (e.g. 99.9)");
                return Optional.empty();
            }
            return Optional.of(ratio ? objective.get("target").decimalValue()
                    : objective.get("targetPercent").decimalValue().movePointLeft(2));
        }

        Optional<Sli> indicator(String at, String name) {
            JsonNode spec = doc.root().at(at + "/spec");
            boolean inline = spec.has("indicator");
            boolean ref = spec.has("indicatorRef");
            if (inline == ref) {
                error(at + "/spec", "slo-indicator", "SLO '" + name + "' has " + (inline ? "both indicator and indicatorRef"
                        : "neither indicator nor indicatorRef") + "; give one: indicatorRef naming an SLI document of"
                        + " this file, or the SLI inline under indicator");
                return Optional.empty();
            }
            if (inline) {
                return sli(spec.path("indicator").path("metadata").path("name").asString(), at + "/spec/indicator");
            }
            String sliName = spec.path("indicatorRef").asString();
            String sliDoc = sliAt.get(sliName);
            if (sliDoc == null) {
                error(at + "/spec/indicatorRef", "slo-indicator-ref", "indicatorRef '" + sliName
                        + "' names no SLI document of this file; " + Suggestions.expectedOneOf(sliName, sliAt.keySet()));
                return Optional.empty();
            }
            usedSlis.add(sliName);
            return resolvedSlis.computeIfAbsent(sliName, n -> sli(n, sliDoc));
        }

        /** The SLI at {@code at} (a document, or an inline indicator): its queries and data source. */
        Optional<Sli> sli(String sliName, String at) {
            JsonNode spec = doc.root().at(at + "/spec");
            boolean ratio = spec.has("ratioMetric");
            boolean template = spec.has("template");
            if (ratio == template) {
                error(at + "/spec", "slo-sli-form", "SLI '" + sliName + "' has " + (ratio ? "both ratioMetric and template"
                        : "neither ratioMetric nor template") + "; give one: ratioMetric with good (or bad) and total"
                        + " queries, or template naming one of standards/sli-templates.yaml");
                return Optional.empty();
            }
            return ratio ? ratioMetric(sliName, at + "/spec/ratioMetric") : template(sliName, at + "/spec/template");
        }

        Optional<Sli> ratioMetric(String sliName, String at) {
            JsonNode metric = doc.root().at(at);
            if (metric.has("good") == metric.has("bad")) {
                error(at, "slo-ratio", "SLI '" + sliName + "' has " + (metric.has("good") ? "both good and bad"
                        : "neither good nor bad") + "; give one of them, with total");
                return Optional.empty();
            }
            Optional<DataSource> source = Optional.empty();
            Optional<String> sourceName = Optional.empty();
            Map<String, String> queries = new HashMap<>();
            for (String part : List.of("good", "bad", "total")) {
                if (!metric.has(part)) {
                    continue;
                }
                String m = at + "/" + part + "/metricSource";
                JsonNode metricSource = doc.root().at(m);
                queries.put(part, metricSource.path("spec").path("query").asString());
                if (!metricSource.has("metricSourceRef")) {
                    error(m, "slo-data-source", "the " + part + " query of SLI '" + sliName + "' names no data source;"
                            + " add metricSourceRef naming a DataSource document of this file"
                            + (dataSourceAt.isEmpty() ? " (declare one: kind: DataSource, spec.type Prometheus or Datadog)"
                            : " (" + Suggestions.list(dataSourceAt.keySet()) + ")"));
                    continue;
                }
                String ref = metricSource.path("metricSourceRef").asString();
                if (sourceName.isPresent() && !sourceName.get().equals(ref)) {
                    error(m + "/metricSourceRef", "slo-data-source", "the " + part + " query of SLI '" + sliName
                            + "' reads data source '" + ref + "' but another of its queries reads '" + sourceName.get()
                            + "'; an SLI's queries read one data source");
                    continue;
                }
                sourceName = Optional.of(ref);
                Optional<DataSource> found = reference(m + "/metricSourceRef", ref);
                if (found.isPresent() && metricSource.has("type")
                        && TYPES.get(metricSource.path("type").asString()) != found.get().type()) {
                    error(m + "/type", "slo-data-source-type", "type '" + metricSource.path("type").asString()
                            + "' is not the type of data source '" + ref + "' (" + typeName(found.get().type())
                            + "); leave type out or write " + typeName(found.get().type()));
                    continue;
                }
                source = source.or(() -> found);
            }
            return source.map(s -> new Sli(sliName, Optional.empty(), Map.of(), s, Optional.ofNullable(queries.get("good")),
                    Optional.ofNullable(queries.get("bad")), Optional.ofNullable(queries.get("total")), Optional.empty()));
        }

        /** The DataSource document {@code ref} names, reported at {@code pointer} when there is none. */
        Optional<DataSource> reference(String pointer, String ref) {
            if (!dataSourceAt.containsKey(ref)) {
                error(pointer, "slo-data-source", "metricSourceRef '" + ref + "' names no DataSource document of this file; "
                        + Suggestions.expectedOneOf(ref, dataSourceAt.keySet()));
                return Optional.empty();
            }
            usedDataSources.add(ref);
            return Optional.ofNullable(dataSources.get(ref)); // empty when its own type was refused (reported there)
        }

        Optional<Sli> template(String sliName, String at) {
            JsonNode ref = doc.root().at(at);
            String id = ref.path("name").asString();
            List<SliTemplate> templates = standard.map(Standard::sliTemplates).orElse(List.of());
            Optional<DataSource> source = reference(at + "/metricSourceRef", ref.path("metricSourceRef").asString());
            Optional<SliTemplate> found = templates.stream().filter(t -> t.id().equals(id)).findFirst();
            if (found.isEmpty()) {
                if (standard.isPresent()) {
                    error(at + "/name", "slo-template", "SLI template '" + id + "' is not in standards/sli-templates.yaml; "
                            + (templates.isEmpty() ? "that file declares none (add it, or write ratioMetric queries)"
                            : Suggestions.expectedOneOf(id, templates.stream().map(SliTemplate::id).toList())));
                } else {
                    broken = true; // the standard's own problems are reported; nothing can be resolved without it
                }
                return Optional.empty();
            }
            SliTemplate t = found.get();
            Map<String, String> values = new LinkedHashMap<>();
            JsonNode given = ref.path("parameters");
            boolean valid = true;
            for (var entry : given.properties()) {
                String pointer = YamlDocument.child(at + "/parameters", entry.getKey());
                Optional<SliTemplate.Parameter> parameter = t.parameter(entry.getKey());
                if (parameter.isEmpty()) {
                    findings.errorAtKey(doc, pointer, "slo-template-parameter", "template '" + id + "' has no parameter '"
                            + entry.getKey() + "'; " + Suggestions.expectedOneOf(entry.getKey(),
                            t.parameters().stream().map(SliTemplate.Parameter::name).toList()));
                    broken = true;
                    errors++;
                    valid = false;
                    continue;
                }
                // a number written as a number is its plain decimal text (0.5, never 5E-1)
                String value = entry.getValue().isNumber() ? entry.getValue().decimalValue().toPlainString()
                        : entry.getValue().asString();
                if (!parameter.get().kind().admits(value)) {
                    error(pointer, "slo-template-parameter", "parameter '" + entry.getKey() + "' of template '" + id
                            + "' is '" + value + "'; expected " + parameter.get().kind().described()
                            + " (a value may not change the template's query)");
                    valid = false;
                    continue;
                }
                values.put(entry.getKey(), value);
            }
            List<String> missing = t.parameters().stream().map(SliTemplate.Parameter::name)
                    .filter(n -> !given.has(n)).toList();
            if (!missing.isEmpty()) {
                error(given.isMissingNode() ? at : at + "/parameters", "slo-template-parameter", "template '" + id
                        + "' needs parameter" + (missing.size() == 1 ? " '" : "s '") + String.join("', '", missing)
                        + "'; give " + (missing.size() == 1 ? "it" : "them") + " under parameters");
                valid = false;
            }
            if (!valid || source.isEmpty()) {
                return Optional.empty();
            }
            SliTemplate.Queries queries = source.get().type() == DataSource.Type.PROMETHEUS ? t.prometheus() : t.datadog();
            try {
                return Optional.of(new Sli(sliName, Optional.of(id), values, source.get(),
                        Optional.of(t.expand(queries.good(), values)), Optional.empty(),
                        Optional.of(t.expand(queries.total(), values)), Optional.empty()));
            } catch (IllegalArgumentException e) {
                broken = true; // a placeholder the template does not declare: reported in standards/sli-templates.yaml
                return Optional.empty();
            }
        }
    }

    static String typeName(DataSource.Type type) {
        return TYPES.entrySet().stream().filter(e -> e.getValue() == type).map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    private static Optional<String> text(JsonNode node) {
        return node.isString() ? Optional.of(node.asString()) : Optional.empty();
    }
}
