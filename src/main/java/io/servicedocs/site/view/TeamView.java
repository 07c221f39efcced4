package io.servicedocs.site.view;

import java.util.List;

/**
 * An owner team and its products.
 *
 * @param meeting its products that meet their current phase
 * @param allMeeting every product of the team meets its current phase
 */
public record TeamView(String id, List<ProductView> products, int meeting, boolean allMeeting) {
}
