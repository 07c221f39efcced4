package io.servicedocs.assess;

import io.servicedocs.model.SecurityAnswers.Answer;
import io.servicedocs.model.SecurityAnswers.CheckWaiver;
import io.servicedocs.model.SecurityCheck;
import java.util.Optional;

/**
 * One security check of a product judged against one phase.
 *
 * @param waiver the valid waiver that covers the check, present only when the status is WAIVED
 * @param planOverdue the answer's plan ("met by DATE") is past its date and the answer is still not 'yes'
 */
public record CheckResult(SecurityCheck check, Optional<Answer> answer, boolean required, CheckStatus status,
                          Optional<CheckWaiver> waiver, boolean planOverdue) {

    public CheckResult(SecurityCheck check, Optional<Answer> answer, boolean required, CheckStatus status) {
        this(check, answer, required, status, Optional.empty(), false);
    }
}
