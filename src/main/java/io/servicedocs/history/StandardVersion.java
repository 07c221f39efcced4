package io.servicedocs.history;

import io.servicedocs.model.Standard;

/** The standard from commit number {@code commit} on, until its next version. */
public record StandardVersion(int commit, Standard standard) {
}
