package io.servicedocs.assess;

import java.util.List;

/**
 * An owner team and its products, as the teams page shows it.
 *
 * @param meeting its products that meet their current phase
 */
public record Team(String id, List<ProductReadiness> products, int meeting) {

    public Team {
        products = List.copyOf(products);
    }

    /** Every product of the team meets its current phase. */
    public boolean allMeeting() {
        return meeting == products.size();
    }
}
