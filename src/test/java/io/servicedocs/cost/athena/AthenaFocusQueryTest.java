package io.servicedocs.cost.athena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.servicedocs.cost.focus.FocusInput.AthenaTable;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AthenaFocusQueryTest {

    private static final AthenaTable TABLE = new AthenaTable("cur_focus", "focus-1-0-aws", "primary",
            "s3://athena-results-example/servicedocs/");

    @Test
    void groupsToTheChargeGroupKeyAndReadsOnlyTheBillingPeriodsAsked() {
        AthenaFocusQuery query = AthenaFocusQuery.of(TABLE, Optional.empty(),
                List.of(YearMonth.of(2026, 3), YearMonth.of(2026, 1), YearMonth.of(2026, 3)), "billing_period");

        // any one-time charge keeps its term (was: one-time purchases only; issue 14, the FOCUS spend agreements)
        String purchase = "lower(replace(replace(trim(chargefrequency), '-', ''), ' ', '')) = 'onetime'";
        assertEquals("SELECT\n"
                + "  trim(providername) AS providername,\n"
                + "  trim(billingaccountid) AS billingaccountid,\n"
                + "  max(NULLIF(trim(billingaccountname), '')) AS billingaccountname,\n"
                + "  NULLIF(trim(subaccountid), '') AS subaccountid,\n"
                + "  max(NULLIF(trim(subaccountname), '')) AS subaccountname,\n"
                + "  trim(billingcurrency) AS billingcurrency,\n"
                + "  substr(CAST(billingperiodstart AS varchar), 1, 7) AS billingperiod,\n"
                + "  substr(CAST(chargeperiodstart AS varchar), 1, 7) AS chargemonth,\n"
                + "  lower(trim(chargecategory)) AS chargecategory,\n"
                + "  NULLIF(lower(trim(chargeclass)), '') AS chargeclass,\n"
                + "  NULLIF(lower(replace(replace(trim(chargefrequency), '-', ''), ' ', '')), '') AS chargefrequency,\n"
                + "  CASE WHEN " + purchase + " THEN substr(CAST(chargeperiodstart AS varchar), 1, 10) END AS termstart,\n"
                + "  CASE WHEN " + purchase + " THEN substr(CAST(chargeperiodend AS varchar), 1, 10) END AS termend,\n"
                + "  CASE WHEN " + purchase + " THEN NULLIF(trim(commitmentdiscountid), '') END AS commitmentdiscountid,\n"
                + "  CASE WHEN " + purchase + " THEN NULLIF(trim(chargedescription), '') END AS chargedescription,\n"
                + "  COALESCE(sum(CAST(effectivecost AS DECIMAL(38,10))), CAST(0 AS DECIMAL(38,10))) AS effectivecost,\n"
                + "  COALESCE(sum(CAST(billedcost AS DECIMAL(38,10))), CAST(0 AS DECIMAL(38,10))) AS billedcost,\n"
                + "  COALESCE(sum(CAST(listcost AS DECIMAL(38,10))), CAST(0 AS DECIMAL(38,10))) AS listcost,\n"
                + "  count(*) AS rowcount\n"
                + "FROM \"cur_focus\".\"focus-1-0-aws\"\n"
                + "WHERE \"billing_period\" IN ('2026-01', '2026-03')\n"
                + "GROUP BY 1, 2, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15\n"
                + "ORDER BY 1, 2, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15", query.sql());
        assertEquals(AthenaFocusReaderTest.HEADER, query.columns());
    }

    @Test
    void namesFromOptionsAreCheckedNeverPastedRaw() {
        AthenaTable hostile = new AthenaTable("cur\"; DROP TABLE x; --", "t x", "primary workgroup", "https://bucket/");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AthenaFocusQuery.of(hostile, Optional.of(" "), List.of(), "billing period"));

        assertEquals("database 'cur\"; DROP TABLE x; --' is not an Athena database name (letters, digits, "
                + "underscores and hyphens, at most 255); table 't x' is not an Athena table name (letters, digits, "
                + "underscores and hyphens, at most 255); workgroup 'primary workgroup' is not an Athena workgroup "
                + "name (letters, digits, '.', '_' and '-', at most 128); output location 'https://bucket/' is not "
                + "an S3 location, e.g. s3://my-athena-results/servicedocs/; partition column 'billing period' is "
                + "not a column name; tag key ' ' is not a tag key (1 to 128 characters, no control characters)",
                e.getMessage());
    }

    @Test
    void aTagKeyIsASingleQuotedLiteralWithQuotesDoubled() {
        String sql = AthenaFocusQuery.of(TABLE, Optional.of("it's'); DROP"), List.of(), "billing_period").sql();

        assertEquals(1, sql.lines().filter(l -> l.contains("element_at")).count());
        assertEquals("  COALESCE(trim(element_at(tags, 'it''s''); DROP')), '') AS tag,",
                sql.lines().filter(l -> l.contains("element_at")).findFirst().orElseThrow());
    }
}
