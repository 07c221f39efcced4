package io.servicedocs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * cost-data/&lt;source&gt;/&lt;YYYY-MM&gt;.yaml: what one source billed for each cost element in one
 * month, whether that is final, and the earlier contents a later fetch replaced.
 */
public record CostMonth(String source, YearMonth month, Status status, String basis, Instant retrieved,
                        Optional<String> origin, List<CostLine> costs, List<Revision> revisions) {

    public enum Status {
        @JsonProperty("provisional") PROVISIONAL,
        @JsonProperty("final") FINAL;

        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public CostMonth {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(retrieved, "retrieved");
        origin = origin == null ? Optional.empty() : origin;
        costs = costs == null ? List.of() : List.copyOf(costs);
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
    }

    public boolean provisional() {
        return status == Status.PROVISIONAL;
    }

    /** The path of this month's file, relative to the repository root. */
    public String path() {
        return pathOf(source, month);
    }

    public static String pathOf(String source, YearMonth month) {
        return FOLDER + "/" + source + "/" + month + ".yaml";
    }

    /** The folder, relative to the repository root, that holds the cost data. */
    public static final String FOLDER = "cost-data";

    /**
     * One element's cost in the month; with a cost-allocation tag, one line per tag value; for
     * imports that know it, one line per billing period (invoice) that billed this month's cost:
     * a billing period after the month brought late charges or corrections.
     */
    public record CostLine(CostElement element, Optional<String> tag, BigDecimal amount, Currency currency,
                           Optional<YearMonth> billingPeriod, List<TermPurchase> purchases) {
        public CostLine {
            Objects.requireNonNull(element, "element");
            tag = tag == null ? Optional.empty() : tag;
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(currency, "currency");
            billingPeriod = billingPeriod == null ? Optional.empty() : billingPeriod;
            purchases = purchases == null ? List.of() : List.copyOf(purchases);
        }

        /** A line without a spread purchase in it. */
        public CostLine(CostElement element, Optional<String> tag, BigDecimal amount, Currency currency,
                        Optional<YearMonth> billingPeriod) {
            this(element, tag, amount, currency, billingPeriod, List.of());
        }

        /** A line whose billing period is not known (Cost Explorer, imports before billing periods were kept). */
        public CostLine(CostElement element, Optional<String> tag, BigDecimal amount, Currency currency) {
            this(element, tag, amount, currency, Optional.empty());
        }

        public Money money() {
            return new Money(amount, currency);
        }

        /**
         * The cost element keys that may claim this line, most specific first: the tagged part of
         * the billing unit (when the line has a tag), then the whole unit.
         */
        public List<String> claimKeys() {
            return tag.isEmpty() ? List.of(element.keyWithTag(Optional.empty()))
                    : List.of(element.keyWithTag(tag), element.keyWithTag(Optional.empty()));
        }
    }

    // --- term purchases on the site (issue 14, example data): begin
    /**
     * A one-time purchase over a term that the import spread over the term's months: what it
     * was (the commitment id or the charge description), its whole amount in the line's currency,
     * its term (first and last day) and months, and {@code share}, the part of it in this line's
     * amount. Kept so that pages show the purchase instead of folding it silently into the month.
     */
    public record TermPurchase(String description, BigDecimal total, java.time.LocalDate termStart,
                               java.time.LocalDate termEnd, int months, BigDecimal share) {
        public TermPurchase {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(total, "total");
            Objects.requireNonNull(termStart, "termStart");
            Objects.requireNonNull(termEnd, "termEnd");
            Objects.requireNonNull(share, "share");
        }
    }
    // --- term purchases on the site: end

    /** Content of the month that a later fetch or import replaced: its status, when, and its totals. */
    public record Revision(Instant replaced, Status status, Instant retrieved, List<Money> totals, String reason) {
        public Revision {
            totals = List.copyOf(totals);
        }
    }
}
