package io.servicedocs.history;

import java.util.Optional;

/**
 * A product's state from commit number {@code commit} (index in {@link Snapshots#commits()}) on,
 * until its next version; empty when the product was deleted.
 */
public record ProductVersion(int commit, Optional<ProductState> state) {
}
