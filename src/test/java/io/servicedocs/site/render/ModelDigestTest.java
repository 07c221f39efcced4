package io.servicedocs.site.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.site.view.ProductView.LinkView;
import io.servicedocs.site.view.ProductView.PersonView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The digest of a page model tells models apart by content, whatever their texts look like. */
class ModelDigestTest {

    private static Optional<byte[]> digest(Object value) {
        ModelDigest digest = new ModelDigest();
        digest.value(value);
        return digest.finish();
    }

    private static String hex(Object value) {
        return java.util.HexFormat.of().formatHex(digest(value).orElseThrow());
    }

    @Test
    void equalModelsMadeApartHaveTheSameDigest() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("person", new PersonView("Ann", Optional.of("ann@example.com"), Optional.empty()));
        one.put("links", List.of(new LinkView("Runbook", "https://example.com/r")));
        one.put("amount", new BigDecimal("1.50"));
        Map<String, Object> two = new LinkedHashMap<>();
        two.put("person", new PersonView("Ann", Optional.of("ann@example.com"), Optional.empty()));
        two.put("links", new ArrayList<>(List.of(new LinkView("Runbook", "https://example.com/r"))));
        two.put("amount", new BigDecimal("1.50"));
        assertEquals(hex(one), hex(two));
        assertEquals(64, hex(one).length());
    }

    @Test
    void modelsWhoseTextsReadTheSameDiffer() {
        // both read LinkView[title=a, url=b, url=c]: the text hashed before could not tell them apart
        LinkView crafted = new LinkView("a, url=b", "c");
        LinkView plain = new LinkView("a", "b, url=c");
        assertEquals(String.valueOf(crafted), String.valueOf(plain));
        assertFalse(hex(crafted).equals(hex(plain)));
        // a list of two strings and a list of one string holding both
        assertFalse(hex(List.of("a", "b")).equals(hex(List.of("a, b"))));
        assertEquals(String.valueOf(List.of("a", "b")), String.valueOf(List.of("a, b")));
        // the scale of an amount, an empty optional and a missing value, true and "true"
        assertFalse(hex(new BigDecimal("1.5")).equals(hex(new BigDecimal("1.50"))));
        assertFalse(hex(Optional.empty()).equals(hex(List.of())));
        assertFalse(hex(true).equals(hex("true")));
        assertFalse(hex(1).equals(hex("1")));
    }

    @Test
    void aValueMetAgainCountsAsItsContent() {
        LinkView link = new LinkView("Runbook", "https://example.com/r");
        List<Object> shared = List.of(link, Map.of("runbook", link));
        List<Object> changed = List.of(link, Map.of("runbook", new LinkView("Runbook", "https://example.com/other")));
        assertFalse(hex(shared).equals(hex(changed)));
        // the same sharing again gives the same digest
        LinkView again = new LinkView("Runbook", "https://example.com/r");
        assertEquals(hex(shared), hex(List.of(again, Map.of("runbook", again))));
    }

    @Test
    void numbersAndLengthsOfEverySizeDiffer() {
        // lengths and numbers are written in as many bytes as they need: every size stays apart
        List<Object> values = new ArrayList<>(List.of(0, 1, -1, 63, -64, 64, 127, 128, 255, 16_383, 16_384,
                Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 35, -(1L << 35)));
        values.add("x".repeat(127));
        values.add("x".repeat(128));
        values.add("x".repeat(20_000)); // longer than the buffer
        values.add(List.of("x".repeat(127), "x"));
        values.add(java.util.Collections.nCopies(300, "a"));
        values.add(java.util.Collections.nCopies(301, "a"));
        java.util.Set<String> digests = new java.util.HashSet<>();
        for (Object value : values) {
            assertTrue(digests.add(hex(value)), "same digest as another value: " + value);
            assertEquals(hex(value), hex(value));
        }
        // an int and a long of the same value are the same number, as before
        assertEquals(hex(5), hex(5L));
    }

    /** A record with a component made from its other one, as a chart is drawn from its months. */
    record Charted(List<Integer> months, @io.servicedocs.site.view.Derived String chart, String title) {
    }

    @Test
    void derivedComponentsAreLeftOutAndTheOthersStillCount() {
        Charted one = new Charted(List.of(1, 2), "<svg>1 2</svg>", "Costs");
        // the chart is not hashed: its inputs are
        assertEquals(hex(one), hex(new Charted(List.of(1, 2), "<svg>other</svg>", "Costs")));
        assertFalse(hex(one).equals(hex(new Charted(List.of(1, 3), "<svg>1 2</svg>", "Costs"))));
        assertFalse(hex(one).equals(hex(new Charted(List.of(1, 2), "<svg>1 2</svg>", "Costs2"))));
        // the components around it stay apart: the title is not read as the chart
        assertFalse(hex(new Charted(List.of(), "", "a")).equals(hex(new Charted(List.of(), "a", ""))));
    }

    @Test
    void aProductsCostChartsAreDerived() throws Exception {
        for (String name : List.of("chartSvg", "unitChartSvg")) {
            java.lang.reflect.RecordComponent component = java.util.Arrays.stream(
                    io.servicedocs.site.view.ProductCostsView.class.getRecordComponents())
                    .filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
            assertTrue(component.isAnnotationPresent(io.servicedocs.site.view.Derived.class), name);
        }
        // and nothing else of it: its months, from which the charts are drawn, are hashed
        assertEquals(2, java.util.Arrays.stream(io.servicedocs.site.view.ProductCostsView.class.getRecordComponents())
                .filter(c -> c.isAnnotationPresent(io.servicedocs.site.view.Derived.class)).count());
    }

    @Test
    void aValueWithoutContentHasNoDigest() {
        assertTrue(digest(List.of("a", new Object())).isEmpty());
        assertTrue(digest(Map.of("x", new StringBuilder("text"))).isEmpty());
        assertArrayEquals(digest("a").orElseThrow(), digest("a").orElseThrow());
    }
}
