package io.servicedocs.cost.allocation;

import io.servicedocs.model.CostMonth;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Summarises each cost-data source: the months it covers, what is still provisional, what was revised. */
final class SourceReports {

    private SourceReports() {
    }

    static List<SourceReport> of(List<CostMonth> data) {
        Map<String, List<CostMonth>> bySource = new TreeMap<>();
        data.forEach(m -> bySource.computeIfAbsent(m.source(), k -> new ArrayList<>()).add(m));
        List<SourceReport> reports = new ArrayList<>();
        bySource.forEach((source, months) -> {
            YearMonth first = months.stream().map(CostMonth::month).min(YearMonth::compareTo).orElseThrow();
            YearMonth last = months.stream().map(CostMonth::month).max(YearMonth::compareTo).orElseThrow();
            Instant retrieved = months.stream().map(CostMonth::retrieved).max(Instant::compareTo).orElseThrow();
            CostMonth latest = months.stream().filter(m -> m.month().equals(last)).findFirst().orElseThrow();
            List<YearMonth> provisional = months.stream().filter(CostMonth::provisional).map(CostMonth::month).sorted().toList();
            List<SourceReport.MonthRevision> revisions = new ArrayList<>();
            months.forEach(m -> m.revisions().forEach(r -> revisions.add(new SourceReport.MonthRevision(m.month(), r))));
            reports.add(new SourceReport(source, latest.basis(), first, last, retrieved, provisional, revisions));
        });
        return reports;
    }
}
