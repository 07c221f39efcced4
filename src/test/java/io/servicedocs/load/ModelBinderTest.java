package io.servicedocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.model.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Records made through {@link SpreadCreators} (issue 15) are the records Jackson makes by itself,
 * and a creator's failure is the same diagnostic at the same node.
 */
class ModelBinderTest {

    private static final Map<String, Class<?>> TYPES = Map.of(
            "service-doc.yaml", io.servicedocs.model.ServiceDoc.class,
            "phase.yaml", io.servicedocs.model.PhaseStatus.class,
            "assessment.yaml", io.servicedocs.model.Assessment.class,
            "security.yaml", io.servicedocs.model.SecurityAnswers.class,
            "finance.yaml", io.servicedocs.model.Finance.class);

    private final ModelBinder spreading = new ModelBinder();
    private final ModelBinder plain = new ModelBinder(false);
    private final YamlReader reader = new YamlReader();
    private int bound;

    private void compare(String path, String text, Class<?> type, List<String> differences) {
        YamlDocument doc = reader.read(path, text.getBytes(StandardCharsets.UTF_8)).document().orElseThrow();
        List<Diagnostic> a = new ArrayList<>();
        List<Diagnostic> b = new ArrayList<>();
        Optional<?> x = spreading.bind(doc, type, a::add);
        Optional<?> y = plain.bind(doc, type, b::add);
        if (!x.toString().equals(y.toString()) || !a.equals(b)) {
            differences.add(path + ": " + x + " " + a + " vs " + y + " " + b);
        }
        if (x.isPresent()) {
            bound++;
        }
    }

    @Test
    void theRecordsOfTheExampleRepositoryAreJacksonsOwn() throws IOException {
        List<String> differences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("products"))) {
            for (Path file : files.filter(f -> TYPES.containsKey(f.getFileName().toString())).sorted().toList()) {
                compare(file.toString(), Files.readString(file), TYPES.get(file.getFileName().toString()), differences);
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("cost-data"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                compare(file.toString(), Files.readString(file), io.servicedocs.model.CostMonth.class, differences);
            }
        }
        assertEquals(List.of(), differences);
        assertTrue(bound > 40, bound + " records");
    }

    @Test
    void aCreatorThatFailsGivesJacksonsDiagnosticAtItsNode() {
        String month = io.servicedocs.CostFixture.awsOctober("""
                  - element: {provider: aws, id: "111111111111"}
                    amount: 12.50
                    currency: USD
                """);
        List<String> differences = new ArrayList<>();
        // a factory that throws (Money.fromYaml: an unknown currency), a value that does not
        // parse (a month), a missing creator argument, an unknown property, a wrong shape
        for (String text : List.of(month, month.replace("currency: USD", "currency: XYZ"),
                month.replace("2026-10", "2026-13"), month.replace("    amount: 12.50\n", ""),
                month.replace("    amount: 12.50\n", "    amount: 12.50\n    colour: red\n"),
                month.replace("amount: 12.50", "amount: [1, 2]"))) {
            compare("cost-data/aws/2026-10.yaml", text, io.servicedocs.model.CostMonth.class, differences);
        }
        // a factory that throws: Money.fromYaml of an unknown currency
        String finance = "months:\n  \"2025-06\":\n    labour:\n      investment: {amount: 3600000, currency: JPY}\n"
                + "      maintenance: {amount: 200000, currency: JPY}\n";
        for (String text : List.of(finance, finance.replace("currency: JPY}\n", "currency: XYZ}\n"),
                finance.replace("amount: 200000", "amount: -1"))) {
            compare("products/p/finance.yaml", text, io.servicedocs.model.Finance.class, differences);
        }
        assertEquals(List.of(), differences);
        List<Diagnostic> problems = new ArrayList<>();
        YamlDocument doc = reader.read("finance.yaml", finance.replace("currency: JPY}\n", "currency: XYZ}\n")
                .getBytes(StandardCharsets.UTF_8)).document().orElseThrow();
        assertEquals(Optional.empty(), spreading.bind(doc, io.servicedocs.model.Finance.class, problems::add));
        assertEquals(1, problems.size());
        assertEquals("invalid-value", problems.get(0).rule());
        assertEquals("4:7", problems.get(0).line() + ":" + problems.get(0).column());
        assertTrue(problems.get(0).message().contains("unknown currency code 'XYZ'"), problems.get(0).message());
    }
}
