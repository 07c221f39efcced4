package io.servicedocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> PHASES = List.of("poc", "beta", "ga", "sunset");

    @Test
    void aValueInAnotherCaseIsSuggestedWhateverItsLength() {
        assertEquals("did you mean 'beta'? expected one of: poc, beta, ga, sunset",
                Suggestions.expectedOneOf("Beta", PHASES));
        assertEquals(Optional.of("aws"), Suggestions.closest("AWS", List.of("aws", "azure", "gcp", "oci", "saas")));
        assertEquals(Optional.of("tier-1"), Suggestions.closest("Tier-1", List.of("tier-1", "tier-2")));
        assertEquals(Optional.of("GA"), Suggestions.closest("ga", List.of("GA")));
    }

    @Test
    void aTypoIsSuggestedInAnyCase() {
        assertEquals(Optional.of("ga"), Suggestions.closest("gaa", PHASES));
        assertEquals(Optional.of("sunset"), Suggestions.closest("Sunest", PHASES));
        assertEquals(Optional.of("identity"), Suggestions.closest("idnetity", List.of("identity", "network")));
        // two neighbouring letters swapped are one typo, even in a short word
        assertEquals(Optional.of("name"), Suggestions.closest("nmae", List.of("id", "name", "summary")));
        assertEquals(Optional.of("title"), Suggestions.closest("titel", List.of("title", "url")));
        assertEquals(Optional.empty(), Suggestions.closest("mane", List.of("id", "summary")));
    }

    @Test
    void aFarOffValueGetsOnlyTheList() {
        assertEquals("expected one of: poc, beta, ga, sunset", Suggestions.expectedOneOf("production", PHASES));
        // short values: two changes in two letters is another word, not a typo
        assertEquals("expected one of: en, ja", Suggestions.expectedOneOf("fr", List.of("en", "ja")));
        assertEquals("expected one of: poc, beta, ga, sunset", Suggestions.expectedOneOf("prod", PHASES));
        assertEquals("expected one of: en, ja", Suggestions.expectedOneOf("", List.of("en", "ja")));
    }

    @Test
    void nothingToChooseFromIsSaidNotListedEmpty() {
        // every product removed from a repository: a pool naming one must not end in "expected one of: "
        assertEquals("there is none to choose from", Suggestions.expectedOneOf("ops-console", List.of()));
    }

    @Test
    void aLongListShowsItsFirstTenAndHowManyMore() {
        List<String> products = IntStream.rangeClosed(1, 25).mapToObj(i -> String.format("product-%02d", i)).toList();
        assertEquals("did you mean 'product-25'? expected one of: product-01, product-02, product-03, product-04, "
                        + "product-05, product-06, product-07, product-08, product-09, product-10, … 15 more",
                Suggestions.expectedOneOf("Product-25", products));
        List<String> twelve = products.subList(0, 12);
        assertEquals(String.join(", ", twelve), Suggestions.list(twelve), "twelve values are shown in full");
        assertEquals("product-01, product-02, product-03, product-04, product-05, product-06, product-07, "
                + "product-08, product-09, product-10, … 3 more", Suggestions.list(products.subList(0, 13)));
        assertEquals("", Suggestions.list(List.of()));
    }
}
