package io.servicedocs.assess;

import io.servicedocs.model.SecurityAnswers.Answer;
import io.servicedocs.model.SecurityCheck;
import java.util.Optional;

/** One security check of a product judged against one phase. */
public record CheckResult(SecurityCheck check, Optional<Answer> answer, boolean required, CheckStatus status) {
}
