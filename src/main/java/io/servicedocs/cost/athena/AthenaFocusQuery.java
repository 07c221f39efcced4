package io.servicedocs.cost.athena;

import io.servicedocs.cost.focus.FocusInput.AthenaTable;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The aggregate query Athena runs over a FOCUS table, in Athena's (Trino) SQL: one result row per
 * {@link io.servicedocs.cost.focus.ChargeGroup} key, the three cost metrics summed as
 * {@code DECIMAL(38,10)} (never DOUBLE, whose sums drift), filtered on the billing-period partition
 * column so that Athena reads only the partitions asked for (Athena charges by bytes scanned).
 *
 * <p>Every name in the text comes from options, so none is pasted raw: database, table and the
 * partition column are checked against the characters Athena allows and double-quoted (a quote
 * cannot be among them); the tag key and the billing periods are single-quoted literals with
 * quotes doubled. {@link #problems} says what is wrong with the names, for usage messages.
 *
 * <p>The key is normalised in SQL the way the other engines normalise it (categories and
 * frequencies in any case, with or without the hyphen; blank ids as none), so that groups that
 * are equal for the import are one result row, and {@link AthenaResults} maps the lower-case
 * values back to FOCUS's spelling. Months are the first seven characters of the timestamp's
 * text: FOCUS timestamps are UTC, and this reads a {@code timestamp} column (as AWS Data Exports
 * tables have) and an ISO-8601 {@code string} column (a CSV table) alike. Tags are read from a
 * {@code map<string,string>} column, as AWS Data Exports writes Tags.
 */
public record AthenaFocusQuery(String sql, List<String> columns) {

    /** The partition column of AWS Data Exports tables, holding {@code YYYY-MM}. */
    public static final String DEFAULT_PARTITION_COLUMN = "billing_period";

    /** Glue and Athena names: letters, digits, underscores (and hyphens, which need quoting), at most 255. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,254}");
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");
    /** StartQueryExecution's own pattern for WorkGroup. */
    private static final Pattern WORKGROUP = Pattern.compile("[a-zA-Z0-9._-]{1,128}");
    private static final Pattern S3_LOCATION = Pattern.compile("s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/[^\\p{Cntrl}]*)?");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM", Locale.ROOT);

    /** The result columns, in order; the names are the aliases Athena returns in the header row. */
    static final String PROVIDER = "providername";
    static final String BILLING_ACCOUNT_ID = "billingaccountid";
    static final String BILLING_ACCOUNT_NAME = "billingaccountname";
    static final String SUB_ACCOUNT_ID = "subaccountid";
    static final String SUB_ACCOUNT_NAME = "subaccountname";
    static final String CURRENCY = "billingcurrency";
    static final String BILLING_PERIOD = "billingperiod";
    static final String CHARGE_MONTH = "chargemonth";
    static final String CATEGORY = "chargecategory";
    static final String CLASS = "chargeclass";
    static final String FREQUENCY = "chargefrequency";
    static final String TAG = "tag";
    static final String TERM_START = "termstart";
    static final String TERM_END = "termend";
    static final String COMMITMENT = "commitmentdiscountid";
    static final String DESCRIPTION = "chargedescription";
    static final String EFFECTIVE_COST = "effectivecost";
    static final String BILLED_COST = "billedcost";
    static final String LIST_COST = "listcost";
    static final String ROWS = "rowcount";

    public AthenaFocusQuery {
        Objects.requireNonNull(sql, "sql");
        columns = List.copyOf(columns);
    }

    /** What is wrong with the table's names and the tag key, one message each; empty when all are fine. */
    public static List<String> problems(AthenaTable table, Optional<String> tagKey, String partitionColumn) {
        List<String> problems = new ArrayList<>();
        if (!NAME.matcher(table.database()).matches()) {
            problems.add("database '" + table.database() + "' is not an Athena database name (letters, digits, "
                    + "underscores and hyphens, at most 255)");
        }
        if (!NAME.matcher(table.table()).matches()) {
            problems.add("table '" + table.table() + "' is not an Athena table name (letters, digits, underscores "
                    + "and hyphens, at most 255)");
        }
        if (!WORKGROUP.matcher(table.workgroup()).matches()) {
            problems.add("workgroup '" + table.workgroup() + "' is not an Athena workgroup name (letters, digits, "
                    + "'.', '_' and '-', at most 128)");
        }
        if (!S3_LOCATION.matcher(table.outputLocation()).matches()) {
            problems.add("output location '" + table.outputLocation() + "' is not an S3 location, e.g. "
                    + "s3://my-athena-results/servicedocs/");
        }
        if (!COLUMN.matcher(partitionColumn).matches()) {
            problems.add("partition column '" + partitionColumn + "' is not a column name");
        }
        tagKey.ifPresent(key -> {
            if (key.isBlank() || key.length() > 128 || key.chars().anyMatch(Character::isISOControl)) {
                problems.add("tag key '" + key + "' is not a tag key (1 to 128 characters, no control characters)");
            }
        });
        return problems;
    }

    /**
     * The query for {@code table}, grouping also by {@code tagKey}'s value when present, over the
     * partitions of {@code billingPeriods} (all partitions when empty).
     *
     * @throws IllegalArgumentException when a name is not valid ({@link #problems})
     */
    public static AthenaFocusQuery of(AthenaTable table, Optional<String> tagKey, List<YearMonth> billingPeriods,
            String partitionColumn) {
        List<String> problems = problems(table, tagKey, partitionColumn);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        // a one-time charge of any category (a purchase, an unused commitment's true-up) keeps its term
        String purchase = frequency() + " = 'onetime'";
        List<Column> select = new ArrayList<>();
        select.add(key(PROVIDER, "trim(providername)"));
        select.add(key(BILLING_ACCOUNT_ID, "trim(billingaccountid)"));
        select.add(value(BILLING_ACCOUNT_NAME, "max(NULLIF(trim(billingaccountname), ''))"));
        select.add(key(SUB_ACCOUNT_ID, "NULLIF(trim(subaccountid), '')"));
        select.add(value(SUB_ACCOUNT_NAME, "max(NULLIF(trim(subaccountname), ''))"));
        select.add(key(CURRENCY, "trim(billingcurrency)"));
        select.add(key(BILLING_PERIOD, month("billingperiodstart")));
        select.add(key(CHARGE_MONTH, month("chargeperiodstart")));
        select.add(key(CATEGORY, "lower(trim(chargecategory))"));
        select.add(key(CLASS, "NULLIF(lower(trim(chargeclass)), '')"));
        select.add(key(FREQUENCY, "NULLIF(" + frequency() + ", '')"));
        tagKey.ifPresent(key -> select.add(key(TAG, "COALESCE(trim(element_at(tags, " + literal(key) + ")), '')")));
        // only one-time charges are kept apart by their term; other rows group by month alone
        select.add(key(TERM_START, "CASE WHEN " + purchase + " THEN substr(CAST(chargeperiodstart AS varchar), 1, 10) END"));
        select.add(key(TERM_END, "CASE WHEN " + purchase + " THEN substr(CAST(chargeperiodend AS varchar), 1, 10) END"));
        select.add(key(COMMITMENT, "CASE WHEN " + purchase + " THEN NULLIF(trim(commitmentdiscountid), '') END"));
        select.add(key(DESCRIPTION, "CASE WHEN " + purchase + " THEN NULLIF(trim(chargedescription), '') END"));
        select.add(value(EFFECTIVE_COST, sum("effectivecost")));
        select.add(value(BILLED_COST, sum("billedcost")));
        select.add(value(LIST_COST, sum("listcost")));
        select.add(value(ROWS, "count(*)"));

        StringBuilder sql = new StringBuilder("SELECT\n");
        StringJoiner group = new StringJoiner(", ");
        for (int i = 0; i < select.size(); i++) {
            Column column = select.get(i);
            sql.append("  ").append(column.expression()).append(" AS ").append(column.alias())
                    .append(i + 1 < select.size() ? ",\n" : "\n");
            if (column.grouped()) {
                group.add(String.valueOf(i + 1));
            }
        }
        sql.append("FROM ").append(quoted(table.database())).append('.').append(quoted(table.table())).append('\n');
        if (!billingPeriods.isEmpty()) {
            StringJoiner periods = new StringJoiner(", ", "(", ")");
            billingPeriods.stream().distinct().sorted().forEach(p -> periods.add(literal(MONTH.format(p))));
            sql.append("WHERE ").append(quoted(partitionColumn)).append(" IN ").append(periods).append('\n');
        }
        sql.append("GROUP BY ").append(group).append('\n');
        sql.append("ORDER BY ").append(group);
        return new AthenaFocusQuery(sql.toString(), select.stream().map(Column::alias).toList());
    }

    private record Column(String alias, String expression, boolean grouped) {
    }

    private static Column key(String alias, String expression) {
        return new Column(alias, expression, true);
    }

    private static Column value(String alias, String expression) {
        return new Column(alias, expression, false);
    }

    private static String frequency() {
        return "lower(replace(replace(trim(chargefrequency), '-', ''), ' ', ''))";
    }

    private static String month(String column) {
        return "substr(CAST(" + column + " AS varchar), 1, 7)";
    }

    /** A null cost counts as 0; a text that is not a number fails the query (Athena says where). */
    private static String sum(String column) {
        return "COALESCE(sum(CAST(" + column + " AS DECIMAL(38,10))), CAST(0 AS DECIMAL(38,10)))";
    }

    /** A double-quoted identifier; callers checked it holds no quote. */
    static String quoted(String identifier) {
        if (identifier.indexOf('"') >= 0) {
            throw new IllegalArgumentException("an identifier with a quote: " + identifier);
        }
        return '"' + identifier + '"';
    }

    /** A single-quoted string literal, quotes doubled. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
