package io.servicedocs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small cost set-up on top of the minimal repository, small enough to compute by hand: four
 * pools (one per split method), a prepaid amount booked in its first month, an account nobody
 * claims, two months of data (2026-09 final, 2026-10 provisional), USD rates 150 and 148.5.
 */
public final class CostFixture {

    public static final String COSTS = """
            reporting_currency: JPY
            shared_pools:
              - id: cluster
                name: Shared cluster
                cost_elements:
                  - {provider: aws, id: "333333333333", name: shared-cluster}
                split: {method: usage, metric: cpu, targets: [alpha, beta-svc]}
              - id: licences
                name: Security licences
                cost_elements:
                  - {provider: saas, vendor: SecCo, id: SEC-1}
                split:
                  method: fixed
                  percentages: {alpha: 70, beta-svc: 30}
              - id: monitoring
                name: Monitoring
                cost_elements:
                  - {provider: saas, vendor: MonCo, id: MON-1}
                split: {method: proportional, targets: [alpha, beta-svc]}
              - id: network
                name: Network
                cost_elements:
                  - {provider: aws, id: "444444444444"}
                split: {method: even, targets: [alpha, beta-svc]}
            prepaid:
              - id: marketplace-upfront
                name: Marketplace annual subscription
                cost_element: {provider: aws, id: "111111111111"}
                amount: {amount: 1200, currency: USD}
                first_month: "2026-09"
                term_months: 12
                booked_month: "2026-09"
            """;

    public static final String RATES = """
            source: test rates
            rates:
              USD:
                "2026-09": 150
                "2026-10": 148.5
            """;

    public static final String USAGE = """
            metrics:
              cpu:
                name: CPU requests
                unit: vCPU
                months:
                  "2026-09": {alpha: 3, beta-svc: 1}
                  "2026-10": {alpha: 2, beta-svc: 2}
            """;

    public static final String AWS_2026_09 = """
            source: aws
            month: "2026-09"
            status: final
            basis: AmortizedCost
            retrieved: 2026-10-04T03:00:00Z
            costs:
              - element: {provider: aws, id: "111111111111", name: alpha-prod}
                amount: 1500.00
                currency: USD
              - element: {provider: aws, id: "222222222222", name: beta-prod}
                amount: 100.10
                currency: USD
              - element: {provider: aws, id: "333333333333", name: shared-cluster}
                amount: 400.00
                currency: USD
              - element: {provider: aws, id: "444444444444", name: network}
                amount: 10.01
                currency: USD
              - element: {provider: aws, id: "999999999999", name: sandbox}
                amount: 5.00
                currency: USD
            """;

    public static final String SAAS_2026_09 = """
            source: saas
            month: "2026-09"
            status: final
            basis: FOCUS 1.2 EffectiveCost
            retrieved: 2026-10-06T09:00:00Z
            costs:
              - element: {provider: saas, vendor: SecCo, id: SEC-1}
                amount: 100001
                currency: JPY
              - element: {provider: saas, vendor: MonCo, id: MON-1}
                amount: 20.00
                currency: USD
            """;

    public static final String AWS_2026_10 = """
            source: aws
            month: "2026-10"
            status: provisional
            basis: AmortizedCost
            retrieved: 2026-10-29T03:00:00Z
            costs:
              - element: {provider: aws, id: "111111111111", name: alpha-prod}
                amount: 310.00
                currency: USD
              - element: {provider: aws, id: "222222222222", name: beta-prod}
                amount: 100.00
                currency: USD
              - element: {provider: aws, id: "333333333333", name: shared-cluster}
                amount: 400.00
                currency: USD
              - element: {provider: aws, id: "444444444444", name: network}
                amount: 10.00
                currency: USD
            """;

    private CostFixture() {
    }

    /** Every file of the set-up, by path relative to the repository root. */
    /**
     * A final month of the aws source, 2026-10, whose {@code costs:} are the given lines (each
     * indented by two spaces, as under {@code costs:}): for tests of one month file's rules.
     */
    public static String awsOctober(String costLines) {
        return """
                source: aws
                month: "2026-10"
                status: final
                basis: AmortizedCost
                retrieved: 2026-11-05T03:00:00Z
                costs:
                """ + costLines;
    }

    public static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("standards/costs.yaml", COSTS);
        files.put("standards/exchange-rates.yaml", RATES);
        files.put("standards/usage.yaml", USAGE);
        files.put("cost-data/aws/2026-09.yaml", AWS_2026_09);
        files.put("cost-data/saas/2026-09.yaml", SAAS_2026_09);
        files.put("cost-data/aws/2026-10.yaml", AWS_2026_10);
        return files;
    }

    /** A copy of the minimal repository with the cost set-up, in {@code dir}. */
    public static Path repository(Path dir) throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        for (Map.Entry<String, String> file : files().entrySet()) {
            write(repo, file.getKey(), file.getValue());
        }
        return repo;
    }

    public static void write(Path repo, String path, String content) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
