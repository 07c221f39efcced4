package io.servicedocs.cost.duckdb;

import io.servicedocs.cost.focus.FocusColumn;
import io.servicedocs.load.NumberBounds;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The SQL that reads one FOCUS file into charge groups, with the checks of the Java reader
 * ({@code FocusImporter}) written as SQL: every row gets a flag per check, a row with any flag is
 * "bad" and lands in one group apart (all its keys null), so that a single pass over the file
 * both sums the good rows and tells whether there are bad ones. Only when there are does a second
 * query fetch the first bad rows, to say where and why.
 *
 * <p>Values are read as text (CSV: every column; Parquet: columns not already of a fitting type)
 * and judged as the Java reader judges text: trimmed, empty or {@code NULL} (any case) as null,
 * amounts as decimal literals within {@code NumberBounds} and summed as {@code DECIMAL(38,20)}
 * (18 digits before the point and 20 after, as the bounds allow: never DOUBLE), the number of
 * decimals written kept to give the sums the scale the Java reader's would have.
 */
final class FocusQuery {

    /** A column of the file as the query reads it: its SQL reference and its DuckDB type. */
    record Source(String reference, String type) {
    }

    /** The checks, in the order the Java reader reports them; each is a boolean column {@code f_<name>}. */
    enum Check {
        CHARACTERS, PROVIDER, BILLING_ACCOUNT, SUB_ACCOUNT, CHARGE_START, BILLING_PERIOD, CHARGE_END, CURRENCY,
        EFFECTIVE, BILLED, LIST, CATEGORY, CLASS, FREQUENCY, END_BEFORE_START, TAGS;

        String sql() {
            return "f_" + name().toLowerCase(Locale.ROOT);
        }
    }

    /** Characters Java's {@code String.strip()} removes (Character.isWhitespace). */
    static final String WHITE_SPACE = "\t\n\u000B\f\r\u001C\u001D\u001E\u001F \u1680\u2000\u2001\u2002\u2003\u2004"
            + "\u2005\u2006\u2008\u2009\u200A\u2028\u2029\u205F\u3000";
    /** The characters TextCharacters refuses (UTF-8 text has no unpaired surrogates). */
    static final String REFUSED_CHARACTERS;
    static final String DATE_TIME = "[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{0,9})?)?"
            + "([Zz]|[+-][0-9]{2}(:[0-9]{2}(:[0-9]{2})?|[0-9]{2})?)?)?";
    static final String NUMBER = "[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?";
    /** A cost written plainly, as exports write them (checked with a length of at most 30: see preGrouped). */
    static final String PLAIN_NUMBER = "[+-]?[0-9]{1,18}(\\.[0-9]{0,20})?";
    static final String GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    static {
        StringBuilder b = new StringBuilder("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x{9F}\\x{FDD0}-\\x{FDEF}");
        for (int plane = 0; plane <= 0x10; plane++) {
            b.append(String.format(Locale.ROOT, "\\x{%X}\\x{%X}", plane * 0x10000 + 0xFFFE, plane * 0x10000 + 0xFFFF));
        }
        REFUSED_CHARACTERS = b.append(']').toString();
    }

    /** The macros the queries use; created once per connection. */
    static List<String> macros() {
        String ws = literal(WHITE_SPACE);
        String currencies = Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode).sorted()
                .map(FocusQuery::literal).collect(Collectors.joining(", "));
        return List.of(
                "CREATE OR REPLACE TEMP MACRO focus_text(x) AS CASE WHEN trim(x, " + ws + ") = '' OR upper(trim(x, " + ws
                        + ")) = 'NULL' THEN NULL ELSE trim(x, " + ws + ") END",
                "CREATE OR REPLACE TEMP MACRO focus_instant(t) AS TRY_CAST(CASE WHEN regexp_full_match(t, "
                        + literal(DATE_TIME) + ") THEN upper(t) END AS TIMESTAMPTZ)",
                "CREATE OR REPLACE TEMP MACRO focus_number(t) AS CASE WHEN regexp_full_match(t, " + literal(NUMBER)
                        + ") THEN TRY_CAST(t AS DECIMAL(38,20)) END",
                // decimals as written: 1.50 has 2, 1.5e-3 has 4, 1e2 has -2 (BigDecimal's scale)
                "CREATE OR REPLACE TEMP MACRO focus_scale(t) AS CASE WHEN t IS NULL THEN 0"
                        + " WHEN strpos(t, 'e') > 0 OR strpos(t, 'E') > 0 THEN coalesce(length(regexp_extract(t, '\\.([0-9]*)', 1)), 0)"
                        + " - TRY_CAST(regexp_extract(t, '[eE]([+-]?[0-9]+)', 1) AS BIGINT)"
                        + " WHEN strpos(t, '.') > 0 THEN length(t) - strpos(t, '.') ELSE 0 END",
                // more than 30 significant digits (NumberBounds): only long literals can have them
                "CREATE OR REPLACE TEMP MACRO focus_too_precise(t) AS length(t) > 30 AND length(ltrim(regexp_replace("
                        + "regexp_extract(t, '^[+-]?([0-9.]*)', 1), '[.]', '', 'g'), '0')) > 30",
                "CREATE OR REPLACE TEMP MACRO focus_enum(t) AS lower(replace(replace(replace(t, '-', ''), '_', ''), ' ', ''))",
                "CREATE OR REPLACE TEMP MACRO focus_currency(t) AS CASE WHEN upper(t) IN (" + currencies
                        + ") THEN upper(t) END",
                "CREATE OR REPLACE TEMP MACRO focus_sub_account(t) AS CASE"
                        + " WHEN regexp_full_match(t, " + literal("(?i)/subscriptions/" + GUID + "/?") + ")"
                        + " THEN lower(regexp_extract(t, " + literal(GUID) + "))"
                        + " WHEN regexp_full_match(t, " + literal(GUID) + ") THEN lower(t) ELSE t END",
                "CREATE OR REPLACE TEMP MACRO focus_refused(t) AS regexp_matches(t, " + literal(REFUSED_CHARACTERS) + ")");
    }

    private final String from;
    private final boolean csv;
    private final Map<FocusColumn, Source> columns;
    private final List<Source> textColumns;
    private final Optional<String> tagKey;
    /** Conditions a CSV row meets when it repeats the header (files concatenated); empty for Parquet. */
    private final Optional<String> repeatedHeader;

    /**
     * @param from           the table function reading the file, e.g. {@code read_parquet('x', file_row_number=true)}
     * @param csv            whether the file is CSV (no row numbers; a row may repeat the header)
     * @param columns        the FOCUS columns present
     * @param textColumns    all text columns read from the file, for the characters check
     * @param tagKey         the tag to group by, when the file has a Tags column
     * @param repeatedHeader for CSV, the condition of a row that repeats the header
     */
    FocusQuery(String from, boolean csv, Map<FocusColumn, Source> columns, List<Source> textColumns,
               Optional<String> tagKey, Optional<String> repeatedHeader) {
        this.from = from;
        this.csv = csv;
        this.columns = new EnumMap<>(columns);
        this.textColumns = List.copyOf(textColumns);
        this.tagKey = tagKey;
        this.repeatedHeader = repeatedHeader;
    }

    private static final List<FocusColumn> COSTS = List.of(FocusColumn.EFFECTIVE_COST, FocusColumn.BILLED_COST, FocusColumn.LIST_COST);

    /**
     * Stage 1 of the groups query, the only one that sees every row: groups the rows by the raw
     * values of the key columns (no parsing, no trimming) and sums the costs, counting the rows
     * whose cost is not a number within the bounds. Everything else is judged afterwards on these
     * groups, which are far fewer than the rows: the per-row work stays a hash, three casts and a
     * match of each cost against a plain literal.
     */
    private String preGrouped() {
        List<String> keys = new ArrayList<>();
        List<String> innerKeys = new ArrayList<>();
        List<String> select = new ArrayList<>();
        // Columns whose value most rows do not need are not grouped by where it is not needed (hashing
        // long, varied text such as Tags was half the work); their characters are checked per row.
        List<String> checkedPerRow = new ArrayList<>();
        for (FocusColumn column : FocusColumn.values()) {
            Source source = columns.get(column);
            if (source == null || COSTS.contains(column)) {
                continue;
            }
            String reference = source.reference();
            boolean text = isText(source.type());
            if (column == FocusColumn.TAGS && tagKey.isEmpty()) {
                // no tag is asked for: Tags only has its characters checked
                select.add("CAST(NULL AS VARCHAR) AS " + reference);
                if (text) {
                    checkedPerRow.add(reference);
                }
                continue;
            }
            if (column == FocusColumn.CHARGE_DESCRIPTION || column == FocusColumn.COMMITMENT_DISCOUNT_ID) {
                // only a one-time charge's are kept (groups() reads them only for those: any one-time
                // charge over a term is spread, purchases and a commitment's unused part alike)
                innerKeys.add("CASE WHEN " + mayBeOneTime() + " THEN " + reference + " END AS " + reference);
                if (text) {
                    checkedPerRow.add(reference);
                }
            } else {
                innerKeys.add(reference);
            }
            keys.add(reference);
            select.add(reference);
        }
        // inner: each cost's text, value and plainness once per row; middle: its decimals written and
        // badness; outer: the sums and counts per raw key
        List<String> inner = new ArrayList<>(innerKeys);
        List<String> middle = new ArrayList<>(List.of("*"));
        inner.add(checkedPerRow.isEmpty() ? "false AS r_refused" : "coalesce(focus_refused(concat("
                + String.join(", ", checkedPerRow) + ")), false) AS r_refused");
        select.add("count_if(r_refused) AS n_refused");
        for (FocusColumn cost : COSTS) {
            String name = cost.sql().substring(2);
            Source source = columns.get(cost);
            if (source == null) {
                select.add("CAST(NULL AS DECIMAL(38,20)) AS v_" + name);
                select.add("0 AS n_" + name);
                select.add("0 AS s_" + name);
                continue;
            }
            String value = "w_" + name;
            String scale = "z_" + name;
            String bad = "b_" + name;
            if (source.type().startsWith("DECIMAL")) {
                inner.add("TRY_CAST(" + source.reference() + " AS DECIMAL(38,20)) AS " + value);
                inner.add(source.reference() + " IS NULL AS t_" + name);
                middle.add(scale(cost) + " AS " + scale);
                middle.add("(" + (cost.required() ? "" : "NOT t_" + name + " AND ") + value + " IS NULL) AS " + bad);
            } else {
                String text = "t_" + name;
                String plain = "q_" + name;
                String read = isText(source.type()) ? source.reference() : "CAST(" + source.reference() + " AS VARCHAR)";
                inner.add(read + " AS " + text);
                inner.add("TRY_CAST(" + read + " AS DECIMAL(38,20)) AS " + value);
                // Fast path: a plain literal (sign, at most 18 digits, point, at most 20 decimals, 30 characters
                // in all) is a number within the bounds whose decimals are the characters after the point.
                // Nearly every exported cost is one; only the others pay for the exact checks below.
                inner.add("coalesce(regexp_full_match(" + read + ", " + literal(PLAIN_NUMBER) + ") AND strlen(" + read
                        + ") <= " + NumberBounds.MAX_SIGNIFICANT_DIGITS + ", false) AS " + plain);
                String trimmed = "trim(" + text + ", " + literal(WHITE_SPACE) + ")";
                String present = "(" + trimmed + " <> '' AND upper(" + trimmed + ") <> 'NULL')";
                String exactScale = "CASE WHEN " + value + " IS NULL THEN 0 ELSE focus_scale(trim(" + text + ")) END";
                middle.add("CASE WHEN " + plain + " THEN (CASE WHEN strpos(" + text + ", '.') > 0 THEN strlen(" + text
                        + ") - strpos(" + text + ", '.') ELSE 0 END) ELSE " + exactScale + " END AS " + scale);
                // DuckDB's cast trims spaces itself and also takes 1_000, which is no FOCUS number
                middle.add("CASE WHEN " + plain + " THEN false WHEN " + value + " IS NULL THEN "
                        + (cost.required() ? "true" : text + " IS NOT NULL AND " + present)
                        + " ELSE strpos(" + text + ", '_') > 0 OR (length(" + text + ") > 30 AND focus_too_precise(trim("
                        + text + "))) OR " + exactScale + " > 20 END AS " + bad);
            }
            select.add("sum(" + value + ") AS v_" + name);
            select.add("count_if(coalesce(" + bad + ", false)) AS n_" + name);
            select.add("max(" + scale + ") AS s_" + name);
        }
        if (!csv) {
            inner.add("file_row_number");
        }
        select.add("count(*) AS n_rows");
        select.add((csv ? "CAST(NULL AS BIGINT)" : "min(file_row_number) + 1") + " AS rn");
        return "(SELECT " + String.join(", ", select) + " FROM (SELECT " + String.join(", ", middle) + " FROM (SELECT "
                + String.join(", ", inner) + " FROM " + from + repeatedHeader.map(h -> " WHERE NOT (" + h + ")").orElse("")
                + "))" + (keys.isEmpty() ? "" : " GROUP BY " + String.join(", ", keys)) + ")";
    }

    /**
     * A condition every one-time row meets (ChargeFrequency One-Time as {@code focus_enum} reads it:
     * lower case, with '-', '_' and spaces taken out, so the letters appear in order), cheap enough
     * for every row; rows that fail it are no one-time charge, whose term could be spread.
     */
    private String mayBeOneTime() {
        Source frequency = columns.get(FocusColumn.CHARGE_FREQUENCY);
        if (frequency == null) {
            return "false";
        }
        return lettersInOrder(frequency, "onetime");
    }

    private static String lettersInOrder(Source source, String letters) {
        String text = isText(source.type()) ? source.reference() : "CAST(" + source.reference() + " AS VARCHAR)";
        return "lower(" + text + ") LIKE '%" + String.join("%", letters.split("")) + "%'";
    }

    private boolean has(FocusColumn column) {
        return columns.containsKey(column);
    }

    private static boolean isText(String type) {
        return type.equals("VARCHAR");
    }

    /** The column's value as trimmed text, NULL when absent, empty or NULL. */
    private String text(FocusColumn column) {
        Source source = columns.get(column);
        if (source == null) {
            return "CAST(NULL AS VARCHAR)";
        }
        return isText(source.type()) ? "focus_text(" + source.reference() + ")"
                : "CAST(" + source.reference() + " AS VARCHAR)";
    }

    private String instant(FocusColumn column) {
        Source source = columns.get(column);
        if (source == null) {
            return "CAST(NULL AS TIMESTAMPTZ)";
        }
        String type = source.type();
        if (type.equals("TIMESTAMP WITH TIME ZONE")) {
            return typed(column);
        }
        if (type.startsWith("TIMESTAMP") || type.equals("DATE")) {
            return "CAST(" + typed(column) + " AS TIMESTAMPTZ)"; // FOCUS times are UTC; the session is UTC
        }
        return "focus_instant(" + column.sql() + ")";
    }

    private String number(FocusColumn column) {
        Source source = columns.get(column);
        if (source == null) {
            return "CAST(NULL AS DECIMAL(38,20))";
        }
        if (source.type().startsWith("DECIMAL")) {
            return "TRY_CAST(" + typed(column) + " AS DECIMAL(38,20))";
        }
        return "focus_number(" + column.sql() + ")";
    }

    /** The column's typed value as level 1 passes it on (Parquet columns not of type VARCHAR). */
    private static String typed(FocusColumn column) {
        return "y_" + column.sql();
    }

    private String scale(FocusColumn column) {
        Source source = columns.get(column);
        if (source == null) {
            return "0";
        }
        if (source.type().startsWith("DECIMAL")) {
            String type = source.type();
            return type.substring(type.indexOf(',') + 1, type.indexOf(')')).strip();
        }
        return "focus_scale(" + column.sql() + ")";
    }

    /** Level 1: each column's text, the row number, and the characters check on the raw text. */
    private String raw(boolean numbered, boolean grouped) {
        List<String> select = new ArrayList<>();
        for (FocusColumn column : FocusColumn.values()) {
            if (grouped && COSTS.contains(column)) {
                String name = column.sql().substring(2);
                select.add("v_" + name + ", n_" + name + ", s_" + name);
                select.add("CAST(NULL AS VARCHAR) AS " + column.sql());
                select.add("CAST(NULL AS VARCHAR) AS o_" + column.sql());
                continue;
            }
            select.add(text(column) + " AS " + column.sql());
            Source source = columns.get(column);
            if (source != null && !isText(source.type())) {
                select.add(source.reference() + " AS " + typed(column));
            }
        }
        select.add(grouped ? "rn, n_rows" : (csv ? (numbered ? "row_number() OVER ()" : "CAST(NULL AS BIGINT)") + " AS rn"
                : "file_row_number + 1 AS rn") + ", 1 AS n_rows");
        List<Source> checkedText = grouped ? textColumns.stream().filter(t -> COSTS.stream()
                .noneMatch(c -> t.equals(columns.get(c)))).toList() : textColumns;
        String refused = checkedText.isEmpty() ? "false" : "coalesce(focus_refused(concat(" + checkedText.stream()
                .map(Source::reference).collect(Collectors.joining(", ")) + ")), false)";
        select.add((grouped ? "(" + refused + " OR n_refused > 0)" : refused) + " AS f_characters");
        for (FocusColumn column : FocusColumn.values()) {
            if (grouped && COSTS.contains(column)) {
                continue;
            }
            Source source = columns.get(column);
            select.add((source == null ? "CAST(NULL AS VARCHAR)" : "CAST(" + source.reference() + " AS VARCHAR)")
                    + " AS o_" + column.sql());
        }
        if (grouped) {
            return "SELECT " + String.join(", ", select) + " FROM " + preGrouped();
        }
        return "SELECT " + String.join(", ", select) + " FROM " + from
                + repeatedHeader.map(h -> " WHERE NOT (" + h + ")").orElse("");
    }

    /** Level 2: parsed values. */
    private String parsed(boolean numbered, boolean grouped) {
        List<String> select = new ArrayList<>(List.of("*"));
        select.add("focus_sub_account(" + FocusColumn.SUB_ACCOUNT_ID.sql() + ") AS v_sub");
        select.add(instant(FocusColumn.CHARGE_PERIOD_START) + " AS v_start");
        select.add(instant(FocusColumn.BILLING_PERIOD_START) + " AS v_billing");
        select.add(instant(FocusColumn.CHARGE_PERIOD_END) + " AS v_end");
        select.add("focus_currency(" + FocusColumn.BILLING_CURRENCY.sql() + ") AS v_currency");
        for (FocusColumn cost : grouped ? List.<FocusColumn>of() : COSTS) {
            String name = cost.sql().substring(2);
            select.add("0 AS n_" + name);
            select.add(number(cost) + " AS v_" + name);
            select.add(scale(cost) + " AS s_" + name);
            select.add((columns.containsKey(cost) && !columns.get(cost).type().startsWith("DECIMAL")
                    ? "coalesce(focus_too_precise(" + cost.sql() + "), false)" : "false") + " AS p_" + name);
        }
        select.add("CASE focus_enum(" + FocusColumn.CHARGE_CATEGORY.sql() + ") WHEN 'usage' THEN 'Usage' WHEN 'purchase' THEN"
                + " 'Purchase' WHEN 'tax' THEN 'Tax' WHEN 'credit' THEN 'Credit' WHEN 'adjustment' THEN 'Adjustment' END"
                + " AS v_category");
        select.add("CASE focus_enum(" + FocusColumn.CHARGE_CLASS.sql() + ") WHEN 'correction' THEN 'Correction' END AS v_class");
        select.add("CASE focus_enum(" + FocusColumn.CHARGE_FREQUENCY.sql() + ") WHEN 'onetime' THEN 'One-Time'"
                + " WHEN 'recurring' THEN 'Recurring' WHEN 'usagebased' THEN 'Usage-Based' END AS v_frequency");
        select.addAll(tagSelect());
        return "SELECT " + String.join(", ", select) + " FROM (" + raw(numbered, grouped) + ")";
    }

    /** The tag's value (t_value), whether the row has the tag (t_matched), and why it cannot be read. */
    private List<String> tagSelect() {
        if (tagKey.isEmpty() || !has(FocusColumn.TAGS)) {
            return List.of("CAST(NULL AS VARCHAR) AS t_value", "false AS t_matched", "false AS t_not_tags",
                    "CAST(NULL AS VARCHAR) AS t_duplicate", "0 AS t_matches", "CAST(NULL AS VARCHAR) AS t_type",
                    "CAST(NULL AS VARCHAR) AS t_string", "CAST(NULL AS VARCHAR) AS t_name", "CAST(NULL AS VARCHAR) AS t_json");
        }
        String key = literal(tagKey.get());
        String t = FocusColumn.TAGS.sql();
        String j = "(CASE WHEN left(" + t + ", 1) IN ('{', '[') THEN " + t + " ELSE '{' || " + t + " || '}' END)";
        String member = "'$.\"' || replace(replace(%s, '\\', '\\\\'), '\"', '\\\"') || '\"'";
        String fromObject = "list_transform(json_keys(" + j + "), lambda k: {'k': k, 'v': json_extract(" + j + ", "
                + String.format(member, "k") + ")})";
        String keyName = "list_filter(json_keys(e), lambda n: lower(n) = 'key')";
        String valueName = "list_filter(json_keys(e), lambda n: lower(n) = 'value')";
        String fromArray = "list_transform(from_json(" + j + ", '[\"JSON\"]'), lambda e: CASE WHEN json_type(e) = 'OBJECT'"
                + " AND len(" + keyName + ") = 1 AND len(" + valueName + ") = 1 AND json_type(json_extract(e, "
                + String.format(member, keyName + "[1]") + ")) = 'VARCHAR' THEN {'k': json_extract_string(e, "
                + String.format(member, keyName + "[1]") + "), 'v': json_extract(e, " + String.format(member, valueName + "[1]")
                + ")} END)";
        String entries = "(CASE WHEN " + t + " IS NULL THEN [] WHEN NOT json_valid(" + j + ") THEN NULL"
                + " WHEN json_type(" + j + ") = 'OBJECT' THEN " + fromObject
                + " WHEN json_type(" + j + ") = 'ARRAY' THEN " + fromArray + " END)";
        return List.of(
                entries + " AS t_entries");
    }

    /** Level 3 over level 2 with the tag entries: the tag columns, then every check. */
    private String checked(boolean numbered, boolean grouped) {
        List<String> select = new ArrayList<>(List.of("*"));
        boolean tags = tagKey.isPresent() && has(FocusColumn.TAGS);
        String key = tags ? literal(tagKey.get()) : "''";
        String inner = parsed(numbered, grouped);
        if (tags) {
            String e = "t_entries";
            String exact = "list_filter(" + e + ", lambda x: x.k = " + key + ")";
            String any = "list_filter(" + e + ", lambda x: lower(x.k) = lower(" + key + "))";
            String matches = "(CASE WHEN len(" + exact + ") > 0 THEN " + exact + " ELSE " + any + " END)";
            inner = "SELECT *, " + e + " IS NULL OR list_contains(list_transform(" + e + ", lambda x: x IS NULL), true)"
                    + " AS t_not_tags, list_filter(list_transform(" + e + ", lambda x: x.k), lambda k: len(list_filter("
                    + e + ", lambda y: y.k = k)) > 1)[1] AS t_duplicate, coalesce(len(" + matches + "), 0) AS t_matches, "
                    + matches + "[1].k AS t_name, CAST(" + matches + "[1].v AS VARCHAR) AS t_json, json_type("
                    + matches + "[1].v) AS t_type, json_extract_string(" + matches + "[1].v, '$') AS t_string FROM ("
                    + inner + ")";
            inner = "SELECT *, t_matches > 0 AS t_matched, CASE WHEN t_matches = 0 OR t_type = 'NULL' THEN ''"
                    + " WHEN t_type = 'VARCHAR' THEN trim(t_string, " + literal(WHITE_SPACE) + ") ELSE t_json END AS t_value"
                    + " FROM (" + inner + ")";
        }
        select.add(requiredMissing(FocusColumn.PROVIDER_NAME) + " AS " + Check.PROVIDER.sql());
        select.add(requiredMissing(FocusColumn.BILLING_ACCOUNT_ID) + " AS " + Check.BILLING_ACCOUNT.sql());
        select.add("false AS " + Check.SUB_ACCOUNT.sql());
        select.add("v_start IS NULL AS " + Check.CHARGE_START.sql());
        select.add((has(FocusColumn.BILLING_PERIOD_START) ? "v_billing IS NULL" : "false") + " AS " + Check.BILLING_PERIOD.sql());
        select.add("(" + FocusColumn.CHARGE_PERIOD_END.sql() + " IS NOT NULL AND v_end IS NULL) AS " + Check.CHARGE_END.sql());
        select.add("v_currency IS NULL AS " + Check.CURRENCY.sql());
        if (grouped) {
            select.add("n_effectivecost > 0 AS " + Check.EFFECTIVE.sql());
            select.add("n_billedcost > 0 AS " + Check.BILLED.sql());
            select.add("n_listcost > 0 AS " + Check.LIST.sql());
        } else {
            select.add("(v_effectivecost IS NULL OR s_effectivecost IS NULL OR s_effectivecost > 20 OR p_effectivecost"
                    + " OR strpos(x_effectivecost, '_') > 0) AS " + Check.EFFECTIVE.sql());
            for (FocusColumn cost : List.of(FocusColumn.BILLED_COST, FocusColumn.LIST_COST)) {
                String name = cost.sql().substring(2);
                select.add("(" + cost.sql() + " IS NOT NULL AND (v_" + name + " IS NULL OR s_" + name + " IS NULL OR s_"
                        + name + " > 20 OR p_" + name + " OR strpos(" + cost.sql() + ", '_') > 0)) AS "
                        + (cost == FocusColumn.BILLED_COST ? Check.BILLED : Check.LIST).sql());
            }
        }
        select.add("v_category IS NULL AS " + Check.CATEGORY.sql());
        select.add("(" + FocusColumn.CHARGE_CLASS.sql() + " IS NOT NULL AND v_class IS NULL) AS " + Check.CLASS.sql());
        select.add("(" + FocusColumn.CHARGE_FREQUENCY.sql() + " IS NOT NULL AND v_frequency IS NULL) AS " + Check.FREQUENCY.sql());
        select.add("coalesce(v_end < v_start, false) AS " + Check.END_BEFORE_START.sql());
        select.add((tags ? "(t_not_tags OR t_duplicate IS NOT NULL OR t_matches > 1 OR t_type IN ('OBJECT', 'ARRAY')"
                + " OR (t_type = 'VARCHAR' AND (coalesce(focus_refused(t_string), false) OR (t_string <> '' AND trim(t_string, "
                + literal(WHITE_SPACE) + ") = ''))))" : "false") + " AS " + Check.TAGS.sql());
        String checks = "SELECT " + String.join(", ", select) + " FROM (" + inner + ")";
        // a check that is NULL (e.g. comparing with a missing value) is not a failure
        String bad = java.util.Arrays.stream(Check.values()).map(c -> "coalesce(" + c.sql() + ", false)")
                .collect(Collectors.joining(" OR "));
        return "SELECT *, (" + bad + ") AS bad FROM (" + checks + ")";
    }

    private String requiredMissing(FocusColumn column) {
        return column.sql() + " IS NULL";
    }

    /**
     * The groups: one row per group of good rows, plus one row with {@code bad} true counting the
     * bad rows when there are any. Columns: bad, provider, billing_account_id, billing_account_name,
     * sub_account_id, sub_account_name, currency, billing_period, charge_month, category, class,
     * frequency, tag, term_start, term_end, term_commitment, term_description, effective, billed,
     * list, the three scales, rows, first_row, tag_matched.
     */
    String groups() {
        String billingMonth = has(FocusColumn.BILLING_PERIOD_START) ? "v_billing" : "v_start";
        String term = "(v_frequency = 'One-Time')"; // any one-time charge over a term, as the Java reader
        String keys = String.join(", ",
                "x_providername AS provider", "x_billingaccountid AS billing_account_id",
                "x_billingaccountname AS billing_account_name", "v_sub AS sub_account_id",
                "x_subaccountname AS sub_account_name", "v_currency AS currency",
                "CAST(date_trunc('month', " + billingMonth + ") AS DATE) AS billing_period",
                "CAST(date_trunc('month', v_start) AS DATE) AS charge_month", "v_category AS category",
                "v_class AS class", "v_frequency AS frequency", "t_value AS tag",
                "CASE WHEN " + term + " THEN CAST(v_start AS DATE) END AS term_start",
                "CASE WHEN " + term + " THEN (CASE WHEN v_end IS NULL THEN CAST(v_start AS DATE)"
                        + " WHEN v_end = date_trunc('day', v_end) THEN CAST(v_end AS DATE)"
                        + " ELSE CAST(v_end AS DATE) + 1 END) END AS term_end",
                "CASE WHEN " + term + " THEN x_commitmentdiscountid END AS term_commitment",
                "CASE WHEN " + term + " THEN x_chargedescription END AS term_description");
        List<String> keyNames = List.of("provider", "billing_account_id", "billing_account_name", "sub_account_id",
                "sub_account_name", "currency", "billing_period", "charge_month", "category", "class", "frequency", "tag",
                "term_start", "term_end", "term_commitment", "term_description");
        String nulled = keyNames.stream().map(k -> "CASE WHEN bad THEN NULL ELSE " + k + " END AS " + k)
                .collect(Collectors.joining(", "));
        String perRow = "SELECT bad, " + keys + ", v_effectivecost, v_billedcost, v_listcost, s_effectivecost,"
                + " s_billedcost, s_listcost, rn, n_rows, t_matched FROM (" + checked(false, true) + ")";
        String good = "NOT bad";
        return "SELECT bad, " + String.join(", ", keyNames)
                + ", sum(v_effectivecost) FILTER (WHERE " + good + ") AS effective"
                + ", coalesce(sum(v_billedcost) FILTER (WHERE " + good + "), 0) AS billed"
                + ", coalesce(sum(v_listcost) FILTER (WHERE " + good + "), 0) AS list"
                + ", greatest(0, max(s_effectivecost) FILTER (WHERE " + good + ")) AS effective_scale"
                + ", greatest(0, max(CASE WHEN v_billedcost IS NULL THEN 0 ELSE s_billedcost END) FILTER (WHERE " + good
                + ")) AS billed_scale"
                + ", greatest(0, max(CASE WHEN v_listcost IS NULL THEN 0 ELSE s_listcost END) FILTER (WHERE " + good
                + ")) AS list_scale"
                + ", sum(n_rows) AS rows, min(rn) AS first_row, bool_or(t_matched) AS tag_matched"
                + " FROM (SELECT bad, " + nulled + ", v_effectivecost, v_billedcost, v_listcost, s_effectivecost,"
                + " s_billedcost, s_listcost, rn, n_rows, t_matched FROM (" + perRow + "))"
                + " GROUP BY ALL";
    }

    /** The first {@code limit} bad rows: rn, the raw text of every column (o_...), the trimmed text (x_...), every check, tag details. */
    String badRows(int limit) {
        return "SELECT * FROM (" + checked(true, false) + ") WHERE bad" + (csv ? "" : " ORDER BY rn") + " LIMIT " + limit;
    }

    /** The distinct tag keys of the rows, sorted, at most {@code limit} (for the note when no row has the tag). */
    String tagKeys(int limit) {
        return "SELECT DISTINCT k FROM (SELECT unnest(list_transform(t_entries, lambda x: x.k)) AS k FROM ("
                + parsed(false, true) + ") WHERE t_entries IS NOT NULL) ORDER BY k LIMIT " + limit;
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
