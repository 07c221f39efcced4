package io.servicedocs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A product's answers to the security checklist. */
public record SecurityAnswers(Optional<LocalDate> reviewedOn, Optional<String> reviewedBy,
                              Map<String, CheckAnswer> checks) {

    public SecurityAnswers {
        checks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    }

    public enum Answer {
        @JsonProperty("yes") YES,
        @JsonProperty("no") NO,
        @JsonProperty("not-applicable") NOT_APPLICABLE
    }

    public record CheckAnswer(Answer answer, Optional<String> reason, List<Link> evidence, Optional<String> note) {

        public CheckAnswer {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }
}
