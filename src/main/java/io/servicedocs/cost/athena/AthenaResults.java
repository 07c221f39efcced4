package io.servicedocs.cost.athena;

import io.servicedocs.cost.focus.ChargeGroup;
import io.servicedocs.cost.focus.ChargeGroup.ChargeTerm;
import io.servicedocs.cost.focus.FocusError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.Row;

/**
 * Reads the rows of {@link AthenaFocusQuery}'s results into {@link ChargeGroup}s, strictly: every
 * value must be what the query can produce from a valid FOCUS row, and anything else is a
 * {@link FocusError} naming the query, the row and the column. Rows are numbered as in the CSV
 * file Athena writes to the output location: the header is row 1, the first group row 2.
 */
final class AthenaResults {

    private static final Map<String, String> CATEGORIES = Map.of("usage", "Usage", "purchase", "Purchase",
            "tax", "Tax", "credit", "Credit", "adjustment", "Adjustment");
    private static final Map<String, String> FREQUENCIES = Map.of("onetime", "One-Time", "recurring", "Recurring",
            "usagebased", "Usage-Based");
    /** How Athena prints a DECIMAL: optional minus, digits, optional fraction. */
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern COUNT = Pattern.compile("[1-9][0-9]{0,18}");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private final String query;
    private final List<String> columns;
    private final List<ChargeGroup> groups = new ArrayList<>();
    private final List<FocusError> errors = new ArrayList<>();
    private final int maxErrors;
    private long rowsRead;
    private boolean headerSeen;

    /**
     * @param query     "Athena query ID", where every error is
     * @param columns   the aliases the header must have, in order
     * @param maxErrors errors to collect before reading stops
     */
    AthenaResults(String query, List<String> columns, int maxErrors) {
        this.query = query;
        this.columns = List.copyOf(columns);
        this.maxErrors = maxErrors;
    }

    /** Adds one page's rows; false once {@code maxErrors} errors were found (stop paging). */
    boolean add(List<Row> page) {
        for (Row row : page) {
            if (!headerSeen) {
                headerSeen = true;
                List<String> header = row.data().stream().map(Datum::varCharValue).toList();
                if (!header.equals(columns)) {
                    errors.add(new FocusError(query, 1, Optional.empty(), "the results' header is " + header
                            + ", expected " + columns));
                    return false;
                }
                continue;
            }
            rowsRead++;
            parse(row, (int) Math.min(Integer.MAX_VALUE, rowsRead + 1));
            if (errors.size() >= maxErrors) {
                return false;
            }
        }
        return true;
    }

    List<ChargeGroup> groups() {
        return List.copyOf(groups);
    }

    List<FocusError> errors() {
        return List.copyOf(errors);
    }

    boolean truncated() {
        return errors.size() >= maxErrors;
    }

    /** The sum of every group's rows: the FOCUS rows the query read. */
    long focusRows() {
        return groups.stream().mapToLong(ChargeGroup::rows).sum();
    }

    private void parse(Row row, int number) {
        if (row.data().size() != columns.size()) {
            errors.add(new FocusError(query, number, Optional.empty(), "the row has " + row.data().size()
                    + " values, expected " + columns.size()));
            return;
        }
        Map<String, Optional<String>> values = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String value = row.data().get(i).varCharValue();
            values.put(columns.get(i), Optional.ofNullable(value));
        }
        Values v = new Values(values, number);
        String provider = v.required(AthenaFocusQuery.PROVIDER);
        String billingAccount = v.required(AthenaFocusQuery.BILLING_ACCOUNT_ID);
        Optional<String> billingAccountName = v.optional(AthenaFocusQuery.BILLING_ACCOUNT_NAME);
        Optional<String> subAccount = v.optional(AthenaFocusQuery.SUB_ACCOUNT_ID);
        Optional<String> subAccountName = v.optional(AthenaFocusQuery.SUB_ACCOUNT_NAME);
        Currency currency = v.currency(AthenaFocusQuery.CURRENCY);
        YearMonth billingPeriod = v.month(AthenaFocusQuery.BILLING_PERIOD);
        YearMonth chargeMonth = v.month(AthenaFocusQuery.CHARGE_MONTH);
        String category = v.spelled(AthenaFocusQuery.CATEGORY, CATEGORIES, true).orElse(null);
        Optional<String> chargeClass = v.spelled(AthenaFocusQuery.CLASS, Map.of("correction", "Correction"), false);
        Optional<String> frequency = v.spelled(AthenaFocusQuery.FREQUENCY, FREQUENCIES, false);
        Optional<String> tag = columns.contains(AthenaFocusQuery.TAG)
                ? Optional.of(v.optional(AthenaFocusQuery.TAG).orElse("")) : Optional.empty();
        Optional<ChargeTerm> term = v.term();
        BigDecimal effective = v.decimal(AthenaFocusQuery.EFFECTIVE_COST);
        BigDecimal billed = v.decimal(AthenaFocusQuery.BILLED_COST);
        BigDecimal list = v.decimal(AthenaFocusQuery.LIST_COST);
        long rows = v.count(AthenaFocusQuery.ROWS);
        if (v.failed) {
            return;
        }
        groups.add(new ChargeGroup(provider, billingAccount, billingAccountName, subAccount, subAccountName, currency,
                billingPeriod, chargeMonth, category, chargeClass, frequency, tag, term, effective, billed, list,
                rows, Optional.empty()));
    }

    /** One row's values; each failed parse adds an error and marks the row failed. */
    private final class Values {
        private final Map<String, Optional<String>> values;
        private final int row;
        boolean failed;

        Values(Map<String, Optional<String>> values, int row) {
            this.values = values;
            this.row = row;
        }

        private void error(String column, String message) {
            failed = true;
            if (errors.size() < maxErrors) {
                errors.add(new FocusError(query, row, Optional.of(column), message));
            }
        }

        Optional<String> optional(String column) {
            return values.get(column).filter(s -> !s.isEmpty());
        }

        String required(String column) {
            Optional<String> value = optional(column);
            if (value.isEmpty()) {
                error(column, "empty; every FOCUS row has it");
                return "";
            }
            return value.get();
        }

        Currency currency(String column) {
            String code = required(column);
            if (failed && code.isEmpty()) {
                return null;
            }
            if (CURRENCY_CODE.matcher(code).matches()) {
                try {
                    return Currency.getInstance(code);
                } catch (IllegalArgumentException e) {
                    // reported below
                }
            }
            error(column, "'" + code + "' is not an ISO 4217 currency code");
            return null;
        }

        YearMonth month(String column) {
            String text = required(column);
            try {
                return YearMonth.parse(text, MONTH);
            } catch (DateTimeParseException e) {
                if (!text.isEmpty()) {
                    error(column, "'" + text + "' is not a month (YYYY-MM): the timestamp does not start with a date");
                }
                return null;
            }
        }

        LocalDate day(String column, String text) {
            try {
                return LocalDate.parse(text, DAY);
            } catch (DateTimeParseException e) {
                error(column, "'" + text + "' is not a date (YYYY-MM-DD)");
                return null;
            }
        }

        /** A value the query lower-cased, back in FOCUS's spelling; empty allowed unless {@code required}. */
        Optional<String> spelled(String column, Map<String, String> spellings, boolean required) {
            Optional<String> value = optional(column);
            if (value.isEmpty()) {
                if (required) {
                    error(column, "empty; every FOCUS row has it");
                }
                return Optional.empty();
            }
            String spelled = spellings.get(value.get());
            if (spelled == null) {
                error(column, "'" + value.get() + "' is not one of " + spellings.values().stream().sorted().toList());
                return Optional.empty();
            }
            return Optional.of(spelled);
        }

        Optional<ChargeTerm> term() {
            Optional<String> start = optional(AthenaFocusQuery.TERM_START);
            Optional<String> end = optional(AthenaFocusQuery.TERM_END);
            if (start.isEmpty() && end.isEmpty()) {
                return Optional.empty();
            }
            if (start.isEmpty()) {
                error(AthenaFocusQuery.TERM_START, "a one-time charge needs its ChargePeriodStart");
                return Optional.empty();
            }
            LocalDate from = day(AthenaFocusQuery.TERM_START, start.get());
            // without an end, the term is its start day, as the Java reader and DuckDB take it (now that
            // every one-time charge carries a term, a credit without ChargePeriodEnd must not be refused)
            LocalDate to = end.isEmpty() ? from : day(AthenaFocusQuery.TERM_END, end.get());
            if (from == null || to == null) {
                return Optional.empty();
            }
            if (to.isBefore(from)) {
                error(AthenaFocusQuery.TERM_END, "the one-time charge's ChargePeriodEnd " + to + " is before its "
                        + "ChargePeriodStart " + from);
                return Optional.empty();
            }
            return Optional.of(new ChargeTerm(from, to, optional(AthenaFocusQuery.COMMITMENT),
                    optional(AthenaFocusQuery.DESCRIPTION)));
        }

        BigDecimal decimal(String column) {
            Optional<String> text = values.get(column);
            if (text.isEmpty() || !DECIMAL.matcher(text.get()).matches()) {
                error(column, text.map(t -> "'" + t + "' is not a decimal number").orElse("empty; expected a sum"));
                return BigDecimal.ZERO;
            }
            // Athena prints every DECIMAL(38,10) sum with ten decimals; the table's types (DECIMAL,
            // DOUBLE or text) say nothing of the decimals the export wrote, so the sum keeps the
            // fewest that give its exact value (3.14, not 3.1400000000; 100, not 1E+2)
            BigDecimal sum = new BigDecimal(text.get()).stripTrailingZeros();
            return sum.scale() < 0 ? sum.setScale(0) : sum;
        }

        long count(String column) {
            Optional<String> text = values.get(column);
            if (text.isEmpty() || !COUNT.matcher(text.get()).matches()) {
                error(column, text.map(t -> "'" + t + "' is not a row count (1 or more)")
                        .orElse("empty; expected a row count"));
                return 1;
            }
            return Long.parseLong(text.get());
        }
    }
}
