package io.servicedocs.cost.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FetchRequestTest {

    @Test
    void defaultsToAmortisedCostWithoutTagAndACap() {
        FetchRequest request = FetchRequest.of(YearMonth.of(2026, 1), YearMonth.of(2026, 1));

        assertEquals("AmortizedCost", request.metric());
        assertEquals(Optional.empty(), request.tagKey());
        assertEquals(100, request.maxRequests());
        assertEquals(Backoff.DEFAULT, request.backoff());
    }

    @Test
    void itsMonthsAreTheFirstToTheLastAcrossAYear() {
        assertEquals(List.of(YearMonth.of(2025, 11), YearMonth.of(2025, 12), YearMonth.of(2026, 1)),
                FetchRequest.of(YearMonth.of(2025, 11), YearMonth.of(2026, 1)).months());
        assertEquals(List.of(YearMonth.of(2026, 1)), FetchRequest.of(YearMonth.of(2026, 1), YearMonth.of(2026, 1)).months());
    }

    @Test
    void refusesImpossibleRequests() {
        YearMonth jan = YearMonth.of(2026, 1);
        IllegalArgumentException reversed = assertThrows(IllegalArgumentException.class,
                () -> FetchRequest.of(YearMonth.of(2026, 2), jan));
        assertTrue(reversed.getMessage().contains("before the first month"), reversed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FetchRequest.of(jan, jan).withMaxRequests(0));
        assertThrows(IllegalArgumentException.class, () -> FetchRequest.of(jan, jan).withMetric(" "));
        assertThrows(IllegalArgumentException.class, () -> FetchRequest.of(jan, jan).withTagKey(""));
    }

    @Test
    void backoffDoublesUpToItsMaximum() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(500), 6);

        assertEquals(List.of(100L, 200L, 400L, 500L, 500L, 500L),
                List.of(1, 2, 3, 4, 5, 6).stream().map(r -> backoff.delayBefore(r).toMillis()).toList());
        assertEquals(Duration.ofSeconds(16), Backoff.DEFAULT.delayBefore(40), "no overflow on many retries");
    }

    @Test
    void backoffRefusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 1));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMillis(-1), Duration.ofSeconds(1), 1));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ZERO, -1));
    }
}
