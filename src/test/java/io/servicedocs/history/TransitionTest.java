package io.servicedocs.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TransitionTest {

    @Test
    void itsTextIsFromArrowTo() {
        assertEquals("poc->beta", new Transition("poc", "beta").toString());
    }

    @Test
    void transitionsSortByTheirTextAsTheTextKeysDid() {
        // by (from, to) "ga" would come before "ga-2"; by text "ga-2->x" sorts first ('2' < '>')
        List<Transition> sorted = List.copyOf(new TreeSet<>(List.of(new Transition("ga", "retired"),
                new Transition("ga-2", "ga"), new Transition("beta", "ga"))));
        assertEquals(List.of("beta->ga", "ga-2->ga", "ga->retired"), sorted.stream().map(Transition::toString).toList());
        assertEquals(List.copyOf(new TreeSet<>(List.of("ga->retired", "ga-2->ga", "beta->ga"))),
                sorted.stream().map(Transition::toString).toList());
    }

    @Test
    void theJsonOfLeadTimesKeysEachMedianByItsText() {
        Map<Transition, Double> medians = new TreeMap<>(Map.of(new Transition("poc", "beta"), 148.5,
                new Transition("beta", "ga"), 184.0));
        String json = JsonMapper.builder().build().writeValueAsString(new LeadTimes(Map.of(), Optional.empty(), medians));
        assertEquals("{\"perProduct\":{},\"median\":null,\"medianPerTransition\":{\"beta->ga\":184.0,\"poc->beta\":148.5}}",
                json);
    }
}
