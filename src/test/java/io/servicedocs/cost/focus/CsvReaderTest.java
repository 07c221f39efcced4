package io.servicedocs.cost.focus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.cost.focus.CsvReader.CsvFormatException;
import io.servicedocs.cost.focus.CsvReader.CsvRecord;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<CsvRecord> read(String text) throws IOException, CsvFormatException {
        List<CsvRecord> records = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new StringReader(text))) {
            for (Optional<CsvRecord> r = reader.next(); r.isPresent(); r = reader.next()) {
                records.add(r.get());
            }
        }
        return records;
    }

    private static List<List<String>> fields(String text) throws IOException, CsvFormatException {
        return read(text).stream().map(CsvRecord::fields).toList();
    }

    private static List<Integer> lines(String text) throws IOException, CsvFormatException {
        return read(text).stream().map(CsvRecord::line).toList();
    }

    @Test
    void plainRecordsWithLfCrlfAndLoneCr() throws Exception {
        List<List<String>> expected = List.of(List.of("a", "b"), List.of("1", "2"), List.of("3", "4"));
        assertEquals(expected, fields("a,b\n1,2\n3,4\n"));
        assertEquals(expected, fields("a,b\r\n1,2\r\n3,4\r\n"));
        assertEquals(expected, fields("a,b\r1,2\r3,4"));
        assertEquals(expected, fields("a,b\n1,2\r\n3,4"));
        assertEquals(List.of(1, 2, 3), lines("a,b\r\n1,2\r\n3,4\r\n"));
    }

    @Test
    void quotedFieldsKeepCommasDoubledQuotesAndLineBreaks() throws Exception {
        List<CsvRecord> records = read("name,note\n\"Smith, J\",\"say \"\"hi\"\"\"\n\"two\nlines\",\"crlf\r\nkept\"\nlast,x\n");
        assertEquals(List.of("Smith, J", "say \"hi\""), records.get(1).fields());
        assertEquals(List.of("two\nlines", "crlf\r\nkept"), records.get(2).fields());
        assertEquals(List.of("last", "x"), records.get(3).fields());
        // the record with two line breaks inside quotes spans lines 3 to 5; the next one starts on line 6
        assertEquals(List.of(1, 2, 3, 6), records.stream().map(CsvRecord::line).toList());
        assertEquals(List.of(true, true), records.get(1).quoted());
        assertEquals(List.of(false, false), records.get(3).quoted());
    }

    @Test
    void emptyFieldsQuotedOrNot() throws Exception {
        List<CsvRecord> records = read(",\"\",\n\"\"\n");
        assertEquals(List.of("", "", ""), records.get(0).fields());
        assertEquals(List.of(false, true, false), records.get(0).quoted());
        assertEquals(List.of(""), records.get(1).fields());
        assertFalse(records.get(1).isBlank(), "a quoted empty field is a value, not a blank line");
    }

    @Test
    void blankLinesAreRecordsAndAFinalLineBreakIsNot() throws Exception {
        List<CsvRecord> records = read("a\n\nb\n");
        assertEquals(3, records.size());
        assertTrue(records.get(1).isBlank());
        assertEquals(List.of(1, 2, 3), records.stream().map(CsvRecord::line).toList());
        assertEquals(List.of(List.of("a"), List.of("b")), fields("a\nb"));
    }

    @Test
    void byteOrderMarkIsDroppedOnlyAtTheStart() throws Exception {
        assertEquals(List.of(List.of("a", "b"), List.of("\uFEFFc", "d")), fields("\uFEFFa,b\n\uFEFFc,d\n"));
        assertEquals(List.of(List.of("q")), fields("\uFEFF\"q\""));
        assertEquals(List.of(), fields("\uFEFF"));
        assertEquals(List.of(), fields(""));
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsLiteral() throws Exception {
        assertEquals(List.of(List.of("5\" disk", "x")), fields("5\" disk,x\n"));
    }

    @Test
    void fieldsKeepTheirSpaces() throws Exception {
        assertEquals(List.of(List.of(" a ", " b")), fields(" a , b"));
    }

    @Test
    void unclosedQuoteIsReportedWhereItOpened() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> read("a,b\n1,2\n3,\"open\nstill\nopen\n"));
        assertEquals(3, e.line());
        assertEquals("field 2: the quoted field opened on this line is not closed before the end of the file",
                e.getMessage());
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> read("a,b\n\"x\ny\"z,1\n"));
        assertEquals(3, e.line());
        assertEquals("field 1: unexpected character 'z' after the closing quote"
                + " (a quote inside a quoted field must be doubled)", e.getMessage());
    }

    @Test
    void overlongFieldIsRefused() {
        String text = "a\n\"" + "x".repeat(CsvReader.MAX_FIELD_LENGTH + 1) + "\"\n";
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> read(text));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("field 1: longer than 1048576 characters"), e.getMessage());
    }

    @Test
    void longInputCrossesBufferBoundaries() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append(i).append(",\"v\"\"").append(i).append("\r\n").append("x\"\r\n");
        }
        List<CsvRecord> records = read(text.toString());
        assertEquals(5000, records.size());
        assertEquals(List.of("4999", "v\"4999\r\nx"), records.get(4999).fields());
        assertEquals(2 * 4999 + 1, records.get(4999).line());
    }
}
