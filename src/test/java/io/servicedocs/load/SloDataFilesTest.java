package io.servicedocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicedocs.model.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of an slo-data file beyond its schema, each at file:line:column. */
class SloDataFilesTest {

    static final SloDataFiles FILES = new SloDataFiles(new SchemaValidator());

    static List<String> problems(String path, String text) {
        return FILES.parse(path, text.getBytes(StandardCharsets.UTF_8)).diagnostics().stream()
                .map(d -> d.file() + ":" + d.line() + ":" + d.column() + ": " + d.message() + " [" + d.rule() + "]")
                .toList();
    }

    @Test
    void aValidFileReadsBackAsWritten() {
        String text = """
                source: "prometheus"
                month: "2026-10"
                status: "final"
                retrieved: "2026-11-01T03:00:00Z"
                slos:
                  - product: "data-api"
                    slo: "api-availability"
                    target: 0.999
                    good: 799600
                    total: 800000
                    attainment: 0.9995
                """;
        var loaded = FILES.parse("slo-data/prometheus/2026-10.yaml", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), loaded.diagnostics());
        assertEquals(SloDataFiles.SCHEMA_LINE + "\n" + SloDataFiles.NOTICE + "\n" + text,
                SloDataFiles.render(loaded.record().orElseThrow()));
    }

    @Test
    void misplacedDuplicatedAndInconsistentEntriesAreNamedWhereTheyStand() {
        List<String> found = problems("slo-data/datadog/2026-09.yaml", """
                source: prometheus
                month: "2026-10"
                status: final
                retrieved: "2026-11-01T03:00:00Z"
                slos:
                  - {product: data-api, slo: api-availability, target: 0.999, good: 900, total: 800}
                  - {product: data-api, slo: query-latency, target: 0.99, good: 799, total: 800, attainment: 0.999}
                  - {product: data-api, slo: api-availability, target: 0.999}
                """);
        assertEquals(List.of(
                "slo-data/datadog/2026-09.yaml:1:9: source 'prometheus' is not the folder's name 'datadog'; the file "
                        + "belongs in slo-data/prometheus/2026-10.yaml [slo-month-misplaced]",
                "slo-data/datadog/2026-09.yaml:2:8: month '2026-10' is not the file's name '2026-09.yaml'; the file "
                        + "belongs in slo-data/prometheus/2026-10.yaml [slo-month-misplaced]",
                "slo-data/datadog/2026-09.yaml:6:69: good 900 is more than total 800 [slo-month-counts]",
                "slo-data/datadog/2026-09.yaml:7:94: attainment 0.999 is not good / total = 799 / 800 = 0.99875 "
                        + "[slo-month-counts]",
                "slo-data/datadog/2026-09.yaml:8:30: SLO 'api-availability' of product 'data-api' is measured twice in "
                        + "this file (also at line 6); keep one [slo-month-duplicate]"), found);
    }

    @Test
    void theSchemaRefusesAnAttainmentAboveOne() {
        List<String> found = problems("slo-data/prometheus/2026-10.yaml", """
                source: prometheus
                month: "2026-10"
                status: final
                retrieved: "2026-11-01T03:00:00Z"
                slos:
                  - {product: data-api, slo: api-availability, target: 0.999, attainment: 1.2}
                """);
        assertEquals(1, found.size(), found.toString());
        assertEquals(true, found.get(0).startsWith("slo-data/prometheus/2026-10.yaml:6:"), found.toString());
    }
}
