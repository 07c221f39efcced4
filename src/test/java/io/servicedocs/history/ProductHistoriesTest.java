package io.servicedocs.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductHistoriesTest {

    private static ProductHistory history(String product, String folder) {
        return new ProductHistory(product, folder, Optional.of("ga"), List.of(), List.of(), Map.of(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty());
    }

    @Test
    void productsAreFoundByIdAndKeepTheirOrder() {
        ProductHistories products = new ProductHistories(List.of(history("zeta", "zeta"), history("alpha", "alpha")));
        assertEquals("zeta", products.product("zeta").orElseThrow().folder());
        assertTrue(products.product("beta").isEmpty());
        assertEquals(List.of("zeta", "alpha"), products.stream().map(ProductHistory::product).toList());
        assertEquals(List.of(history("zeta", "zeta"), history("alpha", "alpha")), products);
    }

    @Test
    void theFirstOfTwoHistoriesWithOneIdIsFound() {
        ProductHistories products = new ProductHistories(List.of(history("alpha", "old"), history("alpha", "new")));
        assertEquals("old", products.product("alpha").orElseThrow().folder());
    }

    @Test
    void itIsACopyThatCannotChange() {
        List<ProductHistory> source = new ArrayList<>(List.of(history("alpha", "alpha")));
        ProductHistories products = new ProductHistories(source);
        source.clear();
        assertEquals(1, products.size());
        assertThrows(UnsupportedOperationException.class, () -> products.add(history("beta", "beta")));
    }

    @Test
    void aStayIsCurrentUntilItEndsInAMove() {
        LocalDate day = LocalDate.of(2026, 1, 1);
        assertTrue(new PhaseStay("ga", day, day.plusDays(3), 3, Optional.empty()).current());
        assertEquals(false, new PhaseStay("beta", day, day.plusDays(3), 3, Optional.of("ga")).current());
    }
}
