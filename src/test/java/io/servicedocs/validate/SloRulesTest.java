package io.servicedocs.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicedocs.TestRepositories;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.Position;
import io.servicedocs.model.SloDeclaration;
import io.servicedocs.model.SloDeclaration.BudgetingMethod;
import io.servicedocs.model.SloDeclaration.DataSource;
import io.servicedocs.model.SloDeclaration.Sli;
import io.servicedocs.source.WorkingTreeSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * products/&lt;id&gt;/slos.yaml (OpenSLO v1, several documents) and standards/sli-templates.yaml:
 * a valid file resolves into SloDeclarations; a file broken in each rule is reported at the
 * file:line:column of the node, in its own document.
 */
class SloRulesTest {

    private static SchemaValidator schemas;

    @TempDir
    Path dir;

    @BeforeAll
    static void schemas() {
        schemas = new SchemaValidator();
    }

    static final String SLOS_FILE = "products/alpha/slos.yaml";
    static final String TEMPLATES_FILE = "standards/sli-templates.yaml";

    /** Line numbers are in the comments: the cases below count on them. */
    static final String SLOS = String.join("\n",
            "apiVersion: openslo/v1",                                                   // 1
            "kind: SLO",                                                                // 2
            "metadata:",                                                                // 3
            "  name: up",                                                               // 4
            "  displayName: Alpha is up",                                               // 5
            "spec:",                                                                    // 6
            "  service: alpha",                                                         // 7
            "  indicatorRef: requests",                                                 // 8
            "  timeWindow:",                                                            // 9
            "    - duration: 1M",                                                       // 10
            "      isRolling: false",                                                   // 11
            "      calendar: {startTime: \"2026-01-01 00:00:00\", timeZone: UTC}",      // 12
            "  budgetingMethod: Occurrences",                                           // 13
            "  objectives:",                                                            // 14
            "    - targetPercent: 99.9",                                                // 15
            "---",                                                                      // 16
            "apiVersion: openslo/v1",                                                   // 17
            "kind: SLI",                                                                // 18
            "metadata:",                                                                // 19
            "  name: requests",                                                         // 20
            "spec:",                                                                    // 21
            "  template:",                                                              // 22
            "    name: availability",                                                   // 23
            "    metricSourceRef: prom",                                                // 24
            "    parameters: {job: alpha}",                                             // 25
            "---",                                                                      // 26
            "apiVersion: openslo/v1",                                                   // 27
            "kind: SLO",                                                                // 28
            "metadata:",                                                                // 29
            "  name: fast",                                                             // 30
            "  annotations: {datadoghq.com/slo-id: abc123}",                            // 31
            "spec:",                                                                    // 32
            "  service: alpha",                                                         // 33
            "  indicator:",                                                             // 34
            "    metadata: {name: latency}",                                            // 35
            "    spec:",                                                                // 36
            "      ratioMetric:",                                                       // 37
            "        counter: true",                                                    // 38
            "        good:",                                                            // 39
            "          metricSource: {metricSourceRef: datadog, type: Datadog, spec: {query: \"sum:fast{service:alpha}.as_count()\"}}", // 40
            "        total:",                                                           // 41
            "          metricSource: {metricSourceRef: datadog, spec: {query: \"sum:all{service:alpha}.as_count()\"}}", // 42
            "  timeWindow:",                                                            // 43
            "    - duration: 1M",                                                       // 44
            "      calendar: {startTime: \"2026-01-01 00:00:00\", timeZone: Asia/Tokyo}", // 45
            "  budgetingMethod: Occurrences",                                           // 46
            "  objectives:",                                                            // 47
            "    - target: 0.99",                                                       // 48
            "---",                                                                      // 49
            "apiVersion: openslo/v1",                                                   // 50
            "kind: DataSource",                                                         // 51
            "metadata:",                                                                // 52
            "  name: prom",                                                             // 53
            "spec:",                                                                    // 54
            "  type: Prometheus",                                                       // 55
            "  connectionDetails: {url: \"https://prometheus.example.com\"}",           // 56
            "---",                                                                      // 57
            "apiVersion: openslo/v1",                                                   // 58
            "kind: DataSource",                                                         // 59
            "metadata:",                                                                // 60
            "  name: datadog",                                                          // 61
            "spec:",                                                                    // 62
            "  type: Datadog",                                                          // 63
            "");

    static final String TEMPLATES = String.join("\n",
            "templates:",                                                               // 1
            "  - id: availability",                                                     // 2
            "    title: {en: Availability, ja: 可用性}",                                  // 3
            "    description: Non-5xx responses among all.",                            // 4
            "    parameters:",                                                          // 5
            "      - {name: job, kind: label, description: The job.}",                  // 6
            "    prometheus:",                                                          // 7
            "      good: sum(http_requests_total{job=\"{{job}}\",code!~\"5..\"})",      // 8
            "      total: sum(http_requests_total{job=\"{{job}}\"})",                   // 9
            "    datadog:",                                                             // 10
            "      good: sum:hits{service:{{job}},!status:5xx}.as_count()",             // 11
            "      total: sum:hits{service:{{job}}}.as_count()",                        // 12
            "");

    private Path repo(String slos, String templates) throws IOException {
        // a folder of its own: a test may break the file twice
        Path repo = TestRepositories.minimalCopy(Files.createTempDirectory(dir, "case"));
        Files.writeString(repo.resolve(SLOS_FILE), slos);
        Files.writeString(repo.resolve(TEMPLATES_FILE), templates);
        return repo;
    }

    private static ValidationResult validate(Path repo) throws IOException {
        return new Validation(schemas, TestRepositories.AS_OF).run(new WorkingTreeSource(repo));
    }

    private static List<String> found(ValidationResult result) {
        return result.diagnostics().stream().map(d -> d.file() + ":" + d.line() + ":" + d.column() + " "
                + d.severity().name().toLowerCase() + " " + d.rule() + " " + d.message()).toList();
    }

    /** The diagnostics of slos.yaml with {@code from} replaced by {@code to} (exactly once). */
    private List<String> broken(String from, String to) throws IOException {
        assertEquals(1, SLOS.split(java.util.regex.Pattern.quote(from), -1).length - 1, "'" + from + "' occurs once");
        return found(validate(repo(SLOS.replace(from, to), TEMPLATES)));
    }

    @Test
    void aValidFileResolvesIntoDeclarationsInFileOrder() throws IOException {
        ValidationResult result = validate(repo(SLOS, TEMPLATES));
        assertEquals(List.of(), found(result));
        DataSource prom = new DataSource("prom", DataSource.Type.PROMETHEUS, Map.of("url", "https://prometheus.example.com"));
        DataSource datadog = new DataSource("datadog", DataSource.Type.DATADOG, Map.of());
        assertEquals(List.of(
                new SloDeclaration("up", Optional.of("Alpha is up"), Optional.empty(), "alpha",
                        new Sli("requests", Optional.of("availability"), Map.of("job", "alpha"), prom,
                                Optional.of("sum(http_requests_total{job=\"alpha\",code!~\"5..\"})"), Optional.empty(),
                                Optional.of("sum(http_requests_total{job=\"alpha\"})"), Optional.empty()),
                        new BigDecimal("0.999"), BudgetingMethod.OCCURRENCES, SLOS_FILE, new Position(4, 9)),
                new SloDeclaration("fast", Optional.empty(), Optional.empty(), "alpha",
                        new Sli("latency", Optional.empty(), Map.of(), datadog,
                                Optional.of("sum:fast{service:alpha}.as_count()"), Optional.empty(),
                                Optional.of("sum:all{service:alpha}.as_count()"), Optional.of("abc123")),
                        new BigDecimal("0.99"), BudgetingMethod.OCCURRENCES, SLOS_FILE, new Position(30, 9))),
                result.repository().orElseThrow().products().stream().filter(p -> p.id().equals("alpha"))
                        .findFirst().orElseThrow().slos());
    }

    @Test
    void aTemplateForDatadogExpandsItsDatadogQueries() throws IOException {
        ValidationResult result = validate(repo(SLOS.replace("    metricSourceRef: prom", "    metricSourceRef: datadog")
                .replace("  name: up\n", "  name: up\n  annotations: {datadoghq.com/slo-id: f00d}\n").replace(
                        "  connectionDetails: {url: \"https://prometheus.example.com\"}\n", ""), TEMPLATES));
        assertEquals(List.of(// the annotation inserted after line 4 moves the DataSource down a line
                "products/alpha/slos.yaml:54:9 warning slo-unused DataSource 'prom' is not the"
                + " metricSourceRef of any SLI; remove it or refer to it"), found(result));
        Sli sli = result.repository().orElseThrow().products().get(0).slos().get(0).indicator();
        assertEquals(List.of(Optional.of("sum:hits{service:alpha,!status:5xx}.as_count()"),
                Optional.of("sum:hits{service:alpha}.as_count()"), Optional.of("f00d")),
                List.of(sli.good(), sli.total(), sli.datadogSloId()));
    }

    private static final String F = "products/alpha/slos.yaml:";
    private static final String MONTHLY = "timeWindow: [{duration: 1M, isRolling: false, calendar: "
            + "{startTime: '2026-01-01 00:00:00', timeZone: UTC}}]";

    @Test
    void theServiceIsThisProduct() throws IOException {
        assertEquals(List.of(F + "7:12 error slo-service SLO 'up' is of service 'alhpa'; expected 'alpha', this"
                        + " product's id (slos.yaml declares the SLOs of its own product)"),
                broken("  service: alpha\n  indicatorRef", "  service: alhpa\n  indicatorRef"));
    }

    @Test
    void aTargetIsARatioBelowOne() throws IOException {
        assertEquals(List.of(F + "48:15 error schema-exclusiveMaximum 1.5: must have an exclusive maximum value of 1"),
                broken("    - target: 0.99", "    - target: 1.5"));
    }

    @Test
    void aTargetPercentIsBelowAHundred() throws IOException {
        assertEquals(List.of(F + "15:22 error schema-exclusiveMaximum 100: must have an exclusive maximum value of 100"),
                broken("    - targetPercent: 99.9", "    - targetPercent: 100"));
    }

    @Test
    void anObjectiveHasTargetOrTargetPercentNotBoth() throws IOException {
        assertEquals(List.of(F + "48:7 error slo-target SLO 'fast' has both target and targetPercent; give one:"
                        + " target between 0 and 1 (e.g. 0.999) or targetPercent between 0 and 100 (e.g. 99.9)"),
                broken("    - target: 0.99", "    - {target: 0.99, targetPercent: 99}"));
    }

    @Test
    void anSloHasOneObjective() throws IOException {
        assertEquals(List.of(F + "14:3 error slo-objectives SLO 'up' has 2 objectives; servicedocs judges each month"
                        + " against one target: write one objective (a second target is a second SLO)"),
                broken("    - targetPercent: 99.9", "    - targetPercent: 99.9\n    - targetPercent: 99"));
    }

    @Test
    void eachQueryNamesADeclaredDataSource() throws IOException {
        assertEquals(List.of(
                        F + "40:43 error slo-data-source metricSourceRef 'datadgo' names no DataSource document of this"
                                + " file; did you mean 'datadog'? expected one of: prom, datadog",
                        F + "42:43 error slo-data-source the total query of SLI 'latency' reads data source 'datadog'"
                                + " but another of its queries reads 'datadgo'; an SLI's queries read one data source",
                        F + "61:9 warning slo-unused DataSource 'datadog' is not the metricSourceRef of any SLI;"
                                + " remove it or refer to it"),
                broken("metricSourceRef: datadog, type", "metricSourceRef: datadgo, type"));
    }

    @Test
    void aQueryWithoutDataSourceIsRefused() throws IOException {
        assertEquals(List.of(F + "42:11 error slo-data-source the total query of SLI 'latency' names no data source;"
                        + " add metricSourceRef naming a DataSource document of this file (prom, datadog)"),
                broken("{metricSourceRef: datadog, spec: {query: \"sum:all", "{spec: {query: \"sum:all"));
    }

    @Test
    void aQueryTypeIsItsDataSourceType() throws IOException {
        assertEquals(List.of(F + "40:58 error slo-data-source-type type 'Prometheus' is not the type of data source"
                        + " 'datadog' (Datadog); leave type out or write Datadog"),
                broken("type: Datadog, spec", "type: Prometheus, spec"));
    }

    @Test
    void aDataSourceIsPrometheusOrDatadog() throws IOException {
        assertEquals(List.of(F + "63:9 error slo-data-source-type data source type 'DataDog' is not read by"
                        + " servicedocs; did you mean 'Datadog'? expected one of: Datadog, Prometheus"),
                broken("  type: Datadog\n", "  type: DataDog\n"));
    }

    @Test
    void anIndicatorRefNamesAnSliOfTheFile() throws IOException {
        assertEquals(List.of(
                        F + "8:17 error slo-indicator-ref indicatorRef 'request' names no SLI document of this file;"
                                + " did you mean 'requests'? expected one of: requests",
                        F + "20:9 warning slo-unused SLI 'requests' is not the indicatorRef of any SLO; remove it or refer to it",
                        F + "53:9 warning slo-unused DataSource 'prom' is not the metricSourceRef of any SLI; remove it or refer to it"),
                broken("  indicatorRef: requests", "  indicatorRef: request"));
    }

    @Test
    void anSloHasAnIndicator() throws IOException {
        assertEquals(List.of(
                        F + "6:1 error slo-indicator SLO 'up' has neither indicator nor indicatorRef; give one:"
                                + " indicatorRef naming an SLI document of this file, or the SLI inline under indicator",
                        F + "20:9 warning slo-unused SLI 'requests' is not the indicatorRef of any SLO; remove it or refer to it",
                        F + "53:9 warning slo-unused DataSource 'prom' is not the metricSourceRef of any SLI; remove it or refer to it"),
                broken("  indicatorRef: requests\n", "  description: Up.\n"));
    }

    @Test
    void namesAreUniquePerKind() throws IOException {
        assertEquals(List.of(
                        F + "30:9 error slo-duplicate-name SLO name 'up' is already used at line 4, column 9; names are"
                                + " unique per kind in slos.yaml",
                        F + "61:9 warning slo-unused DataSource 'datadog' is not the metricSourceRef of any SLI;"
                                + " remove it or refer to it"),
                broken("  name: fast", "  name: up"));
    }

    @Test
    void aRollingWindowIsRefused() throws IOException {
        assertEquals(List.of(F + "11:18 error slo-window-rolling SLO 'up' has a rolling window; servicedocs measures"
                        + " SLOs per calendar month, so the window must be calendar-aligned: " + MONTHLY),
                broken("      isRolling: false", "      isRolling: true"));
    }

    @Test
    void theWindowIsOneMonth() throws IOException {
        assertEquals(List.of(F + "10:17 error slo-window SLO 'up' has a window of '4w'; expected '1M', a calendar"
                        + " month: " + MONTHLY),
                broken("    - duration: 1M\n      isRolling", "    - duration: 4w\n      isRolling"));
    }

    @Test
    void theWindowIsCalendarAligned() throws IOException {
        assertEquals(List.of(F + "10:7 error slo-window SLO 'up' has no calendar; a monthly window is"
                        + " calendar-aligned: " + MONTHLY),
                broken("      calendar: {startTime: \"2026-01-01 00:00:00\", timeZone: UTC}", "      # no calendar"));
    }

    @Test
    void theWindowStartsAtAMonthsFirstInstant() throws IOException {
        assertEquals(List.of(F + "12:29 error slo-window calendar.startTime '2026-01-15 00:00:00' is not the first"
                        + " instant of a month; expected e.g. '2026-01-01 00:00:00'"),
                broken("\"2026-01-01 00:00:00\", timeZone: UTC", "\"2026-01-15 00:00:00\", timeZone: UTC"));
    }

    @Test
    void theTimeZoneIsAnIanaZone() throws IOException {
        assertEquals(List.of(F + "45:62 error slo-window calendar.timeZone 'Asia/Tokio' is not an IANA time zone;"
                        + " did you mean 'Asia/Tokyo'? expected e.g. UTC or Asia/Tokyo"),
                broken("timeZone: Asia/Tokyo", "timeZone: Asia/Tokio"));
    }

    @Test
    void aTemplateExists() throws IOException {
        assertEquals(List.of(F + "23:11 error slo-template SLI template 'availabilty' is not in"
                        + " standards/sli-templates.yaml; did you mean 'availability'? expected one of: availability"),
                broken("    name: availability", "    name: availabilty"));
    }

    @Test
    void aTemplatesParametersAreGiven() throws IOException {
        assertEquals(List.of(F + "25:5 error slo-template-parameter template 'availability' needs parameter 'job';"
                        + " give it under parameters"),
                broken("{job: alpha}", "{}"));
    }

    @Test
    void anUnknownParameterIsRefused() throws IOException {
        assertEquals(List.of(F + "25:30 error slo-template-parameter template 'availability' has no parameter 'jobs';"
                        + " did you mean 'job'? expected one of: job"),
                broken("{job: alpha}", "{job: alpha, jobs: x}"));
    }

    @Test
    void aParameterCannotChangeTheQuery() throws IOException {
        assertEquals(List.of(F + "25:23 error slo-template-parameter parameter 'job' of template 'availability' is"
                        + " 'alpha\"} or vector(1) #'; expected a plain label value: a letter or digit, then letters,"
                        + " digits and _ . : / - (at most 128 characters) (a value may not change the template's query)"),
                broken("{job: alpha}", "{job: 'alpha\"} or vector(1) #'}"));
    }

    @Test
    void aDatadogSloNamesItsDatadogSlo() throws IOException {
        assertEquals(List.of(F + "29:1 error slo-datadog-id SLO 'fast' reads Datadog data source 'datadog' but names no"
                        + " Datadog SLO; add metadata.annotations: {datadoghq.com/slo-id: ID}, the id of the Datadog SLO"
                        + " whose monthly history is fetched"),
                broken("  annotations: {datadoghq.com/slo-id: abc123}", "  displayName: Fast"));
        assertEquals(List.of(F + "31:39 error slo-datadog-id 'abc-123' is not a Datadog SLO id; expected letters and"
                        + " digits, e.g. 9a7f2c41e0b34d6d8f6c3b1a2e5d7c90"),
                broken("slo-id: abc123}", "slo-id: abc-123}"));
    }

    @Test
    void aSchemaProblemStandsInItsOwnDocument() throws IOException {
        assertEquals(List.of(F + "55:3 error schema-unknown-property unknown property 'typ' in spec of document 4;"
                        + " did you mean 'type'? expected one of: description, type, connectionDetails"),
                broken("  type: Prometheus", "  typ: Prometheus"));
        assertEquals(List.of(F + "18:7 error schema-enum 'Service' is not allowed here; expected one of: SLO, SLI, DataSource"),
                broken("kind: SLI", "kind: Service"));
    }

    @Test
    void aYamlProblemStandsInItsOwnDocument() throws IOException {
        assertEquals(List.of(F + "24:5 error yaml-duplicate-key duplicate key 'name'; it is already defined at line 23,"
                        + " column 5"),
                broken("    metricSourceRef: prom", "    name: prom"));
    }

    @Test
    void aTemplatesPlaceholdersAreItsParameters() throws IOException {
        List<String> found = found(validate(repo(SLOS, TEMPLATES.replace("{{job}}\",code", "{{jbo}}\",code"))));
        assertEquals(List.of("standards/sli-templates.yaml:8:13 error sli-template-placeholder {{jbo}} is not a"
                + " parameter of SLI template 'availability'; did you mean 'job'? expected one of: job (declare it"
                + " under parameters)"), found);
    }

    @Test
    void theServiceDocsOldSloSectionWarnsThatItMoved() throws IOException {
        Path repo = repo(SLOS, TEMPLATES);
        Path doc = repo.resolve("products/alpha/service-doc.yaml");
        int line = Files.readAllLines(doc).size() + 1;
        Files.writeString(doc, Files.readString(doc) + "slos:\n  - id: up\n    title: Up\n    type: availability\n"
                + "    target_percent: 99.9\n    sli: Probes.\n");
        assertEquals(List.of("products/alpha/service-doc.yaml:" + line + ":1 warning slos-moved the Service Doc's 'slos'"
                + " section is no longer read: a product's SLOs are declared in products/alpha/slos.yaml (OpenSLO v1,"
                + " beside this file); move these 1 SLO(s) there (id as metadata.name, target_percent as"
                + " objectives[0].targetPercent, a calendar-month window) and remove this section"),
                found(validate(repo)));
    }
}
