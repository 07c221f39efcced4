package io.servicedocs.site.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdIndexTest {

    private record Element(String id, int value) {
    }

    @Test
    void looksUpByIdAndIteratesInTheListsOrderAsALinkedHashMap() {
        List<Element> elements = List.of(new Element("tests", 1), new Element("alerts", 2), new Element("runbook", 3));
        Map<String, Element> index = IdIndex.of(elements, Element::id);
        assertEquals(new Element("alerts", 2), index.get("alerts"));
        assertNull(index.get("backup"));
        assertTrue(index.containsKey("runbook"));
        assertFalse(index.containsKey("backup"));
        assertEquals(3, index.size());
        assertEquals(List.of("tests", "alerts", "runbook"), new ArrayList<>(index.keySet()));
        assertEquals(elements, new ArrayList<>(index.values()));
        Map<String, Element> linked = new LinkedHashMap<>();
        elements.forEach(e -> linked.put(e.id(), e));
        assertEquals(linked, index);
        assertEquals(linked.hashCode(), index.hashCode());
        assertThrows(UnsupportedOperationException.class, () -> index.put("backup", new Element("backup", 4)));
    }

    @Test
    void repeatedIdsKeepTheMapsRules() {
        Map<String, Element> index = IdIndex.of(List.of(new Element("a", 1), new Element("b", 2), new Element("a", 3)),
                Element::id);
        assertEquals(new Element("a", 3), index.get("a")); // the last one, as put() into a map
        assertEquals(List.of("a", "b"), new ArrayList<>(index.keySet()));
    }

    @Test
    void aLongListIsHashedInTheSameOrder() {
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i <= IdIndex.MOST; i++) {
            elements.add(new Element("item-" + (IdIndex.MOST - i), i));
        }
        Map<String, Element> index = IdIndex.of(elements, Element::id);
        assertFalse(index instanceof IdIndex, "a list of " + elements.size() + " is not scanned");
        assertEquals(elements.stream().map(Element::id).toList(), new ArrayList<>(index.keySet()));
        assertEquals(new Element("item-0", IdIndex.MOST), index.get("item-0"));
        assertTrue(IdIndex.of(elements.subList(0, IdIndex.MOST), Element::id) instanceof IdIndex);
    }
}
