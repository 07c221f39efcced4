package io.servicedocs.security;

import io.servicedocs.cost.focus.BillingAccountColumn;
import static io.servicedocs.security.PlantedAttacks.assertRefusedEverywhere;
import static io.servicedocs.security.PlantedAttacks.guarded;
import static io.servicedocs.security.AttackRepository.assertNoSecretIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.cli.CliAccess;
import io.servicedocs.security.PlantedAttacks.Planted;
import io.servicedocs.load.NumberBounds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers cannot stop the build: a number too large, too small or too long for any amount, rate
 * or usage figure, in YAML or in an imported FOCUS file, is an error at its place, quickly; never
 * an internal error, a hang or a page of a billion digits.
 */
class NumberBoundsSecurityTest {

    /** A generous guard against hangs, not a speed target: each command takes seconds on a busy machine. */

    @TempDir
    Path dir;


    /** "line:col" of the first occurrence of {@code text} in a file of the repository. */
    private static String placeOf(AttackRepository repo, String path, String text) throws IOException {
        String content = Files.readString(repo.root().resolve(path), StandardCharsets.UTF_8);
        int at = content.indexOf(text);
        assertTrue(at >= 0, text + " not in " + path);
        String before = content.substring(0, at);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        return line + ":" + (at - before.lastIndexOf('\n'));
    }

    /** Replaces the first {@code from} of a file and says where the attack {@code literal} now is. */
    private static Planted plant(AttackRepository repo, String file, String from, String to, String literal, String rule,
                                 String messageStart) throws IOException {
        String content = Files.readString(repo.root().resolve(file), StandardCharsets.UTF_8);
        int at = content.indexOf(from);
        assertTrue(at >= 0, from + " not in " + file);
        int end = at + from.length();
        while (from.endsWith(": ") && "0123456789.-+eE".indexOf(content.charAt(end)) >= 0) {
            end++; // the number after a bare key
        }
        repo.write(file, content.substring(0, at) + to + content.substring(end));
        return new Planted(file, placeOf(repo, file, literal), rule, messageStart);
    }

    private static Planted outOfRange(AttackRepository repo, String file, String from, String literal, String why)
            throws IOException {
        String key = from.substring(0, from.indexOf(": ") + 2);
        return plant(repo, file, from, key + literal + (from.endsWith(",") ? "," : ""), literal, NumberBounds.RULE,
                NumberBounds.shown(literal) + " is out of range: " + why);
    }

    @Test
    void everyNumberOutOfBoundsInYamlIsRefusedAtItsPlaceByValidateBuildAndReview() throws Exception {
        try (AttackRepository repo = AttackRepository.create(dir)) {
            String magnitude = "it is 10^18 or more in magnitude; " + NumberBounds.LIMITS;
            String decimals = "it has over a million decimal places; " + NumberBounds.LIMITS;
            List<Planted> attacks = List.of(
                    // cost amounts, one file each (the loader stops at a file's first problem)
                    outOfRange(repo, "cost-data/aws/2026-01.yaml", "amount: 270.24", "1e999999999", magnitude),
                    outOfRange(repo, "cost-data/aws/2026-02.yaml", "amount: ", "1e-999999999", decimals),
                    outOfRange(repo, "cost-data/aws/2026-03.yaml", "amount: ", "1e9999999", magnitude),
                    outOfRange(repo, "cost-data/aws/2026-04.yaml", "amount: ", "-1E+2147483647", magnitude),
                    outOfRange(repo, "cost-data/aws/2026-05.yaml", "amount: ", "0.1e-2147483648", decimals),
                    outOfRange(repo, "cost-data/aws/2026-06.yaml", "amount: ", "1234567890123456789012345678901234567890",
                            "it has more than 30 significant digits"),
                    // every other kind of number: money, demand, rates, usage, percentages, levels, settings
                    outOfRange(repo, "products/data-api/finance.yaml", "amount: 3600000,", "1e999999999", magnitude),
                    outOfRange(repo, "products/iot-platform/finance.yaml", "    demand: ", "1e-999999999", decimals),
                    outOfRange(repo, "standards/exchange-rates.yaml", "\"2025-06\": 164.87", "1e999999999", magnitude),
                    outOfRange(repo, "standards/usage.yaml", "iot-platform: 150.5", "-1E+2147483647", magnitude),
                    outOfRange(repo, "products/data-api/service-doc.yaml", "target_percent: 99.9", "1e9999999", magnitude),
                    outOfRange(repo, "products/data-api/assessment.yaml", "level: 2", "1e999999999", magnitude),
                    outOfRange(repo, "site.yaml", "fiscal_year_start: 4", "1e999999999", magnitude),
                    // a million digits: refused before the YAML scanner (quadratic in a line's length) reads them
                    lineTooLong(repo, "products/smart-agri/finance.yaml", "7".repeat(1_000_000)),
                    // in quotes it is a string: the schema refuses it, nothing parses it
                    plant(repo, "cost-data/gcp/2026-01.yaml", "amount: ", "amount: \"1e999999999\"", "\"1e999999999\"",
                            "schema-type", "'1e999999999': string found, number expected"));
            assertRefusedEverywhere(repo, attacks);
        }
    }

    private static Planted lineTooLong(AttackRepository repo, String file, String digits) throws IOException {
        Planted planted = plant(repo, file, "    demand: ", "    demand: " + digits, digits.substring(0, 10), "", "");
        String line = planted.place().split(":")[0];
        return new Planted(file, line + ":65537", "yaml-line-too-long",
                "line " + line + " is longer than 65536 characters");
    }

    @Test
    void everyAmountOutOfBoundsInAnImportedFocusFileIsRefusedWithLineAndColumnAndNothingIsWritten() throws Exception {
        List<String> literals = List.of("1e999999999", "1e-999999999", "1e9999999", "-1E+2147483647", ".1e-2147483648",
                "1000000000000000000", "9".repeat(1_000_000));
        try (AttackRepository repo = AttackRepository.create(dir)) {
            Path csv = repo.outside("import").resolve("costs.csv");
            StringBuilder text = new StringBuilder("ProviderName,SubAccountId,SubAccountName,ChargePeriodStart,"
                    + "BillingCurrency,EffectiveCost,ChargeCategory\n"
                    + "AWS,108245967731,hoshimi-sandbox,2026-10-01,USD,12.5,Usage\n");
            for (String literal : literals) {
                text.append("AWS,108245967731,hoshimi-sandbox,2026-10-01,USD,").append(literal).append(",Usage\n");
            }
            Files.writeString(csv, BillingAccountColumn.add(text.toString()));
            List<String> before = costData(repo);

            CliAccess.Run run = guarded(() -> CliAccess.run("costs", "import", "--repo", repo.root().toString(),
                    "--as-of", AttackRepository.AS_OF.toString(), csv.toString()));

            assertEquals(1, run.status(), run.out() + run.err());
            for (int i = 0; i < literals.size(); i++) {
                String expected = csv + ":" + (i + 3) + ": column EffectiveCost: " + NumberBounds.shown(literals.get(i))
                        + " is out of range: ";
                assertTrue(run.err().contains(expected), expected + "\n" + run.err());
            }
            assertFalse(run.err().contains("internal error"), run.err());
            assertTrue(run.err().length() < 10_000, "short messages, not the numbers");
            assertEquals(before, costData(repo), "nothing written");
            assertNoSecretIn(run);
            assertNoSecretIn(repo.root().resolve("cost-data"));
        }
    }

    private static List<String> costData(AttackRepository repo) throws IOException {
        try (Stream<Path> files = Files.walk(repo.root().resolve("cost-data"))) {
            return files.filter(Files::isRegularFile).map(f -> {
                try {
                    return f + " " + Files.size(f) + " " + Files.getLastModifiedTime(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sorted().toList();
        }
    }
}
