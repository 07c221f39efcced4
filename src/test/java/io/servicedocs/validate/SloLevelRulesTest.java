package io.servicedocs.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicedocs.model.Assessment.ItemAssessment;
import io.servicedocs.model.CostMonth.Status;
import io.servicedocs.model.Level;
import io.servicedocs.model.Level.SloRequirement;
import io.servicedocs.model.Position;
import io.servicedocs.model.QualityItem;
import io.servicedocs.model.SloDeclaration;
import io.servicedocs.model.SloDeclaration.DataSource;
import io.servicedocs.model.SloDeclaration.Sli;
import io.servicedocs.model.SloMonth;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Level 2 of 'availability-slo' requires the availability SLOs met in 3 of the last 3 final months. */
class SloLevelRulesTest {

    static final QualityItem ITEM = new QualityItem("availability-slo", "availability", "Availability SLO", "",
            List.of(new Level(0, "None", "-"), new Level(1, "Written", "-"),
                    new Level(2, "Measured", "-", Optional.of(new SloRequirement("availability", 3, 3)))),
            Map.of(), Optional.empty());

    static SloDeclaration slo(String name, String template) {
        Sli sli = new Sli(name, Optional.of(template), Map.of(), new DataSource("datadog", DataSource.Type.DATADOG,
                Map.of()), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("abc"));
        return new SloDeclaration(name, Optional.empty(), Optional.empty(), "camera-analytics", sli,
                new BigDecimal("0.999"), SloDeclaration.BudgetingMethod.OCCURRENCES,
                "products/camera-analytics/slos.yaml", new Position(1, 1));
    }

    static SloMonth month(String month, Status status, String attainment) {
        return new SloMonth("camera-analytics", "inference-availability", "datadog", YearMonth.parse(month), status,
                Optional.empty(), Optional.empty(), Optional.ofNullable(attainment).map(BigDecimal::new),
                new BigDecimal("0.999"), Instant.parse("2026-11-15T00:00:00Z"), Optional.empty());
    }

    static ItemAssessment claim(int level) {
        return new ItemAssessment(level, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    static List<SloMonth> months() {
        List<SloMonth> months = new ArrayList<>();
        months.add(month("2026-07", Status.FINAL, "0.9991"));  // fourth from last: not looked at
        months.add(month("2026-08", Status.FINAL, "0.9995"));
        months.add(month("2026-09", Status.FINAL, "0.999"));
        months.add(month("2026-10", Status.FINAL, "0.9987"));
        months.add(month("2026-11", Status.PROVISIONAL, "0.9"));  // the running month never counts
        return months;
    }

    @Test
    void aClaimTheLastFinalMonthsContradictIsNamedWithTheFigures() {
        assertEquals(List.of("camera-analytics claims level 2 of availability-slo, but its SLO 'inference-availability' "
                + "(target 99.9 %) was met in 2 of its last 3 final month(s): 2026-08 99.95 % met, 2026-09 99.9 % met, "
                + "2026-10 99.87 % missed; level 2 requires it met in 3 of the last 3"),
                SloLevelRules.contradictions("camera-analytics", ITEM, claim(2),
                        List.of(slo("inference-availability", "availability")), months(), Set.of("availability")));
    }

    @Test
    void aLowerClaimOrMeasurementsThatCouldStillAgreeAreNotContradictions() {
        assertEquals(List.of(), SloLevelRules.contradictions("camera-analytics", ITEM, claim(1),
                List.of(slo("inference-availability", "availability")), months(), Set.of("availability")));
        // only two final months, both met: the third (not measured yet) could be met
        List<SloMonth> two = List.of(month("2026-09", Status.FINAL, "0.9995"), month("2026-10", Status.FINAL, "0.9991"));
        assertEquals(List.of(), SloLevelRules.contradictions("camera-analytics", ITEM, claim(2),
                List.of(slo("inference-availability", "availability")), two, Set.of("availability")));
        // nothing measured: nothing contradicts
        assertEquals(List.of(), SloLevelRules.contradictions("camera-analytics", ITEM, claim(2),
                List.of(slo("inference-availability", "availability")), List.of(), Set.of("availability")));
    }

    @Test
    void aMonthWithoutMeasurementCountsAsNotMet() {
        List<SloMonth> months = List.of(month("2026-08", Status.FINAL, "0.9995"), month("2026-09", Status.FINAL, null),
                month("2026-10", Status.FINAL, "0.9995"));
        assertEquals(List.of("camera-analytics claims level 2 of availability-slo, but its SLO 'inference-availability' "
                + "(target 99.9 %) was met in 2 of its last 3 final month(s): 2026-08 99.95 % met, 2026-09 not measured, "
                + "2026-10 99.95 % met; level 2 requires it met in 3 of the last 3"),
                SloLevelRules.contradictions("camera-analytics", ITEM, claim(2),
                        List.of(slo("inference-availability", "availability")), months, Set.of("availability")));
    }

    @Test
    void aProductWithSlosButNoneOfTheTemplateIsToldTheClosestTemplate() {
        assertEquals(List.of("camera-analytics claims level 2 of availability-slo, whose level 2 requires its SLOs of "
                + "SLI template 'availability' met in 3 of the last 3 final months, but camera-analytics declares no SLO "
                + "of that template in slos.yaml"),
                SloLevelRules.contradictions("camera-analytics", ITEM, claim(2), List.of(slo("alert-latency", "latency")),
                        months(), Set.of("latency")));
        QualityItem misspelt = new QualityItem("availability-slo", "availability", "Availability SLO", "",
                List.of(new Level(0, "None", "-"), new Level(1, "Measured", "-",
                        Optional.of(new SloRequirement("availabilty", 1, 1)))), Map.of(), Optional.empty());
        assertEquals(List.of("camera-analytics claims level 1 of availability-slo, whose level 1 requires its SLOs of "
                + "SLI template 'availabilty' met in 1 of the last 1 final months, but camera-analytics declares no SLO "
                + "of that template in slos.yaml; did you mean 'availability'?"),
                SloLevelRules.contradictions("camera-analytics", misspelt, claim(1),
                        List.of(slo("inference-availability", "availability")), months(), Set.of("availability", "latency")));
    }
}
