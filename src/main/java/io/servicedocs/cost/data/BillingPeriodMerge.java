package io.servicedocs.cost.data;

import io.servicedocs.model.CostMonth;
import io.servicedocs.model.CostMonth.CostLine;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An import adds what it brings: the months of one source after an import of some billing
 * periods are what was there, without the parts of those billing periods, plus what the import
 * brings for them. So the files of a provider's invoices may arrive in any order, and a billing
 * period imported again replaces only its own part. Pure: no I/O.
 *
 * <p>A month is replaced whole, as before billing periods were kept, when its file has a line
 * without a billing period (Cost Explorer data, or an import made before) or holds another
 * metric (its basis ends with another FOCUS column): parts of different kinds cannot be added.
 */
public final class BillingPeriodMerge {

    private static final Pattern FOCUS_BASIS = Pattern.compile("^FOCUS (.+) (\\S+)$");

    private BillingPeriodMerge() {
    }

    /** The billing periods the lines of these months come from. */
    public static Set<YearMonth> billingPeriods(List<CostMonth> months) {
        Set<YearMonth> periods = new TreeSet<>();
        months.forEach(m -> m.costs().forEach(l -> l.billingPeriod().ifPresent(periods::add)));
        return periods;
    }

    /**
     * The months to save: every month the import brings, merged with its file, and every other
     * existing month that held a part of an imported billing period (that part now gone).
     *
     * @param fresh    the months of the import, each line with its billing period
     * @param existing the source's month files, by month
     */
    public static List<CostMonth> merge(List<CostMonth> fresh, Map<YearMonth, CostMonth> existing) {
        Set<YearMonth> imported = billingPeriods(fresh);
        List<CostMonth> result = new ArrayList<>();
        Set<YearMonth> done = new TreeSet<>();
        for (CostMonth month : fresh) {
            done.add(month.month());
            result.add(merge(month, Optional.ofNullable(existing.get(month.month())), imported));
        }
        for (CostMonth old : existing.values()) {
            if (done.contains(old.month()) || !mergeable(old, Optional.empty())) {
                continue;
            }
            boolean touched = old.costs().stream().anyMatch(l -> l.billingPeriod().filter(imported::contains).isPresent());
            if (touched) {
                List<CostLine> kept = old.costs().stream()
                        .filter(l -> l.billingPeriod().filter(imported::contains).isEmpty()).toList();
                result.add(new CostMonth(old.source(), old.month(), old.status(), old.basis(), old.retrieved(),
                        old.origin(), kept, old.revisions()));
            }
        }
        return result;
    }

    /** One month: the old parts of billing periods not imported now, and the new parts. */
    static CostMonth merge(CostMonth fresh, Optional<CostMonth> existing, Set<YearMonth> imported) {
        if (existing.isEmpty() || !mergeable(existing.get(), Optional.of(fresh))) {
            return fresh;
        }
        CostMonth old = existing.get();
        List<CostLine> lines = new ArrayList<>();
        old.costs().stream().filter(l -> !imported.contains(l.billingPeriod().orElseThrow())).forEach(lines::add);
        lines.addAll(fresh.costs());
        boolean keptOld = lines.size() > fresh.costs().size();
        Optional<String> origin = keptOld ? origin(old.origin(), fresh.origin()) : fresh.origin();
        String basis = keptOld ? basis(old.basis(), fresh.basis()) : fresh.basis();
        return CostMonths.sorted(new CostMonth(fresh.source(), fresh.month(), fresh.status(), basis, fresh.retrieved(),
                origin, lines, List.of()));
    }

    /** Whether a file's month can take parts: every line has a billing period, and the metric is the same. */
    static boolean mergeable(CostMonth old, Optional<CostMonth> fresh) {
        if (old.costs().stream().anyMatch(l -> l.billingPeriod().isEmpty())) {
            return false;
        }
        Matcher before = FOCUS_BASIS.matcher(old.basis());
        if (!before.matches()) {
            return false;
        }
        if (fresh.isEmpty()) {
            return true;
        }
        Matcher after = FOCUS_BASIS.matcher(fresh.get().basis());
        return after.matches() && after.group(2).equals(before.group(2));
    }

    /** "FOCUS 1.0/1.2 EffectiveCost" from "FOCUS 1.0 EffectiveCost" and "FOCUS 1.2 EffectiveCost". */
    static String basis(String old, String fresh) {
        Matcher a = FOCUS_BASIS.matcher(old);
        Matcher b = FOCUS_BASIS.matcher(fresh);
        if (!a.matches() || !b.matches()) {
            return fresh;
        }
        Set<String> versions = new TreeSet<>(List.of(a.group(1).split("/")));
        versions.addAll(List.of(b.group(1).split("/")));
        return "FOCUS " + String.join("/", versions) + " " + b.group(2);
    }

    /** The file names of both origins, each once, old ones first. */
    static Optional<String> origin(Optional<String> old, Optional<String> fresh) {
        Set<String> names = new LinkedHashSet<>();
        old.ifPresent(o -> names.addAll(List.of(o.split(", "))));
        fresh.ifPresent(o -> names.addAll(List.of(o.split(", "))));
        return names.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", names));
    }
}
