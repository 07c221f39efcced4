package io.servicedocs.load;

import java.util.Optional;
import java.util.Set;

/**
 * What can still be read of a file that failed its schema, so that its semantic rules run in the
 * same run instead of after the fix. {@code document} is a copy of the tree without the nodes at
 * fault that conforms to the schema, when pruning could make it conform (a missing required
 * property at the top cannot be pruned away); its positions are those of the original file, so
 * findings in it point at the original lines. {@code record} is that copy bound. {@code pruned}
 * are the pointers, in the original tree, of the nodes removed (none under another);
 * {@code faults} the nodes the schema found at fault in the original, pruned or not.
 * <p>
 * A rule that judges the absence of something must consult {@code pruned}: its absence may be
 * only the pruning (an assessment item whose level has the wrong type is not a missing item).
 */
public record Salvaged<T>(Optional<YamlDocument> document, Optional<T> record, Set<String> pruned, Set<String> faults) {

    public Salvaged {
        pruned = Set.copyOf(pruned);
        faults = Set.copyOf(faults);
    }

    /** Whether the node at {@code pointer} of the original was pruned, itself or with an ancestor. */
    public boolean isPruned(String pointer) {
        return pruned.stream().anyMatch(p -> pointer.equals(p) || pointer.startsWith(p + "/"));
    }

    /** Whether the schema found a fault at or under the node at {@code pointer} of the original. */
    public boolean hasFaultAtOrUnder(String pointer) {
        return faults.stream().anyMatch(f -> f.equals(pointer) || f.startsWith(pointer + "/") || pointer.isEmpty());
    }
}
