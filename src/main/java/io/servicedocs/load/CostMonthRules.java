package io.servicedocs.load;

import io.servicedocs.model.CostElement;
import io.servicedocs.model.CostMonth;
import io.servicedocs.model.CostMonth.CostLine;
import io.servicedocs.model.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rules a cost-data month file must meet beyond its schema, judged from the file alone: it
 * sits where its content says, and it lists each cost element, tag and currency once. They live
 * here, beside the loader, because both {@code validate} and the cost-data store (which reads
 * every month before it writes one) judge month files, with the same rule ids and wording.
 */
public final class CostMonthRules {

    private CostMonthRules() {
    }

    /**
     * Empty when the month's source and month are its folder and file name: a month elsewhere
     * would be read as another source's or another month's cost.
     */
    public static List<Diagnostic> misplaced(YamlDocument doc, CostMonth month) {
        List<Diagnostic> problems = new ArrayList<>();
        String[] parts = doc.path().split("/");
        if (parts.length < 2) {
            return problems;
        }
        String folder = parts[parts.length - 2];
        String file = parts[parts.length - 1];
        if (!month.source().equals(folder)) {
            problems.add(Diagnostic.error(doc.path(), doc.locate("/source"), "cost-file-misplaced", "source '"
                    + month.source() + "' does not match its folder '" + folder + "'; expected the file in "
                    + CostMonth.pathOf(month.source(), month.month())));
        }
        if (!(month.month() + ".yaml").equals(file)) {
            problems.add(Diagnostic.error(doc.path(), doc.locate("/month"), "cost-file-misplaced", "month "
                    + month.month() + " does not match the file name '" + file + "'; expected " + month.month()
                    + ".yaml"));
        }
        return problems;
    }

    /** A line for a cost element, tag, currency and billing period listed before would count its cost twice. */
    public static List<Diagnostic> duplicateLines(YamlDocument doc, CostMonth month) {
        List<Diagnostic> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < month.costs().size(); i++) {
            CostLine line = month.costs().get(i);
            String key = line.element().key() + "\u0000" + line.tag().orElse("\u0001") + "\u0000" + line.currency()
                    + "\u0000" + line.billingPeriod().map(Object::toString).orElse("");
            Integer first = seen.putIfAbsent(key, i);
            if (first != null) {
                problems.add(Diagnostic.error(doc.path(), doc.locate("/costs/" + i), "cost-line-duplicate",
                        describe(line.element()) + line.tag().map(t -> " with tag '" + t + "'").orElse("") + " in "
                                + line.currency() + line.billingPeriod().map(p -> " of billing period " + p).orElse("")
                                + " is listed twice (also at line " + doc.locate("/costs/" + first).line()
                                + "); expected one line per cost element, tag, currency and billing period"));
            }
        }
        return problems;
    }

    /** A cost element as messages name it: "aws cost element '123'", "saas Contoso contract 'x'". */
    public static String describe(CostElement element) {
        String provider = element.provider().name().toLowerCase(Locale.ROOT);
        if (element.billingAccount()) {
            return provider + element.vendor().map(v -> " " + v).orElse("") + " billing account '" + element.id() + "'"
                    + element.tag().map(v -> " tagged '" + v + "'").orElse("");
        }
        return element.vendor().map(v -> provider + " " + v + " contract '" + element.id() + "'")
                .orElse(provider + " cost element '" + element.id() + "'")
                + element.tag().map(v -> " tagged '" + v + "'").orElse("");
    }
}
