package io.servicedocs.model;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * What every waiver states, whatever it exempts (a quality item of the assessment, a security
 * check of the checklist answers): the requirement of which phase, why, who approved it and until
 * when. One definition of validity and expiry, so that validation, the assessment, the site and
 * the review judge both kinds alike.
 */
public interface WaiverTerms {

    /** The id of what is waived: a quality item, or a security check. */
    String subject();

    String phase();

    String reason();

    String approvedBy();

    Optional<LocalDate> approvedOn();

    LocalDate expires();

    /** A waiver is valid up to and including its expiry date. */
    default boolean isValidOn(LocalDate day) {
        return !day.isAfter(expires());
    }

    /** Valid on {@code day} and expiring before {@code day + within}: the site and the review warn alike. */
    default boolean isExpiringOn(LocalDate day, Period within) {
        return isValidOn(day) && expires().isBefore(day.plus(within));
    }

    /** The waiver among {@code waivers} that covers {@code subject} in {@code phase} on {@code day}, if any (the first one listed). */
    static <W extends WaiverTerms> Optional<W> covering(List<W> waivers, String subject, String phase, LocalDate day) {
        return waivers.stream().filter(w -> w.subject().equals(subject) && w.phase().equals(phase) && w.isValidOn(day))
                .findFirst();
    }
}
