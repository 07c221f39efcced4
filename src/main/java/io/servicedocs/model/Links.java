package io.servicedocs.model;

import java.util.List;
import java.util.Optional;

/** Where to find a product's code, runbook, dashboards, status page and on-call schedule. */
public record Links(String repository, Optional<String> runbook, List<Link> dashboards,
                    Optional<String> statusPage, Optional<String> onCall, Optional<String> documentation) {

    public Links {
        dashboards = dashboards == null ? List.of() : List.copyOf(dashboards);
    }
}
