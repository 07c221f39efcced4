package io.servicedocs.scaffold;

import io.servicedocs.cost.data.CostMonthYaml;
import io.servicedocs.model.CostElement;
import io.servicedocs.model.CostMonth;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The cost set-up of a generated repository, for benchmarks: an even and a fixed pool over all
 * products, a usage pool over the first 200 (a shared cluster), USD rates, CPU usage per product, and a month file per month of AWS cost (the product
 * accounts, the shared accounts and one account nobody claims); the last month provisional.
 */
final class SyntheticCosts {

    private static final String CLUSTER_ACCOUNT = "800000000001";
    private static final String NETWORK_ACCOUNT = "800000000002";
    private static final String SANDBOX_ACCOUNT = "800000000003";
    private static final int CLUSTER_PRODUCTS = 200;

    private SyntheticCosts() {
    }

    /** @param accounts each product's AWS account, in product order */
    static void write(Path target, List<String> products, List<String> accounts, List<YearMonth> months, Random random)
            throws IOException {
        // a shared cluster hosts some products, not thousands: usage is measured for those only
        List<String> onCluster = products.subList(0, Math.min(products.size(), CLUSTER_PRODUCTS));
        Files.writeString(target.resolve("standards/costs.yaml"), costs(products, onCluster));
        Files.writeString(target.resolve("standards/exchange-rates.yaml"), rates(months, random));
        Files.writeString(target.resolve("standards/usage.yaml"), usage(onCluster, months, random));
        Path folder = target.resolve(CostMonth.FOLDER).resolve("aws");
        Files.createDirectories(folder);
        for (int m = 0; m < months.size(); m++) {
            YearMonth month = months.get(m);
            boolean last = m == months.size() - 1;
            List<CostMonth.CostLine> lines = new ArrayList<>();
            for (String account : accounts) {
                lines.add(line(account, dollars(200_000 + random.nextInt(3_000_000))));
            }
            lines.add(line(CLUSTER_ACCOUNT, dollars(2_000_000 + random.nextInt(500_000) * (long) products.size())));
            lines.add(line(NETWORK_ACCOUNT, dollars(500_000 + random.nextInt(100_000))));
            lines.add(line(SANDBOX_ACCOUNT, dollars(10_000 + random.nextInt(50_000))));
            Instant retrieved = month.plusMonths(1).atDay(last ? 1 : 4).atStartOfDay().toInstant(ZoneOffset.UTC);
            CostMonth file = new CostMonth("aws", month, last ? CostMonth.Status.PROVISIONAL : CostMonth.Status.FINAL,
                    "AmortizedCost", retrieved, Optional.empty(), lines, List.of());
            Files.writeString(folder.resolve(month + ".yaml"), CostMonthYaml.render(file));
            CostMonth licences = new CostMonth("saas", month, file.status(), "FOCUS 1.2 EffectiveCost", retrieved,
                    Optional.empty(), List.of(new CostMonth.CostLine(new CostElement(CostElement.Provider.SAAS, "LIC-1",
                    Optional.empty(), Optional.of("LicenceCo")), Optional.empty(),
                    BigDecimal.valueOf(1_000_000L + random.nextInt(100_000) * (long) products.size()),
                    java.util.Currency.getInstance("JPY"))), List.of());
            Path saas = target.resolve(CostMonth.FOLDER).resolve("saas");
            Files.createDirectories(saas);
            Files.writeString(saas.resolve(month + ".yaml"), CostMonthYaml.render(licences));
        }
    }

    private static CostMonth.CostLine line(String account, BigDecimal amount) {
        return new CostMonth.CostLine(new CostElement(CostElement.Provider.AWS, account, Optional.empty(), Optional.empty()),
                Optional.empty(), amount, java.util.Currency.getInstance("USD"));
    }

    private static BigDecimal dollars(long cents) {
        return new BigDecimal(BigInteger.valueOf(cents), 2);
    }

    /**
     * Targets one per line: a flow list of thousands of ids on one line would pass YAML's
     * line-length limit (yaml-line-too-long, 65,536 characters).
     */
    private static String blockList(List<String> ids) {
        return ids.stream().map(id -> "        - " + id).collect(java.util.stream.Collectors.joining("\n"));
    }

    private static String costs(List<String> products, List<String> onCluster) {
        StringBuilder yaml = new StringBuilder("""
                # yaml-language-server: $schema=../schemas/costs.schema.json
                # Generated for benchmarks: one pool per split method over every product.
                reporting_currency: JPY
                shared_pools:
                  - id: shared-cluster
                    name: Shared cluster
                    cost_elements:
                      - {provider: aws, id: "%s"}
                    split:
                      method: usage
                      metric: cpu
                      targets:
                %s
                  - id: network
                    name: Network
                    cost_elements:
                      - {provider: aws, id: "%s"}
                    split:
                      method: even
                      targets:
                %s
                """.formatted(CLUSTER_ACCOUNT, blockList(onCluster), NETWORK_ACCOUNT, blockList(products)));
        // a fixed split needs percentages that total exactly 100: hundredths of a percent, the rest to the first
        if (products.size() <= 10_000) {
            yaml.append("""
                      - id: licences
                        name: Licences
                        cost_elements:
                          - {provider: saas, vendor: LicenceCo, id: LIC-1}
                        split:
                          method: fixed
                          percentages:
                    """);
            int each = 10_000 / products.size();
            int rest = 10_000 - each * products.size();
            for (int i = 0; i < products.size(); i++) {
                int hundredths = each + (i < rest ? 1 : 0);
                yaml.append("            ").append(products.get(i)).append(": ")
                        .append(BigDecimal.valueOf(hundredths, 2).stripTrailingZeros().toPlainString()).append('\n');
            }
        }
        return yaml.toString();
    }

    private static String rates(List<YearMonth> months, Random random) {
        StringBuilder yaml = new StringBuilder("# yaml-language-server: $schema=../schemas/exchange-rates.schema.json\n"
                + "source: generated for benchmarks\nrates:\n  USD:\n");
        for (YearMonth month : months) {
            yaml.append("    \"").append(month).append("\": ")
                    .append(BigDecimal.valueOf(14_000 + random.nextInt(1_500), 2).toPlainString()).append('\n');
        }
        return yaml.toString();
    }

    private static String usage(List<String> products, List<YearMonth> months, Random random) {
        StringBuilder yaml = new StringBuilder("# yaml-language-server: $schema=../schemas/usage.schema.json\n"
                + "metrics:\n  cpu:\n    name: CPU requests\n    unit: vCPU\n    months:\n");
        for (YearMonth month : months) {
            yaml.append("      \"").append(month).append("\":\n");
            for (String product : products) {
                yaml.append("        ").append(product).append(": ").append(1 + random.nextInt(64)).append('\n');
            }
        }
        return yaml.toString();
    }
}
