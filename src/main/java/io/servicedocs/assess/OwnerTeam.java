package io.servicedocs.assess;

import io.servicedocs.model.Team;
import java.util.List;
import java.util.Optional;

/**
 * An owner team and its products, as the teams page shows it.
 *
 * @param name the display name of standards/teams.yaml, or the id when the file does not declare the team
 * @param declared the team as standards/teams.yaml declares it; empty without that file
 * @param meeting its products that meet their current phase
 */
public record OwnerTeam(String id, String name, Optional<Team> declared, List<ProductReadiness> products, int meeting) {

    public OwnerTeam {
        products = List.copyOf(products);
    }

    /** Every product of the team meets its current phase. */
    public boolean allMeeting() {
        return meeting == products.size();
    }
}
