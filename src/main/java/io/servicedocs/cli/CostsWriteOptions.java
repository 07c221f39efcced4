package io.servicedocs.cli;

import io.servicedocs.cost.data.CostDataException;
import io.servicedocs.cost.data.CostDataStore.Action;
import io.servicedocs.cost.data.CostDataStore.MonthOutcome;
import io.servicedocs.cost.data.CostDataStore.Outcome;
import io.servicedocs.cost.data.CostMonths;
import io.servicedocs.model.CostMonth;
import io.servicedocs.source.WorkingTreeSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.UnaryOperator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Options and output shared by the commands that write cost-data/. */
final class CostsWriteOptions {

    @Option(names = "--accept-final-changes",
            description = "Replace final months whose figures changed (or that became provisional again), "
                    + "recording the replaced totals under 'revisions'. Without it such a month is refused "
                    + "and nothing is written.")
    boolean acceptFinalChanges;

    /** For tests and reproducible runs: the time written as 'retrieved' and 'replaced'. */
    @Option(names = "--now", hidden = true, paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "Pretend the current time is this UTC instant, e.g. 2026-11-05T03:00:00Z.")
    Instant now;

    Clock clock() {
        return now == null ? Clock.systemUTC() : Clock.fixed(now, ZoneOffset.UTC);
    }

    /** The day months are judged by: --as-of, else today (UTC) by {@link #clock()}. */
    LocalDate today(RepositoryOptions repository) {
        return repository.asOf != null ? repository.asOf : LocalDate.now(clock());
    }

    /**
     * The repository's folder, when it is one: a folder with standards/ or products/, so that
     * cost-data/ is not written into some other folder by mistake.
     */
    static WorkingTreeSource repository(RepositoryOptions repository) throws IOException, UsageException {
        WorkingTreeSource source = repository.source();
        if (!Files.isDirectory(source.root().resolve("standards")) && !Files.isDirectory(source.root().resolve("products"))) {
            throw new UsageException(source.root() + " has no standards/ or products/ folder; expected a "
                    + "servicedocs repository (use --repo DIR to point at one)");
        }
        return source;
    }

    /** Prints cost-data files that cannot be read, as diagnostics. */
    static void printUnreadable(CostDataException e, UnaryOperator<String> displayPath, PrintWriter err) {
        DiagnosticFormat.TEXT.print(e.diagnostics(), displayPath, "servicedocs: " + e.getMessage(), err);
    }

    /** One line per month, then, when months were refused, why nothing was written. */
    static void print(Outcome outcome, UnaryOperator<String> displayPath, PrintWriter out, PrintWriter err) {
        boolean written = outcome.refused().isEmpty();
        for (MonthOutcome month : outcome.months()) {
            out.println(displayPath.apply(month.path()) + ": " + describe(month, written));
        }
        if (!outcome.refused().isEmpty()) {
            err.println("servicedocs: " + outcome.refused().size() + " final month(s) refused; nothing was written. "
                    + "If the new figures are right (e.g. a late refund, a corrected bill, or a tag key set or "
                    + "changed on purpose), run again with "
                    + "--accept-final-changes: the old totals are kept under 'revisions'.");
        }
    }

    static String describe(MonthOutcome month, boolean written) {
        CostMonth after = month.after();
        String newTotals = CostMonths.describeTotals(month.newTotals());
        String oldTotals = CostMonths.describeTotals(month.oldTotals());
        String oldStatus = month.before().map(b -> b.status().yamlName()).orElse("");
        String basisChange = month.before().filter(b -> !b.basis().equals(after.basis()))
                .map(b -> "; basis " + b.basis() + " -> " + after.basis()).orElse("");
        return switch (month.action()) {
            case CREATED -> (written ? "created" : "would be created") + " (" + after.status().yamlName() + ", "
                    + newTotals + ")";
            case REPLACED -> (written ? "replaced" : "would be replaced") + " (" + oldStatus + " -> "
                    + after.status().yamlName() + ", " + oldTotals + " -> " + newTotals + basisChange + ")";
            case UNCHANGED -> "unchanged (" + oldStatus + ", " + oldTotals + ")";
            case REFUSED -> "refused: " + month.refusal().orElse("the final month would change") + " ("
                    + oldStatus + " -> " + after.status().yamlName() + ", " + oldTotals + " -> " + newTotals
                    + basisChange + ")";
        };
    }

    /** "3 month(s): 1 created, 1 replaced, 1 unchanged". */
    static String summary(Outcome outcome) {
        StringBuilder s = new StringBuilder(outcome.months().size() + " month(s)");
        String sep = ": ";
        for (Action action : Action.values()) {
            long n = outcome.count(action);
            if (n > 0) {
                s.append(sep).append(n).append(' ').append(action.name().toLowerCase(java.util.Locale.ROOT));
                sep = ", ";
            }
        }
        return s.toString();
    }

    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a UTC instant; expected e.g. 2026-11-05T03:00:00Z");
            }
        }
    }
}
