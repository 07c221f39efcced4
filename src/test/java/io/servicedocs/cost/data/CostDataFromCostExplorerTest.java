package io.servicedocs.cost.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicedocs.cost.aws.AccountMonthCost;
import io.servicedocs.cost.aws.FetchReport;
import io.servicedocs.cost.aws.FetchRequest;
import io.servicedocs.cost.aws.FetchResult;
import io.servicedocs.model.CostElement;
import io.servicedocs.model.CostElement.Provider;
import io.servicedocs.model.CostMonth;
import io.servicedocs.model.CostMonth.CostLine;
import io.servicedocs.model.CostMonth.Status;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CostDataFromCostExplorerTest {

    static final Currency USD = Currency.getInstance("USD");
    static final Instant NOW = Instant.parse("2026-11-24T19:45:09.123456Z");
    static final YearMonth AUG = YearMonth.of(2026, 8);
    static final YearMonth SEP = YearMonth.of(2026, 9);
    static final YearMonth OCT = YearMonth.of(2026, 10);
    static final YearMonth NOV = YearMonth.of(2026, 11);

    private final CostExplorerMonths converter = new CostExplorerMonths(Clock.fixed(NOW, ZoneOffset.UTC));

    private static AccountMonthCost cost(YearMonth month, String account, String name, String tag, String amount,
                                         boolean estimated) {
        return new AccountMonthCost(month, account, Optional.ofNullable(name), Optional.ofNullable(tag),
                new BigDecimal(amount), USD, estimated);
    }

    private static CostLine line(String account, String name, Optional<String> tag, String amount) {
        return new CostLine(new CostElement(Provider.AWS, account, Optional.ofNullable(name), Optional.empty()), tag,
                new BigDecimal(amount), USD);
    }

    @Test
    void everyRequestedMonthWithStatusFromEstimatedAndTheCalendar() {
        FetchRequest request = FetchRequest.of(AUG, NOV);
        FetchResult result = new FetchResult(List.of(
                cost(SEP, "111111111111", "payments-prod", null, "980.10", false),
                cost(SEP, "999999999999", null, null, "-3.1415926535", false),
                cost(OCT, "111111111111", "payments-prod", null, "1012.3387612", true)),
                List.of(OCT, NOV), new FetchReport(1, 1, 0));

        List<CostMonth> months = converter.convert(request, result);

        Instant retrieved = Instant.parse("2026-11-24T19:45:09Z");
        String origin = "AWS Cost Explorer GetCostAndUsage by linked account";
        assertEquals(List.of(
                new CostMonth("aws", AUG, Status.FINAL, "AmortizedCost", retrieved, Optional.of(origin), List.of(),
                        List.of()),
                new CostMonth("aws", SEP, Status.FINAL, "AmortizedCost", retrieved, Optional.of(origin), List.of(
                        line("111111111111", "payments-prod", Optional.empty(), "980.10"),
                        line("999999999999", null, Optional.empty(), "-3.1415926535")), List.of()),
                new CostMonth("aws", OCT, Status.PROVISIONAL, "AmortizedCost", retrieved, Optional.of(origin), List.of(
                        line("111111111111", "payments-prod", Optional.empty(), "1012.3387612")), List.of()),
                new CostMonth("aws", NOV, Status.PROVISIONAL, "AmortizedCost", retrieved, Optional.of(origin), List.of(),
                        List.of())), months);
    }

    @Test
    void aMonthNotOverIsProvisionalEvenWhenCostExplorerDoesNotSayEstimated() {
        FetchResult result = new FetchResult(List.of(cost(OCT, "111111111111", null, null, "1", false)), List.of(),
                new FetchReport(1, 1, 0));

        List<CostMonth> asOfOctober = converter.convert(FetchRequest.of(OCT, OCT), result, LocalDate.of(2026, 10, 31));
        List<CostMonth> asOfNovember = converter.convert(FetchRequest.of(OCT, OCT), result, LocalDate.of(2026, 11, 1));

        assertEquals(Status.PROVISIONAL, asOfOctober.get(0).status());
        assertEquals(Status.FINAL, asOfNovember.get(0).status());
    }

    @Test
    void withATagKeyUntaggedCostsHaveTheEmptyTag() {
        FetchRequest request = FetchRequest.of(SEP, SEP).withTagKey("team").withMetric("NetAmortizedCost");
        FetchResult result = new FetchResult(List.of(
                cost(SEP, "111111111111", "payments-prod", null, "12.0000000001", false),
                cost(SEP, "111111111111", "payments-prod", "payments", "300.5", false)),
                List.of(), new FetchReport(1, 1, 0));

        CostMonth month = converter.convert(request, result).get(0);

        assertEquals("NetAmortizedCost", month.basis());
        assertEquals(Optional.of("AWS Cost Explorer GetCostAndUsage by linked account and tag key 'team'"), month.origin());
        assertEquals(List.of(line("111111111111", "payments-prod", Optional.of(""), "12.0000000001"),
                line("111111111111", "payments-prod", Optional.of("payments"), "300.5")), month.costs());
        String text = CostMonthYaml.render(month);
        assertEquals(true, text.contains("    tag: \"\"\n"), text);
    }
}
