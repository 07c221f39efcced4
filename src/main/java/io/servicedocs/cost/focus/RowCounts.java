package io.servicedocs.cost.focus;

import java.util.Map;

/**
 * Data rows (every record after the header) read, used in the totals, and skipped by reason
 * (blank lines, a header repeated where files were concatenated). {@code read == used + skipped}.
 */
public record RowCounts(int read, int used, Map<String, Integer> skippedByReason) {

    public RowCounts {
        skippedByReason = Map.copyOf(skippedByReason);
        if (read != used + skippedByReason.values().stream().mapToInt(Integer::intValue).sum()) {
            throw new IllegalArgumentException("rows read must be rows used plus rows skipped");
        }
    }

    public int skipped() {
        return read - used;
    }
}
