package io.servicedocs.load;

import io.servicedocs.model.Category;
import io.servicedocs.model.Phase;
import io.servicedocs.model.QualityItem;
import io.servicedocs.model.SecurityCheck;
import io.servicedocs.model.Team;
import java.util.List;

/** The top-level shapes of the standard's files, as written in YAML. */
final class StandardFiles {

    private StandardFiles() {
    }

    record PhasesFile(List<Phase> phases) {
    }

    record QualityItemsFile(List<Category> categories, List<QualityItem> items) {
    }

    record SecurityChecklistFile(List<Category> categories, List<SecurityCheck> checks) {
    }

    record TeamsFile(List<Team> teams) {
    }

    /** standards/sli-templates.yaml (SLOs, issue 16). */
    record SliTemplatesFile(List<io.servicedocs.model.SliTemplate> templates) {
    }

    /** A campaign file: the id, path and positions are the file's, added when it is bound. */
    record CampaignFile(String title, String why, String owner, java.time.LocalDate start, java.time.LocalDate due,
                        io.servicedocs.model.Campaign.Scope scope, List<io.servicedocs.model.Campaign.Goal> goals) {
    }
}
