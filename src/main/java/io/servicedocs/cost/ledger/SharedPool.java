package io.servicedocs.cost.ledger;

import java.util.Objects;

/** A shared cost (a Kubernetes cluster account, security licences) and how it is split. */
public record SharedPool(String id, SplitRule rule) {

    public SharedPool {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
    }
}
