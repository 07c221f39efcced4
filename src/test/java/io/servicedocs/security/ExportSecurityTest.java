package io.servicedocs.security;

import static io.servicedocs.security.AttackRepository.assertNoSecretIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.cli.CliAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV injection: a product name that a spreadsheet would run as a formula reaches api/matrix.csv
 * as text (a leading ' and quoted), while numbers, negative amounts too, stay numbers.
 */
class ExportSecurityTest {

    @TempDir
    Path dir;

    @Test
    void formulasInNamesReachTheCsvAsTextAndNumbersStayNumbers() throws Exception {
        try (AttackRepository attack = AttackRepository.create(dir)) {
            attack.replace("products/data-api/service-doc.yaml", "name: Hoshimi Data API",
                    "name: '=HYPERLINK(\"http://x\",\"y\")'");
            attack.replace("products/ops-console/service-doc.yaml", "\nname: ", "\nname: '@SUM(1+1)*cmd|' #");
            attack.replace("products/smart-agri/service-doc.yaml", "\nname: ", "\nname: '+1+1' #");
            attack.replace("products/remote-support/service-doc.yaml", "\nname: ", "\nname: '-2+3,x' #");
            attack.commit("formulas in names");
            CliAccess.Run validate = attack.validate();
            assertEquals(0, validate.status(), validate.err());
            Path out = attack.outside("site");
            CliAccess.Run build = attack.build(out);
            assertEquals(0, build.status(), build.err());

            List<String> matrix = Files.readAllLines(out.resolve("api/matrix.csv"));
            assertTrue(matrix.stream().anyMatch(line -> line.startsWith("data-api,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",")),
                    String.join("\n", matrix));
            assertTrue(matrix.stream().anyMatch(line -> line.startsWith("ops-console,\"'@SUM(1+1)*cmd|\",")),
                    String.join("\n", matrix));
            assertTrue(matrix.stream().anyMatch(line -> line.startsWith("smart-agri,\"'+1+1\",")), String.join("\n", matrix));
            assertTrue(matrix.stream().anyMatch(line -> line.startsWith("remote-support,\"'-2+3,x\",")),
                    String.join("\n", matrix));
            // no cell of any export starts a formula; numbers are bare
            for (String csv : List.of("api/matrix.csv", "api/costs.csv")) {
                List<String> lines = Files.readAllLines(out.resolve(csv));
                for (String line : lines) {
                    for (String written : cells(line)) {
                        // what a spreadsheet sees: the value inside the quotes
                        String cell = written.startsWith("\"") && written.endsWith("\"") && written.length() > 1
                                ? written.substring(1, written.length() - 1).replace("\"\"", "\"") : written;
                        assertFalse(!cell.isEmpty() && "=+@\t\r".indexOf(cell.charAt(0)) >= 0, csv + ": " + cell);
                        assertFalse(cell.startsWith("-") && !cell.matches("-[0-9]+(\\.[0-9]+)?"), csv + ": " + cell);
                    }
                }
            }
            String dataApi = matrix.stream().filter(line -> line.startsWith("data-api,")).findFirst().orElseThrow();
            assertTrue(dataApi.matches("data-api,\"[^\"]*(\"\"[^\"]*)*\",[a-z]+,tier-2,data-team,\\d+,\\d+,\\d+,(true|false),.*"),
                    "counts are plain numbers: " + dataApi);
            List<String> costs = Files.readAllLines(out.resolve("api/costs.csv"));
            assertTrue(costs.stream().flatMap(line -> cells(line).stream()).anyMatch(cell -> cell.matches("-[0-9]+(\\.[0-9]+)?")),
                    "a negative amount stays a bare number: " + String.join("\n", costs.subList(0, 5)));
            assertNoSecretIn(out);
            assertNoSecretIn(build);
        }
    }

    /** The cells of a CSV line as written (quotes kept), split on commas outside quotes. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
