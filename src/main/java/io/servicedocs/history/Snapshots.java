package io.servicedocs.history;

import io.servicedocs.model.Standard;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every state of the repository along the first-parent chain, stored as changes only: each
 * product's versions and the standard's versions, by commit index. The state at any commit is
 * the last version at or before it, so 10,000 commits of 500 products need no 5 million copies.
 *
 * @param shallow the clone is shallow: the first commit seen is not the real start
 */
public record Snapshots(List<CommitInfo> commits, Map<String, List<ProductVersion>> products,
                        List<StandardVersion> standards, List<HistoryWarning> warnings, boolean shallow) {

    public Snapshots {
        commits = List.copyOf(commits);
        products = new TreeMap<>(products);
        products.replaceAll((id, versions) -> List.copyOf(versions));
        products = java.util.Collections.unmodifiableMap(products);
        standards = List.copyOf(standards);
        warnings = List.copyOf(warnings);
    }

    /** The standard in force at a commit, if one had loaded by then. */
    public Optional<Standard> standardAt(int commit) {
        Standard found = null;
        for (StandardVersion version : standards) {
            if (version.commit() > commit) {
                break;
            }
            found = version.standard();
        }
        return Optional.ofNullable(found);
    }

    /** A product's state at a commit; empty before it existed and after it was deleted. */
    public Optional<ProductState> stateAt(String product, int commit) {
        List<ProductVersion> versions = products.getOrDefault(product, List.of());
        int low = 0;
        int high = versions.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (versions.get(mid).commit() <= commit) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found < 0 ? Optional.empty() : versions.get(found).state();
    }
}
