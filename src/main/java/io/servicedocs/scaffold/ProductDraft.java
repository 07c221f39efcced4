package io.servicedocs.scaffold;

import io.servicedocs.model.Money;
import io.servicedocs.model.SecurityAnswers.Answer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What is needed to write a new product folder: its identity, phase, a level per quality item,
 * an answer per security check, and optional monthly figures. {@code new-product} fills what it
 * cannot know with "TODO: ..." placeholders, which validate reports until they are replaced.
 */
public record ProductDraft(String id, String name, String summary, String team, People people, Optional<String> tier,
                           String repositoryUrl, String phase, LocalDate since, LocalDate assessedOn,
                           String assessedBy, Map<String, Integer> levels, Map<String, Answer> answers,
                           List<CostElementDraft> costElements, SortedMap<YearMonth, MonthDraft> months,
                           Details details) {

    /** A draft with nothing beyond the required Service Doc fields (new-product, the generators). */
    public ProductDraft(String id, String name, String summary, String team, People people, Optional<String> tier,
                        String repositoryUrl, String phase, LocalDate since, LocalDate assessedOn,
                        String assessedBy, Map<String, Integer> levels, Map<String, Answer> answers,
                        List<CostElementDraft> costElements, SortedMap<YearMonth, MonthDraft> months) {
        this(id, name, summary, team, people, tier, repositoryUrl, phase, since, assessedOn, assessedBy, levels, answers,
                costElements, months, Details.NONE);
    }

    /**
     * What an import knows beyond the required fields: the optional Service Doc fields it can
     * fill, and notes written as comments at the top of service-doc.yaml (where the facts came
     * from, what had no place in the Service Doc) so that the team sees them where it edits.
     */
    public record Details(Optional<String> description, Optional<String> runbook, List<LinkDraft> dashboards,
                          Optional<String> statusPage, Optional<String> onCall, Optional<String> documentation,
                          List<DependencyDraft> dependencies, List<String> tags, List<String> notes) {

        public static final Details NONE = new Details(Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), List.of(), List.of());

        public Details {
            dashboards = List.copyOf(dashboards);
            dependencies = List.copyOf(dependencies);
            tags = List.copyOf(tags);
            notes = List.copyOf(notes);
        }
    }

    /** A titled link (dashboards). */
    public record LinkDraft(String title, String url) {
    }

    /** A product of the repository this one depends on, and what for. */
    public record DependencyDraft(String id, String purpose) {
    }

    /** Who owns and who uses the product, as service-doc.yaml names them. */
    public record People(String productManager, String techLead, String usersDescription) {
    }

    /** One cost element: provider (aws, azure, gcp, oci) and its id. */
    public record CostElementDraft(String provider, String id) {
    }

    public record MonthDraft(Money mrr, Money investment, Money maintenance, BigDecimal demand) {
    }
}
