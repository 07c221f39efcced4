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
        Path repo = TestRepositories.minimalCopy(dir);
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
}
