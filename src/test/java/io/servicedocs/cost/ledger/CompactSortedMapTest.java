package io.servicedocs.cost.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.model.Money;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CompactSortedMapTest {

    @Test
    void behavesAsAnUnmodifiableTreeMapOfTheSameEntries() {
        Map<String, Money> byProvider = new HashMap<>();
        byProvider.put("saas", Money.of("37540", "JPY"));
        byProvider.put("aws", Money.of("302460", "JPY"));
        byProvider.put("gcp", Money.of("0", "JPY"));
        SortedMap<String, Money> compact = CompactSortedMap.copyOf(byProvider);
        TreeMap<String, Money> tree = new TreeMap<>(byProvider);
        assertEquals(tree, compact);
        assertEquals(compact, tree);
        assertEquals(tree.hashCode(), compact.hashCode());
        assertEquals("{aws=302460 JPY, gcp=0 JPY, saas=37540 JPY}", compact.toString());
        assertEquals(List.of("aws", "gcp", "saas"), new ArrayList<>(compact.keySet()));
        assertEquals(Money.of("37540", "JPY"), compact.get("saas"));
        assertNull(compact.get("azure"));
        assertNull(compact.get(42));
        assertTrue(compact.containsKey("gcp"));
        assertFalse(compact.containsKey("azure"));
        assertEquals("aws", compact.firstKey());
        assertEquals("saas", compact.lastKey());
        assertEquals(Map.of("gcp", Money.of("0", "JPY")), compact.subMap("b", "h"));
        assertEquals(List.of("aws"), new ArrayList<>(compact.headMap("gcp").keySet()));
        assertEquals(List.of("gcp", "saas"), new ArrayList<>(compact.tailMap("gcp").keySet()));
        List<String> visited = new ArrayList<>();
        compact.forEach((provider, money) -> visited.add(provider + " " + money));
        assertEquals(List.of("aws 302460 JPY", "gcp 0 JPY", "saas 37540 JPY"), visited);
        assertThrows(UnsupportedOperationException.class, () -> compact.put("azure", Money.of("1", "JPY")));
        assertThrows(UnsupportedOperationException.class, () -> compact.remove("aws"));
        assertThrows(UnsupportedOperationException.class, () -> compact.headMap("gcp").clear());
    }

    @Test
    void anEmptyMapAndMonthsAsKeys() {
        SortedMap<YearMonth, Money> empty = CompactSortedMap.copyOf(Map.<YearMonth, Money>of());
        assertTrue(empty.isEmpty());
        assertNull(empty.get(YearMonth.of(2026, 10)));
        assertThrows(NoSuchElementException.class, empty::firstKey);
        SortedMap<YearMonth, Money> months = CompactSortedMap.copyOf(Map.of(YearMonth.of(2026, 10), Money.of("5", "USD"),
                YearMonth.of(2025, 12), Money.of("7", "USD")));
        assertEquals(YearMonth.of(2025, 12), months.firstKey());
        assertEquals(Money.of("5", "USD"), months.get(YearMonth.of(2026, 10)));
    }
}
