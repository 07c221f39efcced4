package io.servicedocs.cost.focus;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one reading engine made of one FOCUS input (a file, an export folder, or an Athena table's
 * billing periods): the charge groups, the FOCUS version the columns point to and why, how many
 * rows were read, the tag key it grouped by (empty when none, or when the input has no Tags),
 * and notes about the input as a whole worth printing.
 */
public record FocusRead(String input, FocusVersion version, String versionEvidence, List<ChargeGroup> groups,
                        long rows, Optional<String> tagKey, List<String> notes) {

    public FocusRead {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(versionEvidence, "versionEvidence");
        groups = List.copyOf(groups);
        Objects.requireNonNull(tagKey, "tagKey");
        notes = List.copyOf(notes);
    }
}
