package io.servicedocs.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One place decides how an item's or check's title shows: with its category when the title is not unique. */
class StandardDisplayTitleTest {

    private static final List<Level> LEVELS = List.of(new Level(0, "None", "-"), new Level(1, "Some", "-"));

    private static QualityItem item(String id, String category, String title) {
        return new QualityItem(id, category, title, "Why.", LEVELS, Map.of());
    }

    private static SecurityCheck check(String id, String category, String title) {
        return new SecurityCheck(id, category, title, "What.", "beta", List.of());
    }

    private static final Standard STANDARD = new Standard(
            new StandardInfo("Standard", "1", Optional.empty(), Period.ofMonths(6), List.of(new Tier("tier-1", "Critical", "c"))),
            List.of(new Phase("beta", "Beta", "Early.", "Best effort.", false)),
            List.of(new Category("storage", "Storage", Optional.empty()), new Category("databases", "Databases", Optional.empty())),
            List.of(item("file-backups", "storage", "Backups"), item("db-backups", "databases", "  BACKUPS "),
                    item("replicas", "databases", "Replicas")),
            List.of(new Category("identity", "Identity", Optional.empty()), new Category("network", "Network", Optional.empty())),
            List.of(check("mfa", "identity", "MFA"), check("mfa-vpn", "identity", "mfa"), check("tls", "network", "TLS"),
                    check("tls-internal", "identity", "TLS")));

    @Test
    void aSharedTitleShowsItsCategoryAUniqueOneStaysBare() {
        assertEquals(List.of("Backups (Storage)", "BACKUPS (Databases)", "Replicas"),
                STANDARD.items().stream().map(STANDARD::itemDisplayTitle).toList());
    }

    @Test
    void checksTooWithTheIdWhenTheCategoryDoesNotTellThemApart() {
        assertEquals(List.of("MFA (Identity, mfa)", "mfa (Identity, mfa-vpn)", "TLS (Network)", "TLS (Identity)"),
                STANDARD.checks().stream().map(STANDARD::checkDisplayTitle).toList());
    }

    // --- issue 15: the standard indexes its lists once; answers and equality stay those of the lists

    @Test
    void lookUpsAnswerAsTheListsDoTheFirstOfARepeatedIdWinning() {
        Standard repeated = new Standard(STANDARD.info(), STANDARD.phases(), STANDARD.categories(),
                List.of(item("x", "storage", "First"), item("x", "databases", "Second")), STANDARD.securityCategories(),
                STANDARD.checks());
        assertEquals("First", repeated.item("x").orElseThrow().title());
        assertEquals(Optional.empty(), repeated.item("nope"));
        assertEquals("TLS (Identity)", STANDARD.check("tls-internal").map(STANDARD::checkDisplayTitle).orElseThrow());
        assertEquals(0, STANDARD.phaseIndex("beta"));
        assertEquals(-1, STANDARD.phaseIndex("ga"));
        // an item made elsewhere, equal to none of the standard's own instances, is still answered
        assertEquals("Backups (Storage)", STANDARD.itemDisplayTitle(item("file-backups", "storage", "Backups")));
    }

    @Test
    void twoStandardsOfTheSameContentAreEqual() {
        Standard again = new Standard(STANDARD.info(), STANDARD.phases(), STANDARD.categories(), STANDARD.items(),
                STANDARD.securityCategories(), STANDARD.checks());
        assertEquals(STANDARD, again);
        assertEquals(STANDARD.hashCode(), again.hashCode());
        assertEquals(false, STANDARD.equals(new Standard(STANDARD.info(), STANDARD.phases(), STANDARD.categories(),
                STANDARD.items().subList(0, 2), STANDARD.securityCategories(), STANDARD.checks())));
    }
}
