package io.servicedocs.cost.focus;

import java.util.ArrayList;
import java.util.List;

/**
 * The FOCUS texts of tests written before BillingAccountId became required: adds the column, as
 * the first one, with the value {@value #ACCOUNT} on every row, so that those tests go on testing
 * what they were written for. Blank lines stay blank (they are skipped rows), the header repeated
 * stays the header (in any case), a line inside a quoted value is left as it is; a row's line
 * numbers do not change, its fields move one to the right.
 */
public final class BillingAccountColumn {

    public static final String ACCOUNT = "BA-1";

    private BillingAccountColumn() {
    }

    public static String add(String csv) {
        if (csv.isEmpty()) {
            return csv;
        }
        String[] lines = csv.split("\n", -1);
        String header = lines[0];
        List<String> out = new ArrayList<>();
        boolean inQuotes = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean continued = inQuotes;
            inQuotes ^= line.chars().filter(c -> c == '"').count() % 2 == 1;
            if (continued || (i == lines.length - 1 && line.isEmpty())) {
                out.add(line);
            } else if (line.replace(" ", "").equalsIgnoreCase(header.replace(" ", ""))) {
                out.add("BillingAccountId," + line);
            } else if (line.isBlank()) {
                out.add(line);
            } else {
                out.add(ACCOUNT + "," + line);
            }
        }
        return String.join("\n", out);
    }
}
