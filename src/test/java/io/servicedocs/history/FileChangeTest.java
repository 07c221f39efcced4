package io.servicedocs.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicedocs.load.FileKind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which paths history reads as servicedocs files. */
class FileChangeTest {

    @Test
    void theOptionalTeamsFileIsAFileOfTheStandardAndTheCostSettingsAreNot() {
        // teams.yaml binds with the standard, so a commit that changes it changes the standard in force
        assertEquals(Optional.of(FileKind.TEAMS), FileChange.of("standards/teams.yaml", Optional.empty()).map(FileChange::kind));
        assertEquals(Optional.of(FileKind.PHASES), FileChange.of("standards/phases.yaml", Optional.empty()).map(FileChange::kind));
        assertEquals(Optional.empty(), FileChange.of("standards/costs.yaml", Optional.empty()));
        assertEquals(Optional.of(Optional.of("data-api")),
                FileChange.of("products/data-api/service-doc.yaml", Optional.empty()).map(FileChange::folder));
    }
}
