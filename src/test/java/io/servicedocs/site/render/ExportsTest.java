package io.servicedocs.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Text cells of the CSV exports cannot start a formula. */
class ExportsTest {

    @Test
    void textThatStartsAFormulaGetsAQuoteMark() {
        assertEquals("'=1+1", Exports.text("=1+1"));
        assertEquals("'+1", Exports.text("+1"));
        assertEquals("'-1", Exports.text("-1"), "a text cell stays text even when it looks like a number");
        assertEquals("'@SUM(A1)", Exports.text("@SUM(A1)"));
        assertEquals("'\t=1", Exports.text("\t=1"));
        assertEquals("'\r=1", Exports.text("\r=1"));
        assertEquals("Hoshimi Data API", Exports.text("Hoshimi Data API"));
        assertEquals("a=1", Exports.text("a=1"));
        assertEquals("", Exports.text(""));
    }
}
