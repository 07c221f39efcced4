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
                           List<CostElementDraft> costElements, SortedMap<YearMonth, MonthDraft> months) {

    /** Who owns and who uses the product, as service-doc.yaml names them. */
    public record People(String productManager, String techLead, String usersDescription) {
    }

    /** One cost element: provider (aws, azure, gcp, oci) and its id. */
    public record CostElementDraft(String provider, String id) {
    }

    public record MonthDraft(Money mrr, Money investment, Money maintenance, BigDecimal demand) {
    }
}
