package io.servicedocs.cost.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.servicedocs.CostFixture;
import io.servicedocs.TestRepositories;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.Money;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.validate.Validation;
import io.servicedocs.validate.ValidationResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the cost report says of how months were billed (issue 14), on {@link CostFixture} with one
 * more source whose lines carry billing periods: alpha's account billed 50.00 USD by 2026-09's
 * invoice and corrected by -7.50 USD by 2026-10's; the security licences' contract holding the
 * second half (300 JPY) of a 600 JPY purchase for 2026-08-01 to 2026-09-30 billed in 2026-08.
 */
class BillingDetailsTest {

    private static final String FOCUS_2026_09 = """
            source: focus
            month: "2026-09"
            status: final
            basis: FOCUS 1.2 EffectiveCost
            retrieved: 2026-11-05T03:00:00Z
            costs:
              - element: {provider: aws, id: "111111111111", name: alpha-prod}
                amount: 50.00
                currency: USD
                billing_period: "2026-09"
              - element: {provider: aws, id: "111111111111", name: alpha-prod}
                amount: -7.50
                currency: USD
                billing_period: "2026-10"
              - element: {provider: saas, vendor: SecCo, id: SEC-1}
                amount: 300
                currency: JPY
                billing_period: "2026-08"
                purchases:
                  - {description: SecCo licence, total: 600, term_start: "2026-08-01", term_end: "2026-09-30", months: 2, share: 300}
            """;

    @TempDir
    Path dir;

    @Test
    void laterBillingPeriodsAndSpreadPurchasesAreReportedWithTheirOwners() throws IOException {
        Path repo = CostFixture.repository(dir);
        CostFixture.write(repo, "cost-data/focus/2026-09.yaml", FOCUS_2026_09);
        ValidationResult validation = new Validation(new SchemaValidator(), TestRepositories.AS_OF)
                .run(new WorkingTreeSource(repo));
        assertFalse(validation.hasErrors(), () -> validation.diagnostics().toString());
        BillingDetails billing = CostAllocation.compute(validation.repository().orElseThrow()).orElseThrow().billing();

        YearMonth september = YearMonth.of(2026, 9);
        assertEquals(1, billing.laterParts().size());
        BillingDetails.LaterPart correction = billing.laterParts().get(0);
        assertEquals(List.of("focus", september, YearMonth.of(2026, 10), "111111111111", Money.of("-7.50", "USD"),
                        Optional.of(new BillingDetails.Owner(OwnerKind.PRODUCT, "alpha"))),
                List.of(correction.source(), correction.month(), correction.billingPeriod(), correction.element().id(),
                        correction.amount(), correction.owner()));
        assertEquals(List.of(correction), billing.laterParts("alpha"));
        assertEquals(List.of(), billing.laterParts("beta-svc"));

        assertEquals(1, billing.purchases().size());
        BillingDetails.SpreadPurchase purchase = billing.purchases().get(0);
        assertEquals(List.of("SecCo licence", Money.of("600", "JPY"), LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 30), 2,
                        YearMonth.of(2026, 8), List.of(new BillingDetails.Part(september, Money.of("300", "JPY"))),
                        Optional.of(new BillingDetails.Owner(OwnerKind.POOL, "licences"))),
                List.of(purchase.description(), purchase.total(), purchase.termStart(), purchase.termEnd(),
                        purchase.months(), purchase.billingPeriod(), purchase.parts(), purchase.owner()));
        assertEquals(List.of(), billing.purchases("alpha"), "a pool's purchase is no product's");

        // alpha's 2026-09 is made of its own billing period and 2026-10's; 2026-10 (aws, no periods) is not noted
        assertEquals(List.of(september, YearMonth.of(2026, 10)), billing.periods("alpha", september));
        assertEquals(List.of(), billing.periods("alpha", YearMonth.of(2026, 10)));
    }
}
