package io.servicedocs.scaffold;

import io.servicedocs.model.Money;
import io.servicedocs.model.QualityItem;
import io.servicedocs.model.SecurityAnswers.Answer;
import io.servicedocs.model.SecurityCheck;
import io.servicedocs.model.Standard;
import io.servicedocs.model.Tier;
import io.servicedocs.scaffold.ProductDraft.CostElementDraft;
import io.servicedocs.scaffold.ProductDraft.MonthDraft;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes a valid repository with N generated products under a given standard (and the site's
 * templates, content and assets, when the source repository has them), for benchmarks:
 * varied phases, tiers, levels and answers, 12 months of figures, a cost element each, and a
 * cost set-up with 13 months of cost data ({@link SyntheticCosts}). The same seed gives the same
 * repository.
 */
public final class SyntheticRepository {

    private SyntheticRepository() {
    }

    /**
     * @param standardRoot repository whose standards/, schemas/ and site sources are copied
     * @param target an empty or missing folder
     */
    public static void write(Standard standard, Path standardRoot, Path target, int products, LocalDate asOf, long seed)
            throws IOException {
        copyFolder(standardRoot.resolve("standards"), target.resolve("standards"));
        // the source's cost set-up names its own products: the generated one replaces it
        for (io.servicedocs.load.FileKind kind : io.servicedocs.load.FileKind.costSettingFiles()) {
            Files.deleteIfExists(target.resolve(kind.standardPath()));
        }
        // and its teams.yaml names its own teams: the generated products' teams stay free ids
        Files.deleteIfExists(target.resolve(io.servicedocs.load.FileKind.TEAMS.standardPath()));
        copyFolder(standardRoot.resolve("schemas"), target.resolve("schemas"));
        // The site's sources too, when there are any, so that the repository can be built.
        for (String folder : List.of("templates", "content", "assets")) {
            if (Files.isDirectory(standardRoot.resolve(folder))) {
                copyFolder(standardRoot.resolve(folder), target.resolve(folder));
            }
        }
        if (Files.exists(standardRoot.resolve("site.yaml"))) {
            Files.copy(standardRoot.resolve("site.yaml"), target.resolve("site.yaml"));
        }
        Random random = new Random(seed);
        List<String> ids = new java.util.ArrayList<>();
        List<String> accounts = new java.util.ArrayList<>();
        for (int i = 0; i < products; i++) {
            ProductDraft draft = draft(standard, i, asOf, random);
            ProductWriter.write(target, draft.id(), ProductWriter.render(standard, draft));
            ids.add(draft.id());
            draft.costElements().forEach(e -> accounts.add(e.id()));
        }
        if (products > 0) {
            // the 12 months of the products' figures and the current, provisional month
            List<YearMonth> months = new java.util.ArrayList<>();
            for (int m = 12; m >= 0; m--) {
                months.add(YearMonth.from(asOf).minusMonths(m));
            }
            SyntheticCosts.write(target, ids, accounts, months, random);
        }
    }

    static ProductDraft draft(Standard standard, int index, LocalDate asOf, Random random) {
        String id = String.format("product-%05d", index);
        List<Tier> tiers = standard.info().tiers();
        Optional<String> tier = tiers.isEmpty() ? Optional.empty()
                : Optional.of(tiers.get(random.nextInt(tiers.size())).id());
        // Leave out the last phase (typically sunset) for most products, as in a real portfolio.
        int phases = standard.phases().size();
        String phase = standard.phases().get(random.nextInt(Math.max(1, phases - 1))).id();
        Map<String, Integer> levels = new HashMap<>();
        for (QualityItem item : standard.items()) {
            int required = item.requiredLevel(phase, tier.orElse(""));
            int level = Math.max(0, Math.min(item.maxLevel(), required + random.nextInt(3) - 1));
            levels.put(item.id(), level);
        }
        Map<String, Answer> answers = new HashMap<>();
        for (SecurityCheck check : standard.checks()) {
            answers.put(check.id(), random.nextInt(10) < 8 ? Answer.YES : Answer.NO);
        }
        SortedMap<YearMonth, MonthDraft> months = new TreeMap<>();
        YearMonth last = YearMonth.from(asOf).minusMonths(1);
        long mrr = 1_000_000L + random.nextInt(20_000_000);
        for (int m = 11; m >= 0; m--) {
            long revenue = mrr * (100 - m) / 100;
            months.put(last.minusMonths(m), new MonthDraft(yen(revenue), yen(3_000_000 + random.nextInt(3_000_000)),
                    yen(1_500_000 + random.nextInt(2_000_000)), BigDecimal.valueOf(1_000 + random.nextInt(50_000))));
        }
        String account = String.format("9%011d", index);
        return new ProductDraft(id, "Product " + index, "Synthetic product number " + index + " for benchmarks.",
                "team-" + (index % 40), new ProductDraft.People("Product manager " + index, "Tech lead " + index,
                        "Synthetic users of product " + index + "."), tier, "https://github.example.com/synthetic/" + id, phase,
                asOf.minusDays(30 + random.nextInt(600)), asOf.minusDays(random.nextInt(60)), "Benchmark generator",
                levels, answers, List.of(new CostElementDraft("aws", account)), months);
    }

    private static Money yen(long amount) {
        return Money.of(Long.toString(amount), "JPY");
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            throw new java.nio.file.NoSuchFileException(from.toString(), null, "expected a folder to copy");
        }
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path destination = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination);
                }
            }
        }
    }
}
