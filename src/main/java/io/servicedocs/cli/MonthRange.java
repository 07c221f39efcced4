package io.servicedocs.cli;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The months a fetch asks for (--from, and --to or the current month): the commands that fetch
 * month by month (costs fetch, slo fetch) check them the same way, so that one wording serves.
 */
final class MonthRange {

    private MonthRange() {
    }

    /**
     * The last month of --from..--to: --to, or the current month without it.
     *
     * @param whyNotLater why a month after the current one is refused, e.g. "Cost Explorer has no
     *                    cost of months to come"
     * @throws UsageException when --from is after the last month, or the last month is to come
     */
    static YearMonth last(YearMonth from, YearMonth to, LocalDate today, String whyNotLater) throws UsageException {
        YearMonth current = YearMonth.from(today);
        YearMonth last = to == null ? current : to;
        if (from.isAfter(last)) {
            throw new UsageException("--from " + from + " is after " + (to == null ? "the current month " : "--to ")
                    + last + "; expected --from to be the first month and --to the last");
        }
        if (last.isAfter(current)) {
            throw new UsageException("--to " + last + " is after the current month " + current + "; " + whyNotLater);
        }
        return last;
    }

    /** A YYYY-MM option value. */
    static final class Converter implements ITypeConverter<YearMonth> {
        @Override
        public YearMonth convert(String value) {
            if (value.matches("[0-9]{4}-[0-9]{2}")) {
                try {
                    return YearMonth.parse(value);
                } catch (DateTimeParseException e) {
                    // reported below
                }
            }
            throw new TypeConversionException("'" + value + "' is not a month; expected YYYY-MM, e.g. 2026-10");
        }
    }
}
