package io.servicedocs.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.load.DocumentLoader;
import io.servicedocs.load.FileKind;
import io.servicedocs.load.LoadedDocument;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.load.YamlDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCostsTest {

    /**
     * The benchmarks generate 5,000 products: every pool target on one line would be a line of
     * about 70,000 characters, which loading refuses (yaml-line-too-long), and the generated
     * repository would not build.
     */
    @Test
    void theCostSettingsOfFiveThousandProductsLoadWithoutFindings(@TempDir Path target) throws Exception {
        List<String> products = IntStream.range(0, 5_000).mapToObj(i -> "product-%05d".formatted(i)).toList();
        List<String> accounts = IntStream.range(0, 5_000).mapToObj(i -> "%012d".formatted(100_000_000_000L + i)).toList();
        Files.createDirectories(target.resolve("standards"));
        SyntheticCosts.write(target, products, accounts, List.of(YearMonth.of(2026, 10)), new Random(42));

        byte[] costs = Files.readAllBytes(target.resolve("standards/costs.yaml"));
        LoadedDocument<YamlDocument> loaded = new DocumentLoader(new SchemaValidator())
                .conform(FileKind.COSTS, "standards/costs.yaml", costs);
        assertEquals(List.of(), loaded.diagnostics());
        List<String> lines = new String(costs, StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.stream().allMatch(l -> l.length() < 200), "every line is short");
        assertEquals(5_000 + 200, lines.stream().filter(l -> l.matches(" {8}- product-\\d{5}")).count(),
                "a target per line: the even pool targets every product, the cluster the first 200");
    }
}
